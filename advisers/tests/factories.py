"""People the advisers' tests need: a certificate holder as the training records make one, and an
enterprise member to ask them."""

import itertools

from django.utils import timezone

from advisers import profiles
from tests.factories import MembershipFactory, UserFactory
from training.models import Certificate, CourseType

_numbers = itertools.count(1)


def certified(course_type=CourseType.IP_ENGINEER, **user_fields):
    """A person holding a certificate of the platform's training (as `training.enrolments.complete` issues)."""
    user = UserFactory(**user_fields)
    Certificate.objects.create(
        number=f"LYG-TEST-{next(_numbers):05d}",
        holder=user,
        holder_name=user.get_full_name(),
        course_title="知识产权工程师培训",
        course_type=course_type,
        issued_on=timezone.localdate(),
    )
    return user


def profile_of(user, *, publish=False, fields=("C03B",), languages=("zh", "en"), districts=(), **changes):
    from reference.models import District

    values = {
        "display_name": user.get_full_name(),
        "headline": "专利代理师",
        "expertise": "石英材料领域专利挖掘与布局。",
        "ipc_fields": list(fields),
        "languages": list(languages),
        "districts": list(districts) or [District.objects.get(code="haizhou")],
        "availability": "open",
        **changes,
    }
    profile = profiles.save_profile(user, **values)
    if publish:
        profiles.publish(user)
        profile.refresh_from_db()
    return profile


def enterprise_member():
    return MembershipFactory().user
