"""The authorisation matrix: every URL of ours, requested as every role, GET and POST, against one table.

`EXPECTATIONS` below is the table: URL pattern name → one or more `Case`s (the objects that fill the pattern,
the data a POST sends, what a POST may change) → the outcome each role should get. The test walks the whole
URLconf; a pattern of ours (a view in one of our apps, or an admin screen our apps register through Wagtail
hooks) without a row fails, naming the pattern. So a new URL cannot go unchecked: give it a row.

The outcomes are what the roles contract (`accounts/roles.py`) says should happen: `is_staff` only opens the
admin; private records are read by the owning organisation's members or holders of the named permission.
The people and records are described in `tests/authorisation_world.py`.

Outcomes: OK (200), REDIRECT (elsewhere than a log-in page), LOGIN (sent to a log-in page: the site's or the
admin's), FORBIDDEN (403, or the admin's "no permission" bounce to its home), NOT_FOUND, NOT_ALLOWED (405),
INVALID (400: the form or payload was refused), DONE (the request changed what the case's probe reads). Any
outcome other than DONE also asserts that nothing the probe reads changed. POST is tried as every role wherever
a request could change something (every case with a probe); pages that only read are requested by GET.
"""

import json
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, include, path, reverse
from django.utils import timezone

from accounts.models import Invitation, Organisation
from advisers.models import AdviceRequest, InstitutionRegistration, TitleRecognition
from advisers.tests.world import customs_list
from analysis.models import PortfolioComparison, Watch
from api.models import APIKey
from cms.models import IssuingAgency
from copyrights.models import Examiner
from copyrights.models import Filing as CopyrightFiling
from copyrights.tests.world import contract_form, work_form
from evaluations.models import DepartmentMember, EvaluationRequest
from funding.models import Application as FundingApplication
from funding.models import ApplicationItem, Attachment, BudgetYear, NoticeBatch, Objection, Programme
from listings.models import (
    Deal,
    FinancingCase,
    FinancingDocument,
    FinancingStep,
    Industry,
    Interest,
    Listing,
    LoanDocument,
)
from payments.models import Payment, Refund, StripeEvent
from reference.models import AbnormalApplication, District, RdSpending, ResidentPopulation, ResponsibleUnit
from register.models import CustomsImport, CustomsRecordal
from register.models import ImportBatch as RegisterImportBatch
from rights.models import Case as RightsCase
from rights.models import CaseNote, Handler
from services.models import Inquiry, InquiryMessage, Institution, Invoice, Notification, Offering, Order, Review
from subscriptions.delivery import unsubscribe_token
from subscriptions.models import SavedSearch
from targets.models import DemonstrationCertification, ImportBatch, Indicator, IndicatorEntry
from tests.authorisation_world import ROLES, build_world, pdf
from tests.factories import make_credit_code
from training.models import Attendance, Enrolment

OK, REDIRECT, LOGIN, FORBIDDEN, NOT_FOUND, NOT_ALLOWED, INVALID, DONE = (
    "OK",
    "REDIRECT",
    "LOGIN",
    "FORBIDDEN",
    "NOT_FOUND",
    "NOT_ALLOWED",
    "INVALID",
    "DONE",
)

# Our code: a pattern whose view lives in one of these apps, or whose admin view works on one of their models.
OUR_APPS = {"accounts", "cms", "core", "listings", "payments", "reference", "rights", "search", "services"}
OUR_APPS |= {"api", "register", "targets", "training"}
OUR_APPS |= {"funding", "subscriptions"}
OUR_APPS |= {"copyrights"}
OUR_APPS |= {"evaluations"}
OUR_APPS |= {"advisers"}
OUR_APPS |= {"analysis"}
# Packages whose own URLs are theirs to guard; any other package's URL fails the walk until declared here.
THIRD_PARTY = {"allauth", "django", "wagtail"}
# Admin screens Wagtail builds for our user model: Wagtail's user management, guarded by Wagtail itself.
NOT_OURS = {"wagtailusers_users"}

ORGANISATION_MEMBERS = ("enterprise_a", "enterprise_b", "institution", "lender")
STAFF = ("handler", "rights_admin", "editor", "operator", "superuser")


def roles(default, **outcomes):
    """Each role's outcome: `default` unless named. `**each(OK, "a", "b")` names several at once."""
    unknown = set(outcomes) - set(ROLES)
    assert not unknown, f"unknown roles {unknown}"
    return {role: outcomes.get(role, default) for role in ROLES}


def each(outcome, *names):
    return dict.fromkeys(names, outcome)


PUBLIC = roles(OK)


def signed_in(outcome=OK, **outcomes):
    """A page behind log-in: anonymous visitors are sent to log in."""
    return roles(outcome, **{"anonymous": LOGIN, **outcomes})


def admin(outcome_for_holders, *holders, **outcomes):
    """An admin screen: anonymous visitors are sent to the admin's log-in, everyone else without the
    permission is refused (403 outside the admin's access, a bounce to the admin home inside it); holders
    (and the superuser) get `outcome_for_holders`."""
    return signed_in(FORBIDDEN, **{**each(outcome_for_holders, *holders, "superuser"), **outcomes})


@dataclass
class Case:
    """One way to fill a URL pattern, and each role's expected outcome for GET and for POST."""

    get: dict
    post: dict | None
    kwargs: Any = field(default_factory=dict)  # URL kwargs, or a function of the world returning them
    data: Any = field(default_factory=dict)  # POST data, or a function of the world returning it
    probe: Any = None  # function of the world reading what a request could change
    label: str = ""

    def resolve(self, value, world):
        return value(world) if callable(value) else value


def same(get, probe=None, **fields):
    """A page that answers POST as it answers GET. With a probe, POST is tried too and must change nothing;
    without one the page only reads, and only GET is requested (it keeps the module fast)."""
    return Case(get=get, post=get if probe else None, probe=probe, **fields)


def reread(attr, *fields):
    """A probe: the named fields of the world's object `attr`, read again from the database."""

    def probe(world):
        obj = getattr(world, attr)
        return type(obj).objects.filter(pk=obj.pk).values_list(*fields).first()

    return probe


def count(model, **filters):
    """A probe: how many rows of `model` match (filter values may be functions of the world)."""

    def probe(world):
        return model.objects.filter(**{k: v(world) if callable(v) else v for k, v in filters.items()}).count()

    return probe


def pk(attr, name="pk"):
    return lambda world: {name: getattr(world, attr).pk}


def organisation_form(world, **changes):
    return {
        "kind": "enterprise",
        "name": "连云港甲方新材料有限公司",
        "credit_code": world.ent_a.credit_code,
        "district": world.ent_a.district_id,
        "contact_name": "王建华",
        "contact_phone": "0518-85661234",
        **changes,
    }


def offering_form(world, **changes):
    return {
        "title": "专利检索分析（矩阵）",
        "category": world.offering.category_id,
        "description": "检索与分析报告。",
        "price_type": "fixed",
        "price_yuan": "1000",
        "delivery_days": "5",
        "status": "draft",
        **changes,
    }


def staff_page(*holders, **outcomes):
    """A staff page outside the admin: holders (and the superuser) get it, others who are logged in get 403."""
    return signed_in(FORBIDDEN, **{**each(OK, *holders, "superuser"), **outcomes})


ORDER_READERS = ("enterprise_a", "institution", "operator", "superuser")
RIGHTS_CASE = {"kwargs": pk("case")}
PRIVATE_TO_A = signed_in(NOT_FOUND, enterprise_a=OK)
UNPUBLISHED_POSTING = roles(NOT_FOUND, enterprise_a=OK, operator=OK, superuser=OK)


def api_key_of_enterprise_a(world):
    """enterprise_a's API key (made inside the test's transaction, so each test starts without one)."""
    user = world.users["enterprise_a"]
    key = APIKey.objects.filter(user=user).first() or APIKey.objects.create(
        user=user, name="矩阵", prefix="ipp_matrix", digest="0" * 64
    )
    return {"pk": key.pk}


def api_rows():
    api_records = {
        "institutions": ("institution", "pending_institution"),
        "offerings": ("offering", "draft_offering"),
        "transactions": ("listing", "draft_listing"),
        "financing": ("product", "submitted_listing"),
        "courses": ("open_course", None),
        "patents": ("patent", None),
        "trademarks": ("trademark", None),
    }
    rows = {f"api:{name}-list": same(PUBLIC) for name in (*api_records, "policies", "news", "patent-information")}
    for name, (public, private) in api_records.items():
        rows[f"api:{name}-detail"] = [same(PUBLIC, kwargs=pk(public), label="public")]
        if private:
            rows[f"api:{name}-detail"].append(same(roles(NOT_FOUND), kwargs=pk(private), label="private"))
    for name in ("policies", "news", "patent-information"):
        rows[f"api:{name}-detail"] = same(roles(NOT_FOUND), kwargs={"pk": 999_999}, label="missing")
    return rows | {
        "api:targets": same(PUBLIC),
        "api:register-statistics": same(PUBLIC),
        "api:schema": same(PUBLIC),
        "api:docs": same(PUBLIC),
        "api:keys": Case(
            get=signed_in(),
            post=signed_in(DONE),
            data={"name": "矩阵密钥"},
            probe=count(APIKey),
        ),
        "api:key_revoke": Case(
            get=signed_in(NOT_ALLOWED),
            post=signed_in(NOT_FOUND, enterprise_a=DONE),
            kwargs=api_key_of_enterprise_a,
            probe=lambda world: list(APIKey.objects.values_list("pk", "revoked_at")),
        ),
    }


EXPECTATIONS = {
    # --- accounts ----------------------------------------------------------------------------------
    "accounts:dashboard": same(signed_in()),
    "accounts:organisation_create": Case(
        get=signed_in(REDIRECT, **each(OK, *STAFF)),
        post=signed_in(REDIRECT, **each(DONE, *STAFF)),
        data=lambda w: organisation_form(w, name="连云港新设科技有限公司", credit_code=make_credit_code(990001)),
        probe=count(Organisation),
    ),
    "accounts:organisation_detail": same(
        signed_in(NOT_FOUND, enterprise_a=OK, operator=OK, superuser=OK), kwargs=pk("ent_a")
    ),
    "accounts:organisation_edit": Case(
        get=signed_in(NOT_FOUND, enterprise_a=OK, operator=FORBIDDEN, superuser=FORBIDDEN),
        post=signed_in(NOT_FOUND, enterprise_a=DONE, operator=FORBIDDEN, superuser=FORBIDDEN),
        kwargs=pk("ent_a"),
        data=lambda w: organisation_form(w, contact_phone="0518-80000000"),
        probe=reread("ent_a", "name", "contact_phone"),
    ),
    "accounts:organisation_invite": Case(
        get=signed_in(NOT_ALLOWED),
        post=signed_in(NOT_FOUND, enterprise_a=DONE, operator=FORBIDDEN, superuser=FORBIDDEN),
        kwargs=pk("ent_a"),
        data={"email": "second@matrix.example", "role": "member"},
        probe=count(Invitation),
    ),
    "accounts:invitation_revoke": Case(
        get=signed_in(NOT_ALLOWED),
        post=signed_in(NOT_FOUND, enterprise_a=DONE, operator=REDIRECT, superuser=REDIRECT),
        kwargs=lambda w: {"pk": w.ent_a.pk, "invitation_pk": w.invitation.pk},
        probe=reread("invitation", "revoked_at"),
    ),
    # The token is the secret: whoever holds it sees the invitation, and only its addressee can accept it.
    "accounts:invitation_accept": Case(
        get=signed_in(OK),
        post=signed_in(OK),
        kwargs=lambda w: {"token": w.invitation.token},
        probe=reread("invitation", "accepted_at"),
    ),
    # --- services: public pages ------------------------------------------------------------------------
    "services:directory": same(PUBLIC),
    "services:directory_feed": same(PUBLIC),
    "services:compare": same(PUBLIC),
    "services:institution_detail": [
        same(PUBLIC, kwargs=pk("institution"), label="approved"),
        same(roles(NOT_FOUND, operator=OK, superuser=OK), kwargs=pk("pending_institution"), label="pending"),
        same(roles(NOT_FOUND, operator=OK, superuser=OK), kwargs=pk("suspended_institution"), label="suspended"),
    ],
    "services:offering_list": same(PUBLIC),
    "services:offering_detail": [
        same(PUBLIC, kwargs=pk("offering"), label="published"),
        same(roles(NOT_FOUND, institution=OK, operator=OK, superuser=OK), kwargs=pk("draft_offering"), label="draft"),
        same(roles(NOT_FOUND, operator=OK, superuser=OK), kwargs=pk("pending_offering"), label="pending"),
    ],
    # --- services: asking and ordering (any enterprise may; nobody may for another) ------------------
    "services:inquiry_create": [
        Case(
            get=signed_in(OK),
            post=signed_in(INVALID, enterprise_a=DONE, enterprise_b=DONE),
            kwargs=pk("institution"),
            data=lambda w: {"subject": "咨询", "body": "请报价。", "offering": w.offering.pk},
            probe=count(Inquiry),
            label="approved",
        ),
        same(signed_in(NOT_FOUND), kwargs=pk("pending_institution"), probe=count(Inquiry), label="pending"),
    ],
    "services:order_create": [
        Case(
            get=signed_in(OK),
            post=signed_in(INVALID, enterprise_a=DONE, enterprise_b=DONE),
            kwargs=pk("offering"),
            data={"quantity": "1", "requirements": "注册一件商标"},
            probe=count(Order),
            label="published",
        ),
        same(signed_in(NOT_FOUND), kwargs=pk("draft_offering"), probe=count(Order), label="draft"),
    ],
    "services:inquiry_list": same(signed_in()),
    "services:inquiry_detail": Case(
        get=signed_in(NOT_FOUND, enterprise_a=OK, institution=OK),
        post=signed_in(NOT_FOUND, enterprise_a=DONE, institution=DONE),
        kwargs=pk("inquiry"),
        data={"body": "补充说明。"},
        probe=count(InquiryMessage, inquiry=lambda w: w.inquiry),
    ),
    "services:order_from_quote": Case(
        get=signed_in(NOT_FOUND, enterprise_a=OK, institution=OK),
        post=signed_in(NOT_FOUND, enterprise_a=DONE, institution=INVALID),
        kwargs=pk("quote"),
        data={"requirements": "按报价办理"},
        probe=count(Order),
    ),
    "services:order_list": same(signed_in()),
    # Order numbers are sequential and hide nothing: someone else's order is refused with 403.
    "services:order_detail": same(signed_in(FORBIDDEN, **each(OK, *ORDER_READERS)), kwargs=pk("order_requested")),
    "services:order_pay": Case(
        get=signed_in(NOT_ALLOWED),
        # Payment is not configured here: the enterprise is told so; nobody else gets that far.
        post=signed_in(FORBIDDEN, **each(REDIRECT, *ORDER_READERS)),
        kwargs=pk("order_accepted"),
        probe=count(Payment),
    ),
    # Bank transfer: the ordering enterprise records it, the institution confirms or rejects it; the
    # receipts are read by the two sides and finance (the superuser), not by the platform's operators.
    # Those who see the order but may not take the step get the form back with the reason (400), nothing changed.
    "services:transfer_record": Case(
        get=signed_in(NOT_ALLOWED),
        post=signed_in(FORBIDDEN, enterprise_a=DONE, institution=INVALID, operator=INVALID, superuser=INVALID),
        kwargs=pk("order_accepted"),
        data=lambda w: {
            "amount": f"{w.order_accepted.amount / 100:.2f}",
            "transfer_date": timezone.localdate().isoformat(),
            "payer_bank": "江苏银行",
            "receipt": pdf("receipt.pdf"),
        },
        probe=count(Payment),
    ),
    "services:transfer_confirm": Case(
        get=signed_in(NOT_ALLOWED),
        post=signed_in(FORBIDDEN, institution=DONE, enterprise_a=REDIRECT, operator=REDIRECT, superuser=REDIRECT),
        kwargs=lambda w: {"pk": w.order_transfer.pk, "payment_pk": w.transfer.pk},
        probe=reread("transfer", "status"),
    ),
    "services:transfer_reject": Case(
        get=signed_in(NOT_ALLOWED),
        post=signed_in(FORBIDDEN, institution=DONE, enterprise_a=INVALID, operator=INVALID, superuser=INVALID),
        kwargs=lambda w: {"pk": w.order_transfer.pk, "payment_pk": w.transfer.pk},
        data={"reason": "未到账"},
        probe=reread("transfer", "status"),
    ),
    "services:transfer_receipt": same(
        signed_in(FORBIDDEN, enterprise_a=OK, institution=OK, superuser=OK),
        kwargs=lambda w: {"pk": w.order_transfer.pk, "payment_pk": w.transfer.pk},
    ),
    "services:refund_record": Case(
        get=signed_in(NOT_ALLOWED),
        post=signed_in(FORBIDDEN, institution=DONE, enterprise_a=INVALID, operator=INVALID, superuser=INVALID),
        kwargs=pk("order_transfer_paid"),
        data=lambda w: {
            "amount": "10.00",
            "reason": "退差价",
            "transfer_date": timezone.localdate().isoformat(),
            "receipt": pdf("refund.pdf"),
        },
        probe=count(Refund),
    ),
    "services:refund_confirm": Case(
        get=signed_in(NOT_ALLOWED),
        post=signed_in(FORBIDDEN, enterprise_a=DONE, institution=REDIRECT, operator=REDIRECT, superuser=REDIRECT),
        kwargs=lambda w: {"pk": w.order_transfer_paid.pk, "refund_pk": w.refund.pk},
        probe=reread("refund", "status"),
    ),
    "services:refund_receipt": same(
        signed_in(FORBIDDEN, enterprise_a=OK, institution=OK, superuser=OK),
        kwargs=lambda w: {"pk": w.order_transfer_paid.pk, "refund_pk": w.refund.pk},
    ),
    # Invoices: the ordering enterprise asks, the institution issues; the file for the two sides and finance.
    "services:invoice_request": Case(
        get=signed_in(NOT_ALLOWED),
        post=signed_in(FORBIDDEN, enterprise_a=DONE, institution=INVALID, operator=INVALID, superuser=INVALID),
        kwargs=pk("order_paid"),
        data=lambda w: {"kind": "ordinary", "title": w.ent_a.name, "tax_number": w.ent_a.credit_code, "send_to": "x"},
        probe=count(Invoice),
    ),
    "services:invoice_issue": Case(
        get=signed_in(NOT_ALLOWED),
        post=signed_in(FORBIDDEN, institution=DONE, enterprise_a=INVALID, operator=INVALID, superuser=INVALID),
        kwargs=pk("order_transfer_paid"),
        data=lambda w: {"number": "0002", "issued_on": timezone.localdate().isoformat(), "file": pdf("fp.pdf")},
        probe=reread("invoice", "status"),
    ),
    "services:invoice_file": same(
        signed_in(FORBIDDEN, enterprise_a=OK, institution=OK, superuser=OK), kwargs=pk("order_completed")
    ),
    "services:invoice_list": same(signed_in()),
    "services:review_create": Case(
        get=signed_in(NOT_ALLOWED),
        post=signed_in(FORBIDDEN, enterprise_a=DONE, institution=REDIRECT, operator=REDIRECT, superuser=REDIRECT),
        kwargs=pk("order_reviewable"),
        data={"rating": "5", "body": "很好。"},
        probe=count(Review),
    ),
    "services:order_action": [
        Case(
            get=signed_in(NOT_ALLOWED),
            post=signed_in(FORBIDDEN, enterprise_a=DONE, institution=REDIRECT, operator=DONE, superuser=DONE),
            kwargs=lambda w: {"pk": w.order_requested.pk, "action": "cancel"},
            data={"reason": "不再需要"},
            probe=reread("order_requested", "status"),
            label="cancel",
        ),
        Case(
            get=signed_in(NOT_ALLOWED),
            post=signed_in(FORBIDDEN, institution=DONE, enterprise_a=REDIRECT, operator=REDIRECT, superuser=REDIRECT),
            kwargs=lambda w: {"pk": w.order_requested.pk, "action": "accept"},
            probe=reread("order_requested", "status"),
            label="accept",
        ),
        Case(
            get=signed_in(NOT_ALLOWED),
            post=signed_in(FORBIDDEN, institution=DONE, enterprise_a=REDIRECT, operator=REDIRECT, superuser=REDIRECT),
            kwargs=lambda w: {"pk": w.order_paid.pk, "action": "deliver"},
            probe=reread("order_paid", "status"),
            label="deliver",
        ),
    ],
    "services:review_reply": Case(
        get=signed_in(NOT_ALLOWED),
        post=signed_in(NOT_FOUND, institution=DONE, enterprise_a=REDIRECT, operator=REDIRECT, superuser=REDIRECT),
        kwargs=pk("review"),
        data={"reply": "感谢评价。"},
        probe=reread("review", "reply"),
    ),
    "services:inbox": same(signed_in()),
    "services:inbox_read_all": Case(
        get=signed_in(NOT_ALLOWED),
        post=signed_in(REDIRECT, enterprise_a=DONE),
        probe=count(Notification, organisation=lambda w: w.ent_a, read_at__isnull=True),
    ),
    "services:notification_open": same(
        signed_in(NOT_FOUND, enterprise_a=DONE), kwargs=pk("notification"), probe=reread("notification", "read_at")
    ),
    "services:dashboard": same(signed_in()),
    # --- services: an institution's own pages ----------------------------------------------------------
    "services:apply": same(
        signed_in(REDIRECT, enterprise_a=FORBIDDEN, enterprise_b=FORBIDDEN, lender=OK), probe=count(Institution)
    ),
    "services:my_institution": same(signed_in(REDIRECT, institution=OK)),
    "services:listing_edit": same(
        signed_in(NOT_FOUND, institution=OK), probe=reread("institution", "description", "contact_phone")
    ),
    "services:listing_toggle": Case(
        get=signed_in(NOT_ALLOWED),
        post=signed_in(NOT_FOUND, institution=DONE),
        probe=reread("institution", "is_active"),
    ),
    "services:offering_create": Case(
        get=signed_in(NOT_FOUND, institution=OK),
        post=signed_in(NOT_FOUND, institution=DONE),
        data=offering_form,
        probe=count(Offering),
    ),
    "services:offering_edit": Case(
        get=signed_in(NOT_FOUND, institution=OK),
        post=signed_in(NOT_FOUND, institution=DONE),
        kwargs=pk("offering"),
        data=lambda w: offering_form(w, status="published"),
        probe=reread("offering", "title"),
    ),
    "services:offering_status": Case(
        get=signed_in(NOT_ALLOWED),
        post=signed_in(NOT_FOUND, institution=DONE),
        kwargs=pk("offering"),
        data={"status": "archived"},
        probe=reread("offering", "status"),
    ),
    "services:qualification_document": [
        same(signed_in(NOT_FOUND, institution=OK, operator=OK, superuser=OK), kwargs=pk("qualification"), label="own"),
        same(signed_in(NOT_FOUND, operator=OK, superuser=OK), kwargs=pk("pending_document"), label="pending"),
    ],
    # --- services: the platform's screens in the admin ----------------------------------------------------
    "services_admin:applications": same(admin(OK, "operator")),
    "services_admin:application_detail": same(admin(OK, "operator"), kwargs=pk("pending_institution")),
    "services_admin:application_action": Case(
        get=admin(NOT_ALLOWED, "operator"),
        post=admin(DONE, "operator"),
        kwargs=lambda w: {"pk": w.pending_institution.pk, "action": "approve"},
        probe=reread("pending_institution", "status"),
    ),
    "services_admin:disputes": same(admin(OK, "operator")),
    "services_admin:dispute_detail": same(admin(OK, "operator"), kwargs=pk("order_disputed")),
    "services_admin:dispute_resolve": Case(
        get=admin(NOT_ALLOWED, "operator"),
        post=admin(DONE, "operator"),
        kwargs=pk("order_disputed"),
        data={"outcome": "complete", "note": "补齐文件后完成。"},
        probe=reread("order_disputed", "status"),
    ),
    "services_admin:reviews": same(admin(OK, "operator")),
    "services_admin:review_moderate": Case(
        get=admin(NOT_ALLOWED, "operator"),
        post=admin(DONE, "operator"),
        kwargs=pk("review"),
        data={"action": "hide", "reason": "含广告"},
        probe=reread("review", "is_hidden"),
    ),
    # --- training ------------------------------------------------------------------------------------
    "training:mine": same(signed_in()),
    "training:enrol": Case(
        get=signed_in(NOT_ALLOWED),
        post=signed_in(DONE, enterprise_a=REDIRECT),
        kwargs=pk("open_course", "course_id"),
        probe=count(Enrolment, course=lambda w: w.open_course),
    ),
    "training:cancel": Case(
        get=signed_in(NOT_ALLOWED),
        post=signed_in(NOT_FOUND, enterprise_a=DONE),
        kwargs=pk("open_enrolment"),
        probe=reread("open_enrolment", "status"),
    ),
    "training:pay": Case(
        get=signed_in(NOT_ALLOWED),
        post=signed_in(NOT_FOUND, enterprise_a=REDIRECT),
        kwargs=pk("open_enrolment"),
        probe=count(Payment),
    ),
    "training:payment_return": same(signed_in(NOT_FOUND, enterprise_a=REDIRECT), kwargs=pk("open_enrolment")),
    "training:certificate": same(
        signed_in(NOT_FOUND, enterprise_a=OK, superuser=OK), kwargs=lambda w: {"number": w.certificate.number}
    ),
    "training:certificate_pdf": same(
        signed_in(NOT_FOUND, enterprise_a=OK, superuser=OK), kwargs=lambda w: {"number": w.certificate.number}
    ),
    "training_admin:courses": same(admin(OK)),
    "training_admin:roster": Case(
        get=admin(OK),
        post=admin(DONE),
        kwargs=pk("course"),
        data=lambda w: {"action": "attendance", "present-course": [w.enrolment.pk]},
        probe=count(Attendance),
    ),
    "training_admin:roster_csv": same(admin(OK), kwargs=pk("course")),
    "training_admin:certificates": same(admin(OK)),
    # --- listings: public ----------------------------------------------------------------------------
    "listings:index": same(PUBLIC),
    "listings:transactions": same(PUBLIC),
    "listings:financing": same(PUBLIC),
    "listings:feed": same(PUBLIC),
    "listings:transactions_feed": same(PUBLIC),
    "listings:financing_feed": same(PUBLIC),
    "listings:detail": [
        same(PUBLIC, kwargs=pk("listing"), label="published"),
        same(
            roles(NOT_FOUND, enterprise_a=OK, operator=OK, superuser=OK),
            kwargs=pk("submitted_listing"),
            label="submitted",
        ),
        same(roles(NOT_FOUND, enterprise_a=OK, operator=OK, superuser=OK), kwargs=pk("draft_listing"), label="draft"),
    ],
    # --- listings: an organisation's own postings ---------------------------------------------------------
    "listings:dashboard": same(signed_in()),
    "listings:create": [
        Case(
            get=signed_in(OK, **each(REDIRECT, *STAFF)),
            post=signed_in(INVALID, **each(REDIRECT, *STAFF)),
            kwargs={"section": "transaction"},
            probe=count(Listing),
            label="transaction",
        ),
        Case(
            get=signed_in(OK, enterprise_a=FORBIDDEN, enterprise_b=FORBIDDEN, **each(REDIRECT, *STAFF)),
            post=signed_in(INVALID, enterprise_a=FORBIDDEN, enterprise_b=FORBIDDEN, **each(REDIRECT, *STAFF)),
            kwargs={"section": "financing_product"},
            probe=count(Listing),
            label="financing_product",
        ),
    ],
    "listings:edit": Case(
        get=signed_in(NOT_FOUND, enterprise_a=OK),
        post=signed_in(NOT_FOUND, enterprise_a=INVALID),
        kwargs=pk("draft_listing"),
        probe=reread("draft_listing", "title", "status"),
    ),
    "listings:submit": Case(
        get=signed_in(NOT_ALLOWED),
        post=signed_in(NOT_FOUND, enterprise_a=DONE),
        kwargs=pk("draft_listing"),
        probe=reread("draft_listing", "status"),
    ),
    "listings:withdraw": Case(
        get=signed_in(NOT_ALLOWED),
        post=signed_in(NOT_FOUND, enterprise_a=DONE),
        kwargs=pk("listing"),
        data={"reason": "已线下成交"},
        probe=reread("listing", "status"),
    ),
    "listings:negotiating": Case(
        get=signed_in(NOT_ALLOWED),
        post=signed_in(NOT_FOUND, enterprise_a=DONE),
        kwargs=pk("listing"),
        probe=reread("listing", "status"),
    ),
    "listings:close": Case(
        get=signed_in(NOT_FOUND, enterprise_a=OK),
        post=signed_in(NOT_FOUND, enterprise_a=DONE),
        kwargs=pk("listing"),
        data=lambda w: {"counterparty_name": "某受让方", "amount": "60", "deal_date": w.today.isoformat(), "note": ""},
        probe=reread("listing", "status"),
    ),
    "listings:interest": [
        Case(
            get=signed_in(NOT_ALLOWED),
            # The owner cannot answer its own posting, and B has already expressed interest.
            post=signed_in(DONE, enterprise_a=REDIRECT, enterprise_b=REDIRECT),
            kwargs=pk("listing"),
            data={"message": "有意洽谈。"},
            probe=count(Interest),
            label="published",
        ),
        Case(
            get=signed_in(NOT_ALLOWED),
            post=signed_in(NOT_FOUND, enterprise_a=REDIRECT, operator=REDIRECT, superuser=REDIRECT),
            kwargs=pk("submitted_listing"),
            data={"message": "有意洽谈。"},
            probe=count(Interest),
            label="submitted",
        ),
    ],
    "listings:reply": Case(
        get=signed_in(NOT_ALLOWED),
        post=signed_in(NOT_FOUND, enterprise_a=DONE),
        kwargs=pk("interest"),
        data={"reply": "欢迎来电。"},
        probe=reread("interest", "reply"),
    ),
    # --- listings: pledge financing ------------------------------------------------------------------------
    "listings:take_up": Case(
        get=signed_in(NOT_ALLOWED),
        post=signed_in(REDIRECT, lender=DONE),
        kwargs=pk("open_need"),
        data=lambda w: {"product": w.product.pk, "note": ""},
        probe=count(FinancingCase),
    ),
    "listings:case": same(
        signed_in(NOT_FOUND, enterprise_a=OK, lender=OK, operator=OK, superuser=OK), kwargs=pk("financing_case")
    ),
    "listings:case_step": Case(
        get=signed_in(NOT_ALLOWED),
        post=signed_in(NOT_FOUND, lender=DONE, enterprise_a=INVALID, operator=INVALID, superuser=INVALID),
        kwargs=pk("financing_case"),
        data=lambda w: {"date": w.today.isoformat(), "note": "评估完成"},
        probe=count(FinancingStep, case=lambda w: w.financing_case),
    ),
    "listings:case_decline": Case(
        get=signed_in(NOT_ALLOWED),
        post=signed_in(NOT_FOUND, lender=DONE, enterprise_a=INVALID, operator=INVALID, superuser=INVALID),
        kwargs=pk("financing_case"),
        data={"reason": "评估价值不足"},
        probe=reread("financing_case", "status"),
    ),
    "listings:case_document_upload": Case(
        get=signed_in(NOT_ALLOWED),
        post=signed_in(NOT_FOUND, lender=DONE, enterprise_a=DONE, operator=INVALID, superuser=INVALID),
        kwargs=pk("financing_case"),
        data=lambda w: {"stage": "application", "title": "补充材料", "file": pdf("more.pdf")},
        probe=count(FinancingDocument),
    ),
    "listings:case_document": same(
        signed_in(NOT_FOUND, enterprise_a=OK, lender=OK, operator=OK, superuser=OK),
        kwargs=lambda w: {"pk": w.financing_case.pk, "document_pk": w.financing_document.pk},
    ),
    # A granted loan's facts are set by the lender alone; they and its contract are the two parties' only.
    "listings:case_loan": Case(
        get=signed_in(NOT_ALLOWED),
        post=signed_in(NOT_FOUND, lender=DONE, enterprise_a=INVALID, operator=INVALID, superuser=INVALID),
        kwargs=pk("loan_case"),
        data=lambda w: {
            "principal": "2500000",
            "annual_rate": "4.35",
            "start_date": w.loan.start_date.isoformat(),
            "end_date": w.loan.end_date.isoformat(),
            "interest_paid_to": w.today.isoformat(),
        },
        probe=reread("loan", "principal"),
    ),
    "listings:case_loan_document_upload": Case(
        get=signed_in(NOT_ALLOWED),
        post=signed_in(NOT_FOUND, lender=DONE, enterprise_a=REDIRECT),
        kwargs=pk("loan_case"),
        data=lambda w: {"kind": "interest_receipt", "title": "利息回单", "file": pdf("receipt.pdf")},
        probe=count(LoanDocument),
    ),
    "listings:case_loan_document": same(
        signed_in(NOT_FOUND, enterprise_a=OK, lender=OK),
        kwargs=lambda w: {"pk": w.loan_case.pk, "document_pk": w.loan_document.pk},
    ),
    # --- listings: moderation in the admin ----------------------------------------------------------------
    "listings_admin:review_queue": same(admin(OK, "operator")),
    "listings_admin:review_detail": same(admin(OK, "operator"), kwargs=pk("submitted_listing")),
    "listings_admin:approve": Case(
        # The method is checked before the permission: a GET is refused with 405 whoever sends it.
        get=admin(NOT_ALLOWED, *STAFF),
        post=admin(DONE, "operator"),
        kwargs=pk("submitted_listing"),
        probe=reread("submitted_listing", "status"),
    ),
    "listings_admin:reject": Case(
        # The method is checked before the permission: a GET is refused with 405 whoever sends it.
        get=admin(NOT_ALLOWED, *STAFF),
        post=admin(DONE, "operator"),
        kwargs=pk("submitted_listing"),
        data={"reason": "信息不全"},
        probe=reread("submitted_listing", "status"),
    ),
    # --- rights: public and the submitter's own ----------------------------------------------------------
    "rights:index": same(PUBLIC),
    "rights:report": same(PUBLIC, probe=count(RightsCase)),
    "rights:submitted": same(roles(REDIRECT)),
    "rights:status": same(PUBLIC),
    "rights:assistance": same(signed_in(FORBIDDEN, enterprise_a=OK, enterprise_b=OK), probe=count(RightsCase)),
    "rights:my_cases": same(signed_in()),
    "rights:my_case": same(PRIVATE_TO_A, kwargs=lambda w: {"tracking_number": w.case.tracking_number}),
    # --- rights: handling (administrators: every case; handlers: their own unit's) ---------------------------
    "rights:queue": same(staff_page("handler", "rights_admin")),
    "rights:register": same(staff_page("handler", "rights_admin")),
    "rights:case_detail": same(staff_page("rights_admin", handler=NOT_FOUND), **RIGHTS_CASE),
    "rights:note_add": Case(
        get=staff_page(handler=NOT_ALLOWED, rights_admin=NOT_ALLOWED, superuser=NOT_ALLOWED),
        post=staff_page(handler=NOT_FOUND, rights_admin=DONE, superuser=DONE),
        data={"text": "已电话联系提交人。"},
        probe=count(CaseNote),
        **RIGHTS_CASE,
    ),
    "rights:evidence": same(
        staff_page("rights_admin", handler=NOT_FOUND),
        kwargs=lambda w: {"pk": w.case.pk, "evidence_pk": w.evidence.pk},
    ),
    "rights:case_action": Case(
        get=staff_page(handler=NOT_ALLOWED, rights_admin=NOT_ALLOWED, superuser=NOT_ALLOWED),
        post=staff_page(handler=NOT_FOUND, rights_admin=DONE, superuser=DONE),
        kwargs=lambda w: {"pk": w.case.pk, "action": "accept"},
        data={"accept-public_message": "已受理。", "accept-note": ""},
        probe=reread("case", "status"),
    ),
    # --- payments --------------------------------------------------------------------------------------------
    "payments:stripe_webhook": Case(get=roles(NOT_ALLOWED), post=roles(INVALID), probe=count(StripeEvent)),
    "payments:payment_detail": same(signed_in(NOT_FOUND, enterprise_a=OK, superuser=OK), kwargs=pk("payment")),
    # An institution's receiving account: its members read it, its owners change it (the lender is the owner
    # of an institution of its own, whose account it saves); nobody else has one to see.
    "payments:bank_account": Case(
        get=signed_in(NOT_FOUND, institution=OK, lender=OK),
        post=signed_in(NOT_FOUND, institution=DONE, lender=REDIRECT),
        data={"bank_name": "工商银行", "branch": "新浦支行", "account_name": "丙方", "account_number": "9558800001"},
        probe=reread("bank_account", "account_number"),
    ),
    # --- search ------------------------------------------------------------------------------------------------
    "search:results": same(PUBLIC),
    "search:suggest": same(PUBLIC),
    # --- core --------------------------------------------------------------------------------------------------
    "healthz": same(PUBLIC),
    "robots_txt": same(PUBLIC),
    "favicon": same(roles(REDIRECT)),
    # The language switch: anyone may choose a language; it only sets a cookie and goes back.
    "switch_language": same(roles(REDIRECT), kwargs={"language": "en"}),
    # --- targets: the public summary, staff reports, the dashboard in the admin ---------------------------------
    "targets:summary": same(PUBLIC),
    # --- api: the open read API answers everyone alike (a session changes nothing); keys on the account page
    **api_rows(),
    "targets:report_print": same(staff_page()),
    "targets:report_xlsx": same(staff_page()),
    "targets:certification_evidence": same(staff_page(), kwargs=pk("certification")),
    "targets_admin:dashboard": same(admin(OK)),
    "targets_admin:indicator": same(admin(OK), kwargs=lambda w: {"code": w.indicator.code}),
    "targets_admin:entry_add": Case(
        get=admin(OK),
        post=admin(DONE),
        kwargs=lambda w: {"code": w.indicator.code},
        data={"as_of": "2016-12-31", "value": "3", "source_note": "市统计局"},
        probe=count(IndicatorEntry),
    ),
    "targets_admin:entry_correct": Case(
        get=admin(OK),
        post=admin(DONE),
        kwargs=pk("entry"),
        data={"as_of": "2016-06-30", "value": "2", "source_note": "复核", "reason": "补录"},
        probe=reread("entry", "value"),
    ),
    "targets_admin:entry_attachment": same(admin(OK), kwargs=pk("entry")),
    "targets_admin:import": same(admin(OK), probe=count(ImportBatch)),
    "targets_admin:import_template": same(admin(OK)),
    "targets_admin:import_preview": Case(
        get=admin(OK),
        post=admin(DONE),
        kwargs=pk("batch"),
        data={"action": "apply"},
        probe=count(IndicatorEntry),
    ),
    # --- register: the public register (专利检索), its export and record pages; an owner's answer to a flag
    "register:search": same(PUBLIC),
    "register:export": same(PUBLIC),
    "register:patent": same(PUBLIC, kwargs=lambda w: {"number": w.patent.application_number}),
    "register:trademark": same(PUBLIC, kwargs=lambda w: {"number": w.trademark.registration_number}),
    "register:answer_flag": Case(
        get=roles(NOT_ALLOWED),
        post=signed_in(NOT_FOUND, enterprise_a=DONE),
        kwargs=pk("posting_check"),
        data={"statement": "权利已恢复"},
        probe=reread("posting_check", "owner_statement"),
    ),
    # --- register: imports in the admin (register data managers and superusers) ---------------------------
    "register_admin:import": same(admin(OK), probe=count(RegisterImportBatch)),
    "register_admin:batch": same(admin(OK), kwargs=pk("register_batch")),
    "register_admin:batch_start": Case(
        get=admin(NOT_ALLOWED, *STAFF),
        post=admin(DONE),
        kwargs=pk("register_batch"),
        probe=reread("register_batch", "status"),
    ),
    "register_admin:batch_discard": Case(
        get=admin(NOT_ALLOWED, *STAFF),
        post=admin(DONE),
        kwargs=pk("register_batch"),
        probe=reread("register_batch", "status"),
    ),
    "register_admin:matches": same(admin(OK)),
    "register_admin:match_decide": Case(
        get=admin(NOT_ALLOWED, *STAFF),
        post=admin(DONE),
        kwargs=lambda w: {"kind": "party", "pk": w.register_party.pk},
        data={"decision": "confirm"},
        probe=reread("register_party", "match_confirmed"),
    ),
    "targets_admin:certifications": same(admin(OK)),
    "targets_admin:certification_add": same(admin(OK), probe=count(DemonstrationCertification)),
    "targets_admin:certification_revoke": Case(
        get=admin(NOT_ALLOWED, *STAFF),
        post=admin(DONE),
        kwargs=pk("certification"),
        data=lambda w: {"revoked_on": w.today.isoformat()},
        probe=reread("certification", "revoked_on"),
    ),
}

# --- funding: programmes and notices are public; an application is its organisation's, its programme's
# reviewers' (the superuser reviews the matrix programme) and the managers' and finance's -----------------
FUNDING_PRIVATE = signed_in(NOT_FOUND, enterprise_a=OK, superuser=OK)
FUNDING_MEMBERS_ONLY = signed_in(NOT_FOUND, enterprise_a=DONE, superuser=FORBIDDEN)
POST_ONLY = signed_in(NOT_ALLOWED)
EXPECTATIONS |= {
    "funding:programmes": same(PUBLIC),
    "funding:programme": same(PUBLIC, kwargs=pk("programme")),
    "funding:statistics": same(PUBLIC),
    "funding:notice": same(PUBLIC, kwargs=pk("funding_batch")),
    "funding:notice_xlsx": same(PUBLIC, kwargs=pk("funding_batch")),
    "funding:object": Case(
        get=roles(NOT_ALLOWED),
        post=roles(DONE),
        kwargs=pk("funding_batch"),
        data=lambda w: {"application": w.funding_publicised.pk, "name": "某人", "contact": "139", "reason": "有疑问"},
        probe=count(Objection),
    ),
    # Enterprise A's draft is returned as it is; B starts one; organisations that are not enterprises are refused.
    "funding:apply": Case(
        get=POST_ONLY,
        post=signed_in(REDIRECT, enterprise_b=DONE),
        kwargs=pk("programme"),
        probe=count(FundingApplication),
    ),
    "funding:my_applications": same(signed_in()),
    "funding:application": same(FUNDING_PRIVATE, kwargs=pk("funding_draft")),
    "funding:save_details": Case(
        get=POST_ONLY,
        post=FUNDING_MEMBERS_ONLY,
        kwargs=pk("funding_draft"),
        data={"bank_account_name": "甲方", "bank_name": "建设银行", "bank_account": "6227", "declaration": "on"},
        probe=reread("funding_draft", "bank_name"),
    ),
    "funding:add_item": Case(
        get=POST_ONLY,
        post=FUNDING_MEMBERS_ONLY,
        kwargs=pk("funding_draft"),
        data=lambda w: {"item_type": "invention_grant", "record": f"patent:{w.funding_spare_patent.pk}"},
        probe=count(ApplicationItem),
    ),
    "funding:remove_item": Case(
        get=POST_ONLY,
        post=FUNDING_MEMBERS_ONLY,
        kwargs=lambda w: {"pk": w.funding_draft.pk, "item_pk": w.funding_item.pk},
        probe=count(ApplicationItem),
    ),
    "funding:add_attachment": Case(
        get=POST_ONLY,
        post=FUNDING_MEMBERS_ONLY,
        kwargs=pk("funding_draft"),
        data=lambda w: {"title": "补充材料", "file": pdf("more.pdf")},
        probe=count(Attachment),
    ),
    "funding:attachment": same(
        FUNDING_PRIVATE, kwargs=lambda w: {"pk": w.funding_draft.pk, "attachment_pk": w.funding_attachment.pk}
    ),
    "funding:loan_document": same(
        FUNDING_PRIVATE, kwargs=lambda w: {"pk": w.funding_draft.pk, "document_pk": w.loan_document.pk}
    ),
    "funding:submit": Case(
        get=POST_ONLY,
        post=FUNDING_MEMBERS_ONLY,
        kwargs=pk("funding_draft"),
        probe=reread("funding_draft", "status"),
    ),
    "funding:review": Case(
        get=POST_ONLY,
        post=signed_in(NOT_FOUND, enterprise_a=FORBIDDEN, superuser=DONE),
        kwargs=pk("funding_submitted"),
        data={"action": "accepted"},
        probe=reread("funding_submitted", "status"),
    ),
    # The objection period is still running: even finance's payment is refused.
    "funding:pay": Case(
        get=POST_ONLY,
        post=signed_in(NOT_FOUND, enterprise_a=FORBIDDEN, superuser=REDIRECT),
        kwargs=pk("funding_publicised"),
        data=lambda w: {"amount": "5000", "paid_on": w.today.isoformat()},
        probe=reread("funding_publicised", "status"),
    ),
    "funding:review_queue": same(staff_page()),
    "funding:publicise": Case(
        get=staff_page(),
        post=signed_in(FORBIDDEN, superuser=DONE),
        kwargs=pk("programme"),
        data=lambda w: {"title": "第二批公示", "applications": [w.funding_approved.pk]},
        probe=count(NoticeBatch),
    ),
    "funding:open_programme": Case(
        get=POST_ONLY,
        post=signed_in(FORBIDDEN, superuser=DONE),
        kwargs=pk("draft_programme"),
        probe=reread("draft_programme", "status"),
    ),
    "funding:decide_objection": Case(
        get=POST_ONLY,
        post=signed_in(FORBIDDEN, superuser=DONE),
        kwargs=pk("funding_objection"),
        data={"decision": "dismiss", "note": "不成立"},
        probe=reread("funding_objection", "status"),
    ),
    "funding:finance_xlsx": same(staff_page(), kwargs=pk("funding_batch")),
}

# --- evaluations: a request is its owner's (enterprise A), its assigned institution's (the institution role)
# and the holders of evaluations.manage_requests' (operators, the superuser); filing is for enterprises ------
EVALUATION_PRIVATE = signed_in(NOT_FOUND, enterprise_a=OK, institution=OK, operator=OK, superuser=OK)
EVALUATION_VISIBLE = ("enterprise_a", "institution", "operator", "superuser")
EXPECTATIONS |= {
    "evaluations:list": same(signed_in()),
    # Organisations that are not enterprises, and staff without a department, are sent back to the list.
    "evaluations:file": Case(
        get=signed_in(REDIRECT, enterprise_a=OK, enterprise_b=OK),
        post=signed_in(REDIRECT, enterprise_a=DONE, enterprise_b=DONE),
        data=lambda w: {
            "project_name": "矩阵新项目",
            "description": "简介",
            "decision": "investment",
            "ipc_fields": "H01L",
            "deadline": w.tomorrow.isoformat(),
        },
        probe=count(EvaluationRequest),
    ),
    "evaluations:detail": same(EVALUATION_PRIVATE, kwargs=pk("evaluation_delivered")),
    "evaluations:report": same(EVALUATION_PRIVATE, kwargs=pk("evaluation_delivered")),
    "evaluations:attachment": same(
        EVALUATION_PRIVATE,
        kwargs=lambda w: {"pk": w.evaluation_delivered.pk, "attachment_pk": w.evaluation_attachment.pk},
    ),
    # The owner chooses or staff assign; the institution does not see a request not assigned to it.
    "evaluations:assign": Case(
        get=POST_ONLY,
        post=signed_in(NOT_FOUND, enterprise_a=DONE, operator=DONE, superuser=DONE),
        kwargs=pk("evaluation_filed"),
        data=lambda w: {"institution": w.institution.pk},
        probe=reread("evaluation_filed", "status", "institution"),
    ),
    # Only the institution accepts; the owner and staff are told why not.
    "evaluations:step": Case(
        get=POST_ONLY,
        post=signed_in(NOT_FOUND, **{**each(REDIRECT, *EVALUATION_VISIBLE), "institution": DONE}),
        kwargs=pk("evaluation_assigned"),
        data={"action": "accepted"},
        probe=reread("evaluation_assigned", "status"),
    ),
    "evaluations:deliver": Case(
        get=POST_ONLY,
        post=signed_in(NOT_FOUND, **{**each(FORBIDDEN, *EVALUATION_VISIBLE), "institution": DONE}),
        kwargs=pk("evaluation_accepted"),
        data=lambda w: {"report": pdf("report.pdf"), "summary": "摘要"},
        probe=reread("evaluation_accepted", "status"),
    ),
}

# --- analysis: the analysis pages are public; a portfolio comparison is its enterprise's; a watch is read by
# the analysts (the superuser here) or the institution that defined it and its client ------------------------
EXPECTATIONS |= {
    "analysis:analysis": same(PUBLIC),
    "analysis:export": same(PUBLIC),
    "analysis:comparisons": Case(
        get=signed_in(FORBIDDEN, enterprise_a=OK, enterprise_b=OK),
        post=signed_in(FORBIDDEN, enterprise_a=DONE, enterprise_b=DONE),
        data={"name": "矩阵对比二", "competitors": "连云港乙方制药有限公司"},
        probe=count(PortfolioComparison),
    ),
    "analysis:comparison": same(PRIVATE_TO_A, kwargs=pk("comparison")),
    "analysis:comparison_export": same(PRIVATE_TO_A, kwargs=pk("comparison")),
    "analysis:watches": same(signed_in(OK)),
    "analysis:watch_new": Case(
        get=signed_in(FORBIDDEN, superuser=OK),
        post=signed_in(FORBIDDEN, superuser=DONE),
        data={
            "name": "矩阵预警二",
            "ipc_classes": "C03B",
            "filings_threshold": "5",
            "growth_percent": "50",
            "share_drop_points": "5",
            "lapse_threshold": "1",
        },
        probe=count(Watch),
    ),
    "analysis:watch": same(signed_in(NOT_FOUND, superuser=OK), kwargs=pk("watch")),
}


def snippet_rows(model, attr, *holders, private=False):
    """The snippet screens Wagtail builds for one of our models (`register_snippet` in our wagtail_hooks):
    people holding the model's permissions (`holders`, and the superuser) use them, nobody else. Choosers of
    reference data serve every admin user (they fill choice fields in forms); choosers of `private` records
    (`core.choosers`) only the holders."""
    label = f"{model._meta.app_label}_{model._meta.model_name}"
    screens, chooser = f"wagtailsnippets_{label}", f"wagtailsnippetchoosers_{label}"
    obj = pk(attr)
    choosing = admin(OK, *holders) if private else admin(OK, *STAFF)
    rows = {
        f"{screens}:list": same(admin(OK, *holders)),
        f"{screens}:list_results": same(admin(OK, *holders)),
        f"{screens}:add": Case(get=admin(OK, *holders), post=admin(OK, *holders), probe=count(model)),
        f"{screens}:edit": Case(get=admin(OK, *holders), post=admin(OK, *holders), kwargs=obj, probe=count(model)),
        f"{screens}:delete": Case(get=admin(OK, *holders), post=admin(DONE, *holders), kwargs=obj, probe=count(model)),
        f"{screens}:usage": same(admin(OK, *holders), kwargs=obj),
        f"{screens}:history": same(admin(OK, *holders), kwargs=obj),
        f"{screens}:history_results": same(admin(OK, *holders), kwargs=obj),
        f"{screens}:copy": same(admin(OK, *holders), kwargs=obj, probe=count(model)),
        f"{chooser}:choose": same(choosing),
        f"{chooser}:choose_results": same(choosing),
        f"{chooser}:chosen": same(choosing, kwargs=lambda w: {"pk": str(getattr(w, attr).pk)}),
        f"{chooser}:chosen_multiple": same(choosing),
        # Records are made on their own screens: the chooser's create URL has no form behind it.
        f"{chooser}:create": same(admin(NOT_FOUND, *holders), probe=count(model)),
    }
    if model is Deal:
        rows[f"{screens}:inspect"] = same(admin(OK, *holders), kwargs=obj)
    return rows


def subscription_rows():
    """A person's saved searches are theirs alone; the feed and the unsubscribe link carry their own key."""
    saved_searches = count(SavedSearch)
    own = {"kwargs": pk("saved_search"), "probe": reread("saved_search", "name", "paused", "frequency")}
    return {
        "subscriptions:index": same(signed_in()),
        "subscriptions:save": Case(
            get=signed_in(NOT_ALLOWED),
            post=signed_in(DONE),
            data={"name": "矩阵新检索", "frequency": "weekly", "source": "search", "querystring": "q=专利"},
            probe=saved_searches,
        ),
        "subscriptions:profile": Case(
            get=signed_in(),
            post=signed_in(DONE),
            data={"kinds": ["courses"], "language": "en"},
            probe=lambda world: list(world.subscriber._meta.model.objects.values_list("user", "language", "kinds")),
        ),
        "subscriptions:accept": Case(get=signed_in(NOT_ALLOWED), post=signed_in(REDIRECT), data={"key": "0"}),
        "subscriptions:feed_reset": Case(
            get=signed_in(NOT_ALLOWED),
            post=signed_in(DONE),
            probe=lambda world: list(world.subscriber._meta.model.objects.values_list("feed_token", flat=True)),
        ),
        "subscriptions:feed": [
            same(PUBLIC, kwargs=lambda world: {"token": world.subscriber.feed_token}, label="token"),
            same(roles(NOT_FOUND), kwargs={"token": "guessed"}, label="guessed"),
        ],
        "subscriptions:unsubscribe": [
            Case(
                get=PUBLIC,
                post=roles(DONE),
                kwargs=lambda world: {"token": unsubscribe_token(world.saved_search.owner_id, "daily")},
                probe=reread("saved_search", "paused"),
                label="signed",
            ),
            Case(
                get=roles(INVALID),
                post=roles(INVALID),
                kwargs={"token": "forged"},
                probe=reread("saved_search", "paused"),
                label="forged",
            ),
        ],
        "subscriptions:edit": Case(
            get=signed_in(NOT_FOUND, enterprise_a=OK),
            post=signed_in(NOT_FOUND, enterprise_a=DONE),
            data={"name": "改名", "frequency": "weekly", "querystring": "q=碳纤维"},
            **own,
        ),
        "subscriptions:pause": Case(get=signed_in(NOT_ALLOWED), post=signed_in(NOT_FOUND, enterprise_a=DONE), **own),
        "subscriptions:delete": Case(
            get=signed_in(NOT_ALLOWED),
            post=signed_in(NOT_FOUND, enterprise_a=DONE),
            kwargs=pk("saved_search"),
            probe=saved_searches,
        ),
    }


EXPECTATIONS |= {
    **subscription_rows(),
    **snippet_rows(District, "district"),
    **snippet_rows(ResponsibleUnit, "unit"),
    **snippet_rows(IssuingAgency, "agency"),
    **snippet_rows(Industry, "industry"),
    # A deal's counterparty and amount are the posting organisation's business.
    **snippet_rows(Deal, "deal", private=True),
    # Who handles cases for which unit: for the rights administrators, who name the handlers.
    **snippet_rows(Handler, "handler_row", "rights_admin", private=True),
    **snippet_rows(Indicator, "spare_indicator"),
    # Programmes and the budget figure: the special-funds managers' (no such role among the matrix's people).
    **snippet_rows(Programme, "draft_programme"),
    **snippet_rows(BudgetYear, "budget_year"),
    **snippet_rows(DepartmentMember, "evaluation_department_member", "operator", private=True),
    # The published statistics the indicators divide by: whoever holds the models' permissions.
    **snippet_rows(ResidentPopulation, "population"),
    **snippet_rows(RdSpending, "rd_spending"),
    **snippet_rows(AbnormalApplication, "abnormal"),
    "reference_abnormal_import": Case(
        get=admin(OK),
        post=admin(DONE),
        data=lambda w: {
            "file": SimpleUploadedFile("list.csv", "申请号\r\n201410000001.6\r\n".encode(), content_type="text/csv"),
            "published_on": "2016-03-01",
        },
        probe=count(AbnormalApplication),
    ),
    # Payment records are read (finance, the superuser) and never changed by hand.
    "payment_records:index": same(admin(OK)),
    "payment_records:index_results": same(admin(OK)),
    "payment_records:inspect": same(admin(OK), kwargs=pk("payment")),
    "payment_records:add": same(admin(FORBIDDEN), probe=count(Payment)),
    "payment_records:edit": same(admin(FORBIDDEN), kwargs=pk("payment"), probe=reread("payment", "status")),
    "payment_records:delete": same(admin(FORBIDDEN), kwargs=pk("payment"), probe=count(Payment)),
    # The change history and usage screens belong to editing, which nobody may do.
    "payment_records:history": same(admin(FORBIDDEN), kwargs=pk("payment")),
    "payment_records:history_results": same(admin(FORBIDDEN), kwargs=pk("payment")),
    "payment_records:usage": same(admin(FORBIDDEN), kwargs=pk("payment")),
    "refund_records:index": same(admin(OK)),
    "refund_records:index_results": same(admin(OK)),
    "refund_records:inspect": same(admin(OK), kwargs=pk("refund")),
    "refund_records:add": same(admin(FORBIDDEN), probe=count(Refund)),
    "refund_records:edit": same(admin(FORBIDDEN), kwargs=pk("refund"), probe=reread("refund", "status")),
    "refund_records:delete": same(admin(FORBIDDEN), kwargs=pk("refund"), probe=count(Refund)),
    "refund_records:history": same(admin(FORBIDDEN), kwargs=pk("refund")),
    "refund_records:history_results": same(admin(FORBIDDEN), kwargs=pk("refund")),
    "refund_records:usage": same(admin(FORBIDDEN), kwargs=pk("refund")),
    # Finance's report and export (`payments.view_payment_record`); refunds through Stripe need
    # `payments.refund_payment` (here Stripe is not configured, so even the superuser's is refused).
    "payments_admin:report": same(admin(OK)),
    "payments_admin:refund": Case(
        get=signed_in(FORBIDDEN, **each(NOT_ALLOWED, *STAFF)),
        post=admin(REDIRECT),
        kwargs=pk("payment"),
        data={"amount": "10.00", "reason": "多收"},
        probe=count(Refund),
    ),
}


# --- advisers: the pool and published profiles are public; a request is its enterprise's and its adviser's
# (the institution's owner); recognitions are the talent managers' (here the superuser) -------------------
# --- register: customs recordal; an enterprise's own status page, the staff's screens (register.record_customs)
NOT_ALLOWED_TO_ALL = roles(NOT_ALLOWED)


def _request_form(world):
    tomorrow = world.today + timezone.timedelta(days=1)
    return {"topic": "商标布局", "message": "请教。", "preferred_from": tomorrow, "preferred_to": tomorrow}


def _recognition_form(world):
    return {
        "email": world.users["enterprise_b"].email,
        "level": "engineer",
        "decided_on": world.today.isoformat(),
        "deciding_unit": "市人社局",
        "document": pdf("decision.pdf"),
    }


EXPECTATIONS |= {
    "advisers:pool": same(PUBLIC),
    "advisers:profile": [
        Case(
            get=PUBLIC,
            post=roles(FORBIDDEN, enterprise_a=DONE, enterprise_b=DONE),
            kwargs=pk("adviser_profile"),
            data=_request_form,
            probe=count(AdviceRequest),
            label="published",
        ),
        same(roles(NOT_FOUND), kwargs=pk("hidden_profile"), probe=count(AdviceRequest), label="private"),
    ],
    # Enterprise A's owner holds a training certificate too, so may keep a profile; the others are told why not.
    "advisers:my_profile": Case(
        get=signed_in(),
        post=signed_in(OK, institution=DONE, enterprise_a=DONE),
        data=lambda w: {
            "display_name": "顾问",
            "headline": "新的简介",
            "expertise": "专利。",
            "ipc_fields": "C03B",
            "languages": ["zh"],
            "districts": [w.ent_a.district_id],
            "availability": "open",
        },
        probe=lambda w: list(w.adviser_profile._meta.model.objects.values_list("headline", flat=True)),
    ),
    "advisers:publish": Case(
        get=NOT_ALLOWED_TO_ALL,
        post=signed_in(REDIRECT),
        probe=lambda w: list(w.adviser_profile._meta.model.objects.values_list("published", flat=True)),
    ),
    "advisers:withdraw": Case(
        get=NOT_ALLOWED_TO_ALL,
        post=signed_in(REDIRECT, institution=DONE),
        probe=lambda w: list(w.adviser_profile._meta.model.objects.values_list("published", flat=True)),
    ),
    # Owners of service institutions register their members (the lender's bank is an institution too).
    "advisers:registrations": Case(
        get=signed_in(FORBIDDEN, institution=OK, lender=OK),
        post=signed_in(FORBIDDEN, institution=DONE, lender=OK),
        data=lambda w: {"email": w.inst_colleague.email},
        probe=count(InstitutionRegistration),
    ),
    "advisers:answer_registration": Case(
        get=NOT_ALLOWED_TO_ALL,
        post=signed_in(NOT_FOUND, institution=DONE),
        kwargs=pk("pending_registration"),
        data={"decision": "accept"},
        probe=reread("pending_registration", "status"),
    ),
    "advisers:requests": same(signed_in()),
    "advisers:request": same(signed_in(NOT_FOUND, enterprise_a=OK, institution=OK), kwargs=pk("advice_request")),
    "advisers:answer_request": Case(
        get=NOT_ALLOWED_TO_ALL,
        post=signed_in(NOT_FOUND, enterprise_a=REDIRECT, institution=DONE),
        kwargs=pk("advice_request"),
        data={"decision": "accept"},
        probe=reread("advice_request", "status"),
    ),
    "advisers:recognitions": Case(
        get=staff_page(),
        post=signed_in(FORBIDDEN, superuser=DONE),
        data=_recognition_form,
        probe=count(TitleRecognition),
    ),
    "advisers:recognition": same(staff_page(), kwargs=pk("recognition")),
    "advisers:recognition_step": Case(
        get=NOT_ALLOWED_TO_ALL,
        post=signed_in(FORBIDDEN, superuser=DONE),
        kwargs=pk("recognition"),
        data={"action": "reviewed"},
        probe=reread("recognition", "status"),
    ),
    "advisers:recognition_document": same(staff_page(), kwargs=pk("recognition")),
    "register:customs_mine": same(signed_in()),
    "register:customs_manage": Case(
        get=staff_page(),
        post=signed_in(FORBIDDEN, superuser=DONE),
        data=lambda w: {
            "kind": "trademark",
            "right_number": w.trademark.registration_number,
            "number": "T2017-MATRIX",
            "holder_name": "甲方",
            "recorded_on": "2017-01-01",
            "valid_until": "2026-12-31",
        },
        probe=count(CustomsRecordal),
    ),
    "register:customs_import_upload": Case(
        get=NOT_ALLOWED_TO_ALL,
        post=signed_in(FORBIDDEN, superuser=DONE),
        data=lambda w: {"file": customs_list(w, "T2016-90002")},
        probe=count(CustomsImport),
    ),
    "register:customs_import": same(staff_page(), kwargs=pk("customs_batch")),
    "register:customs_import_apply": Case(
        get=NOT_ALLOWED_TO_ALL,
        post=signed_in(FORBIDDEN, superuser=DONE),
        kwargs=pk("customs_batch"),
        probe=reread("customs_batch", "status"),
    ),
    "register:customs_import_discard": Case(
        get=NOT_ALLOWED_TO_ALL,
        post=signed_in(FORBIDDEN, superuser=DONE),
        kwargs=pk("customs_batch"),
        probe=reread("customs_batch", "status"),
    ),
}


# --------------------------------------------------------------------------------------------------------
# The walk
# --------------------------------------------------------------------------------------------------------


def _view_model(callback):
    model = getattr(callback, "view_initkwargs", {}).get("model")
    if isinstance(model, str):
        return model.partition(".")[0]
    return model._meta.app_label if model is not None else None


def walk(resolver, namespace=None):
    """(name or None, route, callback) of every pattern under `resolver`."""
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, (namespace, pattern.namespace))) if pattern.namespace else namespace
            for name, route, callback in walk(pattern, inner):
                yield name, f"{pattern.pattern}{route}", callback
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            yield name, str(pattern.pattern), pattern.callback


def is_ours(name, callback):
    namespace = (name or "").split(":")[0]
    if namespace in NOT_OURS:
        return False
    package = callback.__module__.split(".")[0]
    return package in OUR_APPS or _view_model(callback) in OUR_APPS


def survey(urlconf=None):
    """Walk a URLconf: {name: route} of our named URLs, our unnamed routes, routes of undeclared packages."""
    found, unnamed, unknown = {}, [], []
    for name, route, callback in walk(get_resolver(urlconf)):
        if is_ours(name, callback):
            if name is None:
                unnamed.append(route)
            else:
                found.setdefault(name, route)
        elif callback.__module__.split(".")[0] not in THIRD_PARTY:
            unknown.append(f"{route} ({callback.__module__})")
    return found, unnamed, unknown


def test_every_url_of_ours_has_a_row_in_the_table():
    found, unnamed, unknown = survey()
    assert not unknown, f"URLs from a package that is neither ours nor declared third-party: {unknown}"
    assert not unnamed, f"URLs of ours without a name cannot have a row: {unnamed}"
    missing = sorted(name for name in found if name not in EXPECTATIONS)
    assert not missing, f"URL patterns without a row in EXPECTATIONS ({__file__}): {', '.join(missing)}"


def test_every_row_names_a_url_that_exists():
    found, _unnamed, _unknown = survey()
    assert sorted(set(EXPECTATIONS) - set(found)) == []


def test_the_walk_finds_a_new_url_wherever_it_is_mounted():
    from accounts import views as account_views

    urlconf = ModuleType("new_urls")
    urlconf.urlpatterns = [
        path("", include("config.urls")),
        path("nested/", include(([path("new/", account_views.dashboard, name="brand_new")], "extra"))),
        path("unnamed/", account_views.dashboard),
        path("elsewhere/", json.dumps),
    ]
    found, unnamed, unknown = survey(urlconf)
    assert "extra:brand_new" in found and "extra:brand_new" not in EXPECTATIONS
    assert "services:order_detail" in found
    assert unnamed == ["unnamed/"]
    assert unknown == ["elsewhere/ (json)"]


# --- copyright filing: registered works are public; a filing is its applicant's (enterprise A's) and its
# unit's examiners' (the superuser examines for 市文广新局); anyone signed in may file for themselves --------
COPYRIGHT_PRIVATE = signed_in(NOT_FOUND, enterprise_a=OK, superuser=OK)
EXPECTATIONS |= {
    "copyrights:works": same(PUBLIC),
    "copyrights:feed": same(PUBLIC),
    "copyrights:work": [
        Case(get=PUBLIC, post=None, kwargs=pk("cr_registered"), label="registered"),
        Case(get=roles(NOT_FOUND), post=None, kwargs=pk("cr_submitted"), label="pending"),
    ],
    "copyrights:preview": [
        Case(get=PUBLIC, post=None, kwargs=pk("cr_registered"), label="registered"),
        Case(get=roles(NOT_FOUND), post=None, kwargs=pk("cr_submitted"), label="pending"),
    ],
    "copyrights:verify": same(PUBLIC),
    "copyrights:statistics": same(PUBLIC),
    "copyrights:mine": same(signed_in()),
    "copyrights:new_work": Case(get=signed_in(), post=signed_in(DONE), data=work_form, probe=count(CopyrightFiling)),
    "copyrights:new_contract": Case(
        get=signed_in(), post=signed_in(DONE), data=contract_form, probe=count(CopyrightFiling)
    ),
    "copyrights:filing": same(COPYRIGHT_PRIVATE, kwargs=pk("cr_submitted")),
    "copyrights:file": same(COPYRIGHT_PRIVATE, kwargs=pk("cr_submitted")),
    "copyrights:certificate": same(COPYRIGHT_PRIVATE, kwargs=pk("cr_registered")),
    # Only the applicant's side corrects; the examiner reads the filing but may not rewrite it.
    "copyrights:correct": Case(
        get=signed_in(NOT_FOUND, enterprise_a=OK, superuser=FORBIDDEN),
        post=signed_in(NOT_FOUND, enterprise_a=DONE, superuser=FORBIDDEN),
        kwargs=pk("cr_correction"),
        data=lambda w: {**work_form(w), "district": w.cr_correction.district_id},
        probe=reread("cr_correction", "status"),
    ),
    "copyrights:examine": Case(
        get=signed_in(NOT_ALLOWED),
        post=signed_in(NOT_FOUND, enterprise_a=FORBIDDEN, superuser=DONE),
        kwargs=pk("cr_submitted"),
        data={"action": "examining"},
        probe=reread("cr_submitted", "status"),
    ),
    "copyrights:queue": same(staff_page()),
    # Who examines for which unit: named by the superuser (no group holds the examiner rows' permissions).
    **snippet_rows(Examiner, "cr_examiner_row", private=True),
}


# --------------------------------------------------------------------------------------------------------
# The requests
# --------------------------------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _media_in_tmp():
    """Replaces the root conftest's per-test media directory: the files are made once for the module."""


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("matrix-media")
    overrides = override_settings(
        MEDIA_ROOT=media / "public",
        PRIVATE_MEDIA_ROOT=media / "private",
        # Payments stay unconfigured, so paying is refused the same way wherever the suite runs.
        STRIPE_SECRET_KEY="",
        STRIPE_WEBHOOK_SECRET="whsec_matrix",
    )
    with django_db_blocker.unblock(), overrides, transaction.atomic():
        world = build_world()
        # One session per role for the whole module: each test's changes are rolled back, the sessions stay.
        world.clients = {role: Client() for role in ROLES}
        for role, user in world.users.items():
            if user is not None:
                world.clients[role].force_login(user)
        yield world
        transaction.set_rollback(True)


def _cases():
    for name, cases in EXPECTATIONS.items():
        for index, case in enumerate(cases if isinstance(cases, list) else [cases]):
            label = case.label or (str(index) if isinstance(cases, list) and len(cases) > 1 else "")
            yield name, label, case


REQUESTS = [
    pytest.param(
        name,
        case,
        role,
        method,
        id=f"{name}[{label}]-{role}-{method}" if label else f"{name}-{role}-{method}",
    )
    for name, label, case in _cases()
    for method in ("GET", "POST")
    if method == "GET" or case.post is not None
    for role in ROLES
]


def classify(response):
    if response.status_code in (301, 302, 303, 307, 308):
        path = urlsplit(response["Location"]).path
        if path in (reverse("account_login"), reverse("wagtailadmin_login")):
            return LOGIN
        if path == reverse("wagtailadmin_home"):
            return FORBIDDEN  # Wagtail's answer to a PermissionDenied inside the admin
        return REDIRECT
    return {200: OK, 400: INVALID, 403: FORBIDDEN, 404: NOT_FOUND, 405: NOT_ALLOWED}.get(
        response.status_code, f"HTTP {response.status_code}"
    )


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "case", "role", "method"), REQUESTS)
def test_each_role_gets_the_declared_outcome(world, name, case, role, method):
    url = reverse(name, kwargs=case.resolve(case.kwargs, world))
    client = world.clients[role]
    before = case.probe(world) if case.probe else None
    if method == "GET":
        response = client.get(url)
    else:
        response = client.post(url, case.resolve(case.data, world))
    changed = case.probe is not None and case.probe(world) != before
    actual = DONE if changed else classify(response)
    expected = (case.get if method == "GET" else case.post)[role]
    where = f" → {response['Location']}" if response.has_header("Location") else ""
    assert actual == expected, (
        f"{method} {url} as {role}: expected {expected}, got {actual} ({response.status_code}{where})"
    )
