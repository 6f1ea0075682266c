import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import Invitation, Membership, Organisation
from accounts.roles import PLATFORM_OPERATORS
from reference.models import District
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory, make_credit_code, staff_in

pytestmark = pytest.mark.django_db


def organisation_form_data(**overrides):
    data = {
        "kind": "enterprise",
        "name": "连云港海州智造科技有限公司",
        "credit_code": make_credit_code(7),
        "district": District.objects.get(code="haizhou").pk,
        "address": "海州区朝阳路1号",
        "contact_name": "赵六",
        "contact_phone": "0518-80000001",
        "contact_email": "zhao@example.com",
        "description": "",
    }
    return {**data, **overrides}


def test_user_registers_an_enterprise_and_becomes_its_owner(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(reverse("accounts:organisation_create"), organisation_form_data())
    assert response.status_code == 302
    organisation = Organisation.objects.get(name="连云港海州智造科技有限公司")
    assert organisation.kind == Organisation.Kind.ENTERPRISE
    assert organisation.role_of(user) == Membership.Role.OWNER
    dashboard = client.get(reverse("accounts:dashboard"))
    assert "连云港海州智造科技有限公司" in dashboard.content.decode()


def test_invalid_credit_code_re_renders_the_form_with_what_was_typed(client):
    client.force_login(UserFactory())
    response = client.post(
        reverse("accounts:organisation_create"), organisation_form_data(credit_code="91320700MA1MBQ5X3A")
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "校验位不正确" in page
    assert "连云港海州智造科技有限公司" in page
    assert "91320700MA1MBQ5X3A" in page
    assert not Organisation.objects.exists()


def test_duplicate_credit_code_is_refused_clearly(client):
    existing = OrganisationFactory()
    client.force_login(UserFactory())
    response = client.post(
        reverse("accounts:organisation_create"), organisation_form_data(credit_code=existing.credit_code)
    )
    assert response.status_code == 200
    assert "该统一社会信用代码已被其他组织登记" in response.content.decode()
    assert Organisation.objects.count() == 1


def test_account_cannot_belong_to_two_organisations(client):
    membership = MembershipFactory()
    client.force_login(membership.user)
    response = client.post(reverse("accounts:organisation_create"), organisation_form_data())
    assert response.status_code == 302
    assert Organisation.objects.count() == 1


def test_member_of_another_organisation_cannot_see_or_edit_it(client):
    victim = MembershipFactory().organisation
    intruder = MembershipFactory().user
    client.force_login(intruder)
    assert client.get(reverse("accounts:organisation_detail", args=[victim.pk])).status_code == 404
    assert client.get(reverse("accounts:organisation_edit", args=[victim.pk])).status_code == 404
    response = client.post(
        reverse("accounts:organisation_edit", args=[victim.pk]),
        organisation_form_data(name="改掉的名字", credit_code=victim.credit_code),
    )
    assert response.status_code == 404
    response = client.post(
        reverse("accounts:organisation_invite", args=[victim.pk]), {"email": "x@example.com", "role": "owner"}
    )
    assert response.status_code == 404
    victim.refresh_from_db()
    assert victim.name != "改掉的名字"
    assert not Invitation.objects.exists()


def test_anonymous_visitor_is_sent_to_log_in(client):
    organisation = OrganisationFactory()
    response = client.get(reverse("accounts:organisation_detail", args=[organisation.pk]))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_plain_member_sees_the_organisation_but_cannot_edit_or_invite(client):
    owner = MembershipFactory()
    member = MembershipFactory(organisation=owner.organisation, role=Membership.Role.MEMBER)
    client.force_login(member.user)
    detail = client.get(reverse("accounts:organisation_detail", args=[owner.organisation.pk]))
    assert detail.status_code == 200
    assert owner.user.email in detail.content.decode()
    assert client.get(reverse("accounts:organisation_edit", args=[owner.organisation.pk])).status_code == 403
    response = client.post(
        reverse("accounts:organisation_invite", args=[owner.organisation.pk]),
        {"email": "x@example.com", "role": "member"},
    )
    assert response.status_code == 403
    assert not Invitation.objects.exists()


def test_owner_edits_the_organisation(client):
    owner = MembershipFactory()
    client.force_login(owner.user)
    organisation = owner.organisation
    data = organisation_form_data(name="新名称有限公司", credit_code=organisation.credit_code)
    data.pop("kind")
    response = client.post(reverse("accounts:organisation_edit", args=[organisation.pk]), data)
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.name == "新名称有限公司"


def test_operators_may_read_any_organisation(client):
    organisation = MembershipFactory().organisation
    client.force_login(staff_in(PLATFORM_OPERATORS))
    assert client.get(reverse("accounts:organisation_detail", args=[organisation.pk])).status_code == 200


def test_owner_invites_by_email_and_the_invitee_joins(client, django_capture_on_commit_callbacks):
    owner = MembershipFactory()
    client.force_login(owner.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("accounts:organisation_invite", args=[owner.organisation.pk]),
            {"email": "NewColleague@example.com", "role": "member"},
        )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["newcolleague@example.com"]
    invitation = Invitation.objects.get()
    assert invitation.get_absolute_url() in mail.outbox[0].body

    invitee = UserFactory(email="newcolleague@example.com")
    client.force_login(invitee)
    client.post(invitation.get_absolute_url())
    assert owner.organisation.role_of(invitee) == Membership.Role.MEMBER
    invitation.refresh_from_db()
    assert not invitation.is_pending


def test_invitation_cannot_be_taken_by_someone_else(client):
    owner = MembershipFactory()
    invitation = Invitation.objects.create(
        organisation=owner.organisation, email="right@example.com", invited_by=owner.user
    )
    client.force_login(UserFactory(email="wrong@example.com"))
    response = client.post(invitation.get_absolute_url(), follow=True)
    assert "请用该邮箱的账户登录后接受" in response.content.decode()
    assert owner.organisation.memberships.count() == 1


def test_inviting_an_existing_member_is_refused(client):
    owner = MembershipFactory()
    client.force_login(owner.user)
    response = client.post(
        reverse("accounts:organisation_invite", args=[owner.organisation.pk]),
        {"email": owner.user.email, "role": "member"},
    )
    assert response.status_code == 400
    assert "已是本组织成员" in response.content.decode()
    assert not Invitation.objects.exists()


def test_account_page_links_to_what_the_organisation_can_do(client):
    institution_owner = MembershipFactory(organisation=OrganisationFactory(kind=Organisation.Kind.INSTITUTION))

    def shortcuts(user):
        client.force_login(user)
        return [link["url"] for link in client.get(reverse("accounts:dashboard")).context["links"]]

    assert reverse("services:my_institution") in shortcuts(institution_owner.user)
    assert reverse("training:mine") in shortcuts(institution_owner.user)
    enterprise = shortcuts(MembershipFactory().user)
    assert reverse("services:dashboard") in enterprise
    assert reverse("services:my_institution") not in enterprise
    assert reverse("funding:my_applications") in enterprise
    assert reverse("funding:my_applications") not in shortcuts(institution_owner.user)
    unattached = shortcuts(UserFactory())
    assert reverse("training:mine") in unattached
    assert reverse("services:dashboard") not in unattached
