"""The people and records the authorisation matrix (`tests/test_authorisation_matrix.py`) requests pages as.

Enterprise A and the institution are the two sides of every private record (inquiry, orders, payment,
review); enterprise A also owns the postings, the financing need, the rights-assistance case and the
enrolment; the lender took up A's financing need. Enterprise B belongs to nothing here: it is the
"someone else" the matrix checks. Staff roles are members of the groups named in `accounts.roles` and
belong to no organisation. Pending and suspended institutions belong to organisations of their own.

Everything is made with the factories and each app's domain functions, once per test module.
"""

from datetime import date, timedelta
from decimal import Decimal
from types import SimpleNamespace

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accounts import roles
from accounts.models import Organisation
from accounts.organisations import invite_member
from cms.models import IssuingAgency
from listings import financing, postings
from listings.models import Deal, Industry, Interest, Listing
from listings.models.financing import Stage
from listings.tests.factories import FinancingNeedFactory, FinancingProductFactory, ListingFactory, ListingIPFactory
from payments.models import BankAccount, Payment
from reference.models import AbnormalApplication, District, RdSpending, ResidentPopulation, ResponsibleUnit
from register import imports as register_imports
from register.models import Patent, PatentParty, PostingCheck, Trademark
from rights import cases
from rights.models import Case, Handler
from rights.tests.factories import photo
from services import inquiries, institutions, orders, reviews
from services.models import Notification, Offering, QualificationDocument, ServiceCategory
from services.tests.factories import InstitutionFactory, InstitutionOrganisationFactory, OfferingFactory
from subscriptions.searches import save_search
from targets import entries, imports
from targets.models import Indicator
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from training import enrolments
from training.tests.factories import make_course, move_to_past

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"

# The requesting roles, in the order the matrix lists them.
ROLES = (
    "anonymous",
    "enterprise_a",
    "enterprise_b",
    "institution",
    "lender",
    "handler",
    "rights_admin",
    "editor",
    "operator",
    "superuser",
)


def pdf(name="document.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def _owner(organisation, email):
    return MembershipFactory(organisation=organisation, user__email=email).user


def _staff(email, group):
    user = UserFactory(email=email, is_staff=True)
    user.groups.add(Group.objects.get_or_create(name=group)[0])
    return user


def _paid(order, user):
    """The order accepted and paid, as Stripe's webhook would record it."""
    orders.accept(order, user)
    payment = Payment.objects.create(
        payable=order,
        user=order.created_by,
        organisation=order.enterprise,
        description=order.title,
        amount=order.amount,
        currency="cny",
        status=Payment.Status.PAID,
        paid_at=timezone.now(),
    )
    orders.record_payment(order, payment)
    return payment


def build_world():
    w = SimpleNamespace()
    haizhou = District.objects.get(code="haizhou")
    gongshangju = ResponsibleUnit.objects.get(code="gongshangju")
    kejiju = ResponsibleUnit.objects.get(code="kejiju")

    # --- Organisations and the people who request pages -------------------------------------------
    w.ent_a = OrganisationFactory(name="连云港甲方新材料有限公司")
    w.ent_b = OrganisationFactory(name="连云港乙方制药有限公司")
    w.inst_org = InstitutionOrganisationFactory(name="连云港丙方专利代理事务所")
    w.bank = OrganisationFactory(name="江苏银行股份有限公司连云港分行", kind=Organisation.Kind.INSTITUTION)
    users = {
        "anonymous": None,
        "enterprise_a": _owner(w.ent_a, "a@matrix.example"),
        "enterprise_b": _owner(w.ent_b, "b@matrix.example"),
        "institution": _owner(w.inst_org, "institution@matrix.example"),
        "lender": _owner(w.bank, "bank@matrix.example"),
        "handler": _staff("handler@matrix.example", roles.RIGHTS_HANDLERS),
        "rights_admin": _staff("rights-admin@matrix.example", roles.RIGHTS_ADMINS),
        "editor": _staff("editor@matrix.example", roles.CONTENT_EDITORS),
        "operator": _staff("operator@matrix.example", roles.PLATFORM_OPERATORS),
        "superuser": UserFactory(email="root@matrix.example", is_staff=True, is_superuser=True),
    }
    w.users = users
    a, inst_user, lender = users["enterprise_a"], users["institution"], users["lender"]
    # The handler works for another unit than the one the case is with.
    Handler.objects.create(user=users["handler"], unit=kejiju)
    w.case_handler = UserFactory(email="case-handler@matrix.example", is_staff=True)
    w.case_handler.groups.add(Group.objects.get_or_create(name=roles.RIGHTS_HANDLERS)[0])
    w.handler_row = Handler.objects.create(user=w.case_handler, unit=gongshangju)

    # --- Institutions: approved (the institution role's), pending and suspended (strangers') ----------
    w.institution = InstitutionFactory(organisation=w.inst_org)
    w.offering = OfferingFactory(institution=w.institution, title="商标注册代理（矩阵）")
    w.draft_offering = OfferingFactory(institution=w.institution, status=Offering.Status.DRAFT)
    w.qualification = QualificationDocument.attach(
        pdf("licence.pdf"), "application/pdf", user=inst_user, title="营业执照", institution=w.institution
    )
    pending_org = InstitutionOrganisationFactory(name="连云港待审知识产权服务所")
    pending_owner = _owner(pending_org, "pending@matrix.example")
    w.pending_institution = institutions.submit_application(
        pending_owner,
        pending_org,
        listing={
            "institution_type": w.institution.institution_type,
            "district": haizhou,
            "address": "连云港市海州区通灌南路1号",
            "contact_name": "周五",
            "contact_phone": "0518-85550001",
            "contact_email": "pending@matrix.example",
            "description": "专利代理。",
        },
        categories=[ServiceCategory.objects.get(code="trademark")],
        documents=[("资质证书", pdf("pending.pdf"))],
    )
    w.pending_document = w.pending_institution.documents.get()
    w.pending_offering = OfferingFactory(institution=w.pending_institution)
    w.suspended_institution = InstitutionFactory(status="suspended")
    w.suspended_offering = OfferingFactory(institution=w.suspended_institution)

    # --- Marketplace: inquiry with a quote, orders in several states, a review, a payment ------------
    w.inquiry = inquiries.start_inquiry(
        a, w.institution, subject="商标注册咨询", body="请问费用？", offering=w.offering
    )
    w.quote = inquiries.post_message(w.inquiry, inst_user, body="报价如下。", quote_amount=Decimal("1500"))
    w.order_requested = orders.place_order(a, offering=w.offering, requirements="注册一件商标")
    w.order_accepted = orders.place_order(a, offering=w.offering)
    orders.accept(w.order_accepted, inst_user)
    w.order_paid = orders.place_order(a, offering=w.offering)
    w.payment = _paid(w.order_paid, inst_user)
    w.order_completed = orders.place_order(a, offering=w.offering)
    _paid(w.order_completed, inst_user)
    orders.deliver(w.order_completed, inst_user)
    w.order_completed = orders.complete(w.order_completed, a)
    w.order_reviewable = orders.place_order(a, offering=w.offering)
    _paid(w.order_reviewable, inst_user)
    orders.deliver(w.order_reviewable, inst_user)
    orders.complete(w.order_reviewable, a)
    w.review = reviews.leave_review(w.order_completed, a, rating=4, body="服务及时。")
    w.order_disputed = orders.place_order(a, offering=w.offering)
    _paid(w.order_disputed, inst_user)
    orders.deliver(w.order_disputed, inst_user)
    orders.dispute(w.order_disputed, a, "交付文件不全")
    w.notification = Notification.objects.filter(organisation=w.ent_a).order_by("pk").first()
    w.invitation = invite_member(w.ent_a, a, "newcomer@matrix.example")

    # --- Bank transfer: the institution's account, a transfer awaiting confirmation, one confirmed and
    # partly refunded (the refund awaiting A's confirmation), invoices requested and issued ---------------
    w.bank_account = BankAccount.objects.create(
        organisation=w.inst_org,
        bank_name="中国银行",
        branch="连云港海州支行",
        account_name=w.inst_org.name,
        account_number="6222000011112222",
    )
    today = timezone.localdate()
    w.order_transfer = orders.accept(orders.place_order(a, offering=w.offering), inst_user)
    w.transfer = orders.record_transfer(
        w.order_transfer, a, amount=w.order_transfer.amount, transfer_date=today, payer_bank="江苏银行", receipt=pdf()
    )
    w.order_transfer_paid = orders.accept(orders.place_order(a, offering=w.offering), inst_user)
    paid_transfer = orders.record_transfer(
        w.order_transfer_paid,
        a,
        amount=w.order_transfer_paid.amount,
        transfer_date=today,
        payer_bank="江苏银行",
        receipt=pdf(),
    )
    orders.confirm_transfer(w.order_transfer_paid, paid_transfer, inst_user)
    w.refund = orders.record_refund_transfer(
        w.order_transfer_paid, inst_user, amount=10000, reason="少交付一项", transfer_date=today, receipt=pdf()
    )
    invoice_fields = {"kind": "ordinary", "title": w.ent_a.name, "tax_number": w.ent_a.credit_code, "send_to": "a@b.cn"}
    w.invoice = orders.request_invoice(w.order_transfer_paid, a, **invoice_fields)
    w.issued_invoice = orders.request_invoice(w.order_completed, a, **invoice_fields)
    orders.issue_invoice(w.issued_invoice, inst_user, number="0001", issued_on=today, file=pdf("invoice.pdf"))

    # --- Postings: published and unpublished, a financing need taken up by the bank ------------------
    w.listing = ListingFactory(organisation=w.ent_a, title="碳纤维专利许可（矩阵）")
    ListingIPFactory(listing=w.listing)
    w.draft_listing = ListingFactory(organisation=w.ent_a, status=Listing.Status.DRAFT, published_at=None)
    ListingIPFactory(listing=w.draft_listing)
    w.submitted_listing = ListingFactory(organisation=w.ent_a, status=Listing.Status.DRAFT, published_at=None)
    ListingIPFactory(listing=w.submitted_listing)
    postings.submit_listing(w.submitted_listing, a)
    w.interest = postings.express_interest(w.listing, users["enterprise_b"], "我们有意受让。")
    w.product = FinancingProductFactory(organisation=w.bank, title="知识产权质押贷（矩阵）")
    w.need = FinancingNeedFactory(organisation=w.ent_a)
    ListingIPFactory(listing=w.need)
    w.open_need = FinancingNeedFactory(organisation=w.ent_a)
    ListingIPFactory(listing=w.open_need)
    w.financing_case = financing.take_up_need(w.need, lender, product=w.product)
    w.financing_document = financing.add_document(
        w.financing_case, lender, Stage.APPLICATION, "贷款申请书", pdf("application.pdf")
    )
    closed = ListingFactory(organisation=w.ent_a)
    postings.close_as_deal(
        closed, a, counterparty_name="某受让方", amount=Decimal("50"), deal_date=timezone.localdate(), note=""
    )
    w.deal = Deal.objects.get(listing=closed)
    w.industry = Industry.objects.create(code="matrix-test", name="矩阵测试产业")

    # --- Rights: enterprise A's assistance case with evidence, with the 工商局, not the handler's unit ---
    w.case = cases.submit_assistance(
        a,
        {
            "category": "patent",
            "ip_right": "发明专利 ZL201810654321.0",
            "infringer": "江苏某复合材料有限公司",
            "help_wanted": "litigation",
            "description": "对方产品落入我司专利保护范围。",
            "contact_name": "王建华",
            "contact_phone": "0518-85661234",
            "contact_email": "a@matrix.example",
        },
        [photo("evidence.png")],
    )
    cases.assign(w.case, users["superuser"], gongshangju)
    w.case = Case.objects.get(pk=w.case.pk)
    w.evidence = w.case.evidence.get()

    # --- Training: a held course, A's completed enrolment and certificate, and an open course ---------
    course = make_course(title="专利实务培训（矩阵）")
    w.enrolment = enrolments.enrol(course, a)
    w.course = move_to_past(course)
    w.certificate = enrolments.complete(w.enrolment, users["superuser"])
    w.open_course = make_course(title="商标实务培训（矩阵）")
    w.open_enrolment = enrolments.enrol(w.open_course, a)

    # --- Targets: a manual entry with its attachment, an import batch, a certification ---------------
    w.indicator = Indicator.objects.filter(source="manual").order_by("pk").first()
    root = users["superuser"]
    w.entry = entries.record_entry(
        w.indicator,
        as_of=date(2016, 6, 30),
        value=Decimal("1"),
        source_note="市统计局",
        user=root,
        attachment=pdf("figures.pdf"),
    )
    w.batch = imports.create_batch(
        SimpleUploadedFile(
            "q3.csv",
            f"指标代码,统计日期,数值,县区,数据来源说明\r\n{w.indicator.code},2016-09-30,2,,市统计局\r\n".encode(),
        ),
        root,
    )
    w.register_batch = register_imports.preview_file(
        SimpleUploadedFile(
            "patents.csv",
            "申请号,申请日,发明名称,申请（专利权）人\r\nCN201310123456.2,2013-03-01,一种高纯石英砂提纯方法,连云港矩阵石英有限公司\r\n".encode(),
        ),
        record_kind="patent",
        source_kind="cnipa",
        user=root,
    )
    imported = register_imports.preview_file(
        SimpleUploadedFile(
            "patents.csv",
            "申请号,申请日,发明名称,申请（专利权）人\r\nCN201410123456.7,2014-05-20,一种碳纤维预浸料的制备方法,甲方\r\n".encode(),
        ),
        record_kind="patent",
        source_kind="cnipa",
        user=root,
    )
    register_imports.start_import(imported)
    register_imports.run_import(imported.pk)
    w.patent = Patent.objects.get(application_number="201410123456.7")
    w.register_party = w.patent.parties.get()
    PatentParty.objects.filter(pk=w.register_party.pk).update(organisation=w.ent_a, match_confirmed=False)
    w.trademark = Trademark.objects.create(
        registration_number="8765432",
        nice_class=5,
        name="矩阵",
        registrant_name="甲方",
        status=Trademark.Status.REGISTERED,
        status_checked_at=timezone.now(),
        source=imported.source,
    )
    w.posting_check = PostingCheck.objects.get(ip_record__listing=w.listing)
    w.certification = entries.certify_enterprise(
        OrganisationFactory(name="连云港示范企业（矩阵）"),
        certificate_number="LYG-MATRIX-001",
        certified_on=date(2015, 6, 18),
        issued_by="市科技局",
        evidence=pdf("certification.pdf"),
        user=root,
    )

    # --- Reference data the snippet screens edit, made here so deleting one harms nothing else --------
    w.district = District.objects.create(code="matrix", name="矩阵区", kind="district", sort_order=99)
    w.unit = ResponsibleUnit.objects.create(code="matrix", name="矩阵局")
    w.agency = IssuingAgency.objects.create(name="矩阵发文机关")
    # Of another district: a district with population figures is protected from deletion.
    counted = District.objects.create(code="matrix-counted", name="矩阵统计区", kind="district", sort_order=98)
    w.population = ResidentPopulation.objects.create(district=counted, year=2015, residents=Decimal("1.00"))
    w.rd_spending = RdSpending.objects.create(year=2015, amount=Decimal("345000"))
    w.abnormal = AbnormalApplication.objects.create(application_number="201510000001.0", published_on=date(2016, 3, 1))
    w.spare_indicator = Indicator.objects.create(
        code="matrix-indicator", name="矩阵指标", unit="件", category=w.indicator.category
    )
    w.interests = Interest.objects.filter(listing__organisation=w.ent_a)
    # --- Subscriptions: enterprise A's saved search and private feed -----------------------------------
    w.saved_search = save_search(a, name="矩阵检索", source="transactions", querystring="q=碳纤维", frequency="daily")
    w.subscriber = w.saved_search.owner.subscriber
    w.today = timezone.localdate()
    w.tomorrow = w.today + timedelta(days=1)
    from funding.tests.world import add_funding

    add_funding(w, pdf)
    from copyrights.tests.world import add_copyrights

    w.district_haizhou = haizhou
    add_copyrights(w)
    from evaluations.tests.world import add_evaluations

    add_evaluations(w, pdf)
    from advisers.tests.world import add_advisers

    add_advisers(w, pdf)
    from analysis.tests.world import add_analysis

    add_analysis(w)
    return w
