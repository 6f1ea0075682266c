"""Factories shared across apps' tests."""

import factory
from allauth.account.models import EmailAddress

from accounts.credit_code import ALPHABET, check_character
from accounts.models import Membership, Organisation, User
from reference.models import District

DEFAULT_PASSWORD = "correct-horse-battery"


def make_credit_code(serial):
    """A valid unified social credit code, different for each serial number."""
    body = "91320700" + "".join(ALPHABET[(serial // 31**i) % 31] for i in range(9))
    return body + check_character(body)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    name = factory.Sequence(lambda n: f"用户{n}")
    password = factory.PostGenerationMethodCall("set_password", DEFAULT_PASSWORD)

    @factory.post_generation
    def verified(user, create, extracted, **kwargs):
        if create:
            user.save()
            EmailAddress.objects.create(user=user, email=user.email, verified=extracted is not False, primary=True)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    kind = Organisation.Kind.ENTERPRISE
    name = factory.Sequence(lambda n: f"连云港测试科技有限公司{n}")
    credit_code = factory.Sequence(lambda n: make_credit_code(n + 1000))
    district = factory.LazyFunction(lambda: District.objects.get(code="haizhou"))
    contact_name = "张三"
    contact_phone = "0518-88880000"
    contact_email = factory.Sequence(lambda n: f"contact{n}@example.com")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Membership.Role.OWNER


def staff_in(role, **kwargs):
    """A member of the platform staff in one role's group (`accounts.roles`), e.g. staff_in(PLATFORM_OPERATORS)."""
    from django.contrib.auth.models import Group

    user = UserFactory(is_staff=True, **kwargs)
    user.groups.add(Group.objects.get(name=role))
    return user


def rights_handler(unit_code="gongshangju", **kwargs):
    """A case handler of one responsible unit, like the review's `trademark@demo.ip.lyg`: admin access, the
    handlers' group and a `Handler` row, nothing else."""
    from accounts.roles import RIGHTS_HANDLERS
    from reference.models import ResponsibleUnit
    from rights.models import Handler

    user = staff_in(RIGHTS_HANDLERS, **kwargs)
    Handler.objects.create(user=user, unit=ResponsibleUnit.objects.get(code=unit_code))
    return user


def refused_by_the_admin(response):
    """Wagtail answers a PermissionDenied inside /admin/ with a redirect to the admin's home and a message."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")
