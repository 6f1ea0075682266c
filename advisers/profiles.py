"""Advisers' profiles: who qualifies, the person's consent to publish and its withdrawal, institutions'
registrations of their members, and the search of the pool.

The pool is a filtered list read from the database on every request, not a cross-search type: a
profile is personal data published by consent, and read this way a withdrawal hides it everywhere at
the moment it is saved, with no copy left in a search index, a saved-search alert or a feed.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from register.classification import IPC_SUBCLASSES, ipc_prefixes, normalise_ipc
from training.models import Certificate

from .models import PROFESSIONAL_COURSES, AdviserProfile, InstitutionRegistration, TitleRecognition


class AdviserError(Exception):
    """A rule about advisers was broken; the message is for the person."""


# --- what qualifies a person --------------------------------------------------------------------------


def certificates_of(user):
    """The person's professional training certificates: facts from the training records, not from the profile."""
    return Certificate.objects.filter(holder=user, course_type__in=PROFESSIONAL_COURSES).order_by("-issued_on")


def registrations_of(user):
    return InstitutionRegistration.objects.filter(
        person=user, status=InstitutionRegistration.Status.ACCEPTED
    ).select_related("organisation")


def titles_of(user):
    return TitleRecognition.objects.filter(person=user, status=TitleRecognition.Status.RECOGNISED).order_by(
        "-decided_on"
    )


def qualifies(user):
    return certificates_of(user).exists() or registrations_of(user).exists() or titles_of(user).exists()


# --- the profile and the consent ------------------------------------------------------------------------


def normalise_fields(values):
    """IPC subclasses ('c03b', 'C03B 20/00' → 'C03B'), each once, in the order given; raises ValidationError."""
    fields = []
    for value in values:
        symbol = normalise_ipc(value)[:4]
        if symbol not in fields:
            fields.append(symbol)
    return fields


def save_profile(
    user, *, display_name, headline, expertise, ipc_fields, languages, districts, availability, availability_note=""
):
    """Create or update the person's own profile. Saving never publishes: consent is its own act."""
    if not qualifies(user):
        raise AdviserError(_("顾问资料只向持有平台专业培训证书、经服务机构登记或经评聘的人员开放。"))
    with transaction.atomic():
        profile, _created = AdviserProfile.objects.select_for_update().get_or_create(
            user=user, defaults={"display_name": display_name, "headline": headline, "expertise": expertise}
        )
        profile.display_name, profile.headline, profile.expertise = display_name, headline, expertise
        profile.ipc_fields = normalise_fields(ipc_fields)
        profile.languages = list(dict.fromkeys(languages))
        profile.availability, profile.availability_note = availability, availability_note
        profile.save()
        profile.districts.set(districts)
    return profile


def publish(user):
    """The person consents to show their profile in the pool (again, after a withdrawal)."""
    with transaction.atomic():
        profile = AdviserProfile.objects.select_for_update().filter(user=user).first()
        if profile is None:
            raise AdviserError(_("请先填写顾问资料。"))
        if not qualifies(user):
            raise AdviserError(_("顾问资料只向持有平台专业培训证书、经服务机构登记或经评聘的人员开放。"))
        if profile.published:
            return profile
        profile.published, profile.consented_at = True, timezone.now()
        profile.save(update_fields=["published", "consented_at", "updated_at"])
    return profile


def withdraw(user):
    """The person withdraws consent: the profile leaves the pool, its page and every search at once.
    Requests already accepted stay with the two sides who exchanged contact details."""
    with transaction.atomic():
        profile = AdviserProfile.objects.select_for_update().filter(user=user).first()
        if profile is None or not profile.published:
            return profile
        profile.published, profile.withdrawn_at = False, timezone.now()
        profile.save(update_fields=["published", "withdrawn_at", "updated_at"])
    return profile


def visible_profile(pk, user):
    """The profile with this key if `user` may see it: anyone while it is in the pool, its person always."""
    profile = AdviserProfile.objects.in_pool().filter(pk=pk).first()
    if profile is None and user.is_authenticated:
        profile = AdviserProfile.objects.filter(pk=pk, user=user).first()
    return profile


# --- institutions' registrations -------------------------------------------------------------------------


def register_colleague(organisation, registered_by, email):
    """An institution's owner registers one of its members as its adviser; the member must accept."""
    if not (organisation.is_institution and organisation.can_manage(registered_by)):
        raise AdviserError(_("只有服务机构的负责人可以登记本机构的顾问。"))
    membership = organisation.memberships.filter(user__email__iexact=email.strip()).select_related("user").first()
    if membership is None:
        raise AdviserError(_("%(email)s 不是本机构成员，请先邀请其加入本机构。") % {"email": email})
    try:
        with transaction.atomic():
            return InstitutionRegistration.objects.create(
                organisation=organisation, person=membership.user, registered_by=registered_by
            )
    except IntegrityError:
        raise AdviserError(_("已登记过该成员。")) from None


def answer_registration(registration, user, accept):
    """The registered person accepts or declines, once."""
    with transaction.atomic():
        locked = InstitutionRegistration.objects.select_for_update().get(pk=registration.pk)
        if locked.person_id != user.pk:
            raise AdviserError(_("只有被登记的本人可以确认。"))
        if not locked.is_proposed:
            return locked
        locked.status = InstitutionRegistration.Status.ACCEPTED if accept else InstitutionRegistration.Status.DECLINED
        locked.answered_at = timezone.now()
        locked.save(update_fields=["status", "answered_at"])
    return locked


# --- the pool ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PoolFilters:
    field: str = ""  # an IPC class or subclass ('C03', 'C03B'); a group narrows to its subclass
    certificate: str = ""  # a training course type
    language: str = ""
    district: object = None
    q: str = ""


def _field_matches(profile_fields, wanted):
    return any(wanted in ipc_prefixes(symbol) for symbol in profile_fields)


def wanted_field(value):
    """The class ('C03') or subclass ('C03B') a filter asks for, or raise ValidationError."""
    value = (value or "").strip().upper().replace(" ", "")
    if len(value) == 3:
        if value not in IPC_SUBCLASSES:
            raise ValidationError(_("IPC大类“%(value)s”不存在。") % {"value": value})
        return value
    return normalise_ipc(value)[:4]


def search_pool(filters):
    """Profiles in the pool matching every filter given, by name."""
    profiles = AdviserProfile.objects.in_pool().prefetch_related("districts")
    if filters.district is not None:
        profiles = profiles.filter(districts=filters.district)
    if filters.certificate:
        profiles = profiles.filter(user__certificates__course_type=filters.certificate)
    if filters.q:
        profiles = profiles.filter(
            Q(display_name__icontains=filters.q) | Q(headline__icontains=filters.q) | Q(expertise__icontains=filters.q)
        )
    found = list(profiles.distinct())
    # Fields and languages are short lists on each profile, and the pool is a city's advisers: read in Python,
    # the same on SQLite and PostgreSQL.
    if filters.field:
        found = [p for p in found if _field_matches(p.ipc_fields, filters.field)]
    if filters.language:
        found = [p for p in found if filters.language in p.languages]
    return found
