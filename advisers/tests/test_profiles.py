"""An adviser's profile is seen only with its person's consent, and a withdrawal hides it at once."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Organisation
from advisers import profiles, requests
from advisers.models import AdviserProfile
from advisers.tests.factories import certified, enterprise_member, profile_of
from reference.models import District
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from training.models import CourseType

pytestmark = pytest.mark.django_db


def pool_names(**filters):
    return [p.display_name for p in profiles.search_pool(profiles.PoolFilters(**filters))]


def test_a_saved_profile_is_not_in_the_pool_without_consent(client):
    person = certified(name="王顾问")
    profile = profile_of(person)

    assert pool_names() == []
    assert client.get(reverse("advisers:profile", args=[profile.pk])).status_code == 404
    assert "王顾问" not in client.get(reverse("advisers:pool")).content.decode()
    client.force_login(person)  # the person sees their own page, marked as not public
    assert "您的资料未公开" in client.get(reverse("advisers:profile", args=[profile.pk])).content.decode()

    profiles.publish(person)
    client.logout()
    assert pool_names() == ["王顾问"]
    assert client.get(reverse("advisers:profile", args=[profile.pk])).status_code == 200


def test_withdrawing_consent_hides_the_profile_at_once_everywhere(client):
    person = certified(name="李顾问")
    profile = profile_of(person, publish=True)
    assert "李顾问" in client.get(reverse("advisers:pool")).content.decode()

    client.force_login(person)
    client.post(reverse("advisers:withdraw"))
    client.logout()

    profile.refresh_from_db()
    assert not profile.published and profile.withdrawn_at is not None
    assert pool_names() == []
    assert "李顾问" not in client.get(reverse("advisers:pool")).content.decode()
    assert client.get(reverse("advisers:profile", args=[profile.pk])).status_code == 404
    with pytest.raises(requests.RequestError, match="已不公开"):
        today = timezone.localdate()
        requests.send_request(
            enterprise_member(), profile, topic="咨询", message="请教", preferred_from=today, preferred_to=today
        )


def test_only_qualified_people_may_keep_a_profile():
    with pytest.raises(profiles.AdviserError, match="只向持有平台专业培训证书"):
        profile_of(UserFactory())
    general = certified(course_type=CourseType.OTHER)
    with pytest.raises(profiles.AdviserError):
        profile_of(general)


def test_an_institution_registers_a_colleague_who_must_accept():
    institution = OrganisationFactory(kind=Organisation.Kind.INSTITUTION)
    owner = MembershipFactory(organisation=institution).user
    colleague = MembershipFactory(organisation=institution, role="member").user
    outsider = UserFactory()

    with pytest.raises(profiles.AdviserError, match="不是本机构成员"):
        profiles.register_colleague(institution, owner, outsider.email)
    with pytest.raises(profiles.AdviserError, match="负责人"):
        profiles.register_colleague(institution, colleague, owner.email)
    registration = profiles.register_colleague(institution, owner, colleague.email)
    assert not profiles.qualifies(colleague)  # not before the person accepts

    profiles.answer_registration(registration, colleague, accept=True)
    profiles.answer_registration(registration, colleague, accept=False)  # answered once: the second changes nothing
    assert profiles.qualifies(colleague)
    profile_of(colleague, publish=True)
    assert AdviserProfile.objects.in_pool().count() == 1


def test_the_pool_filters_by_field_certificate_language_and_district():
    lianyun = District.objects.get(code="lianyun")
    profile_of(certified(name="甲"), publish=True, fields=("C03B",), languages=("zh", "en"))
    profile_of(
        certified(CourseType.PATENT_AGENT, name="乙"),
        publish=True,
        fields=("A61K",),
        languages=("zh", "ja"),
        districts=[lianyun],
    )

    assert sorted(pool_names()) == ["乙", "甲"]
    assert pool_names(field="C03") == ["甲"]
    assert pool_names(field=profiles.wanted_field("a61k 31/00")) == ["乙"]
    assert pool_names(certificate=CourseType.PATENT_AGENT) == ["乙"]
    assert pool_names(language="en") == ["甲"]
    assert pool_names(district=lianyun) == ["乙"]
    assert pool_names(field="C03", language="ja") == []


def test_the_profile_shows_certificates_from_the_training_records(client):
    person = certified(name="赵顾问")
    profile = profile_of(person, publish=True)
    certificate = person.certificates.get()
    page = client.get(reverse("advisers:profile", args=[profile.pk])).content.decode()
    assert certificate.number in page and "平台证书" in page
    assert person.email not in page  # no contact details on the public profile
    assert timezone.localdate() - timedelta(days=1) < certificate.issued_on
