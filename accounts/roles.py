"""The platform's roles: each is a group holding named permissions, seeded by migration.

`is_staff` only opens the Wagtail admin; what a person may do there and on the site comes from these
permissions (or from membership of the organisation that owns an object). A superuser holds every
permission. Each permission is declared in `Meta.permissions` of the model it guards, in the app that owns it.
"""

from django.utils.translation import gettext_lazy as _

ACCESS_ADMIN = "wagtailadmin.access_admin"

# Platform operators: institution review, order disputes and refunds, posting moderation, review moderation.
PLATFORM_OPERATORS = "平台运营"
# Content editors: Wagtail pages (the page permissions are granted in `cms.publishing`).
CONTENT_EDITORS = "编辑"
# Training managers: courses, rosters, attendance, certificates.
TRAINING_MANAGERS = "培训管理员"
# Rights administrators (every case) and handlers (their unit's cases only, through a `rights.Handler` row).
RIGHTS_ADMINS = "维权管理员"
RIGHTS_HANDLERS = "维权办理人员"
# Target reporters: entries and imports of the plan's indicators.
TARGET_REPORTERS = "目标填报员"
# Finance: payment records and refunds.
FINANCE = "财务"
# Register data managers: imports of patent and trademark records, confirming matches to organisations.
# Seeded by `register.roles` (its permission is created after this module's roles are first seeded).
REGISTER_MANAGERS = "知识产权数据管理员"
# Special funds (专项资金): programme managers (programmes, reviewers, objections, statistics) and reviewers
# (the applications of the programmes they are assigned to). Finance records the payments. Seeded by
# `funding.roles`, like the register's group, since the permissions are created after this module's roles.
FUNDING_MANAGERS = "专项资金管理员"
FUNDING_REVIEWERS = "专项资金审核人员"
# Copyright examiners (作品登记审查员): the work registrations and contract filings of their unit (市文广新局),
# through a `copyrights.Examiner` row. Seeded by `copyrights.roles`, like the special funds' groups.
COPYRIGHT_EXAMINERS = "作品登记审查员"
# Talent managers (知识产权人才评聘): record engineer-title recognitions and take them through review to a
# decision. Seeded by `advisers.roles`, since the permission is created after this module's roles.
TALENT_MANAGERS = "知识产权人才管理员"
# Patent analysts: early-warning watches and their alerts and reports. Seeded by `analysis.roles`.
PATENT_ANALYSTS = "专利预警分析人员"

# The permission of each action or private read, as "app_label.codename".
REVIEW_INSTITUTIONS = "services.review_institution"  # approve, reject, suspend; read pending/suspended ones
HANDLE_ORDER_DISPUTES = "services.handle_order_dispute"  # read any order, resolve disputes, cancel/complete as platform
MODERATE_REVIEWS = "services.moderate_review"
MODERATE_LISTINGS = "listings.moderate_listing"  # moderation queue, unpublished postings
VIEW_FINANCING_CASES = "listings.view_financing_case"  # every financing case and its private documents
VIEW_ORGANISATION_PRIVATE = "accounts.view_organisation_private"  # organisations' private details and members
MANAGE_TRAINING = "training.manage_training"  # rosters, attendance, certificates, any enrolment
ADMINISTER_RIGHTS_CASES = "rights.administer_cases"  # every case, routing, handlers
HANDLE_RIGHTS_CASES = "rights.handle_cases"  # the cases of the handler's own unit
REPORT_TARGETS = "targets.report_targets"  # entries and imports
VIEW_PAYMENTS = "payments.view_payment_record"
REFUND_PAYMENTS = "payments.refund_payment"
IMPORT_REGISTER = "register.import_records"  # register imports and applicant matching
RECORD_CUSTOMS = "register.record_customs"  # customs recordals: the list imported, one entered, counts by district
MANAGE_FUNDING = "funding.manage_programmes"  # open programmes, assign reviewers, moderate objections, statistics
REVIEW_FUNDING = "funding.review_application"  # 受理, 初审, 复核, 公示 of the programmes one is assigned to
RECORD_FUNDING_PAYMENTS = "funding.record_payment"  # 拨付 and the finance export with bank details
EXAMINE_COPYRIGHT = "copyrights.examine_filing"  # examine, ask for correction, approve or refuse their unit's filings
# IP evaluation requests (知识产权评议): read every request, assign institutions. Granted to platform
# operators by `evaluations.roles` (the permission is created after this module's roles are first seeded).
MANAGE_EVALUATIONS = "evaluations.manage_requests"
RECOGNISE_TITLES = "advisers.recognise_titles"  # 知识产权工程师评聘: record, review, decide
MANAGE_WATCHES = "analysis.manage_watches"  # define early-warning watches, read every platform watch's alerts

ROLES = {
    PLATFORM_OPERATORS: {
        "description": _("机构入驻审核、订单争议与退款、信息发布审核、评价管理"),
        "permissions": [
            ACCESS_ADMIN,
            REVIEW_INSTITUTIONS,
            HANDLE_ORDER_DISPUTES,
            MODERATE_REVIEWS,
            MODERATE_LISTINGS,
            VIEW_FINANCING_CASES,
            VIEW_ORGANISATION_PRIVATE,
        ],
    },
    CONTENT_EDITORS: {
        "description": _("编辑网站页面（政策、新闻、专利信息、培训页面），发布需审核"),
        "permissions": [ACCESS_ADMIN],
    },
    TRAINING_MANAGERS: {
        "description": _("课程、报名名单、考勤与证书"),
        "permissions": [ACCESS_ADMIN, MANAGE_TRAINING],
    },
    RIGHTS_ADMINS: {
        "description": _("查看并分派全部维权案件，管理办理人员"),
        "permissions": [ACCESS_ADMIN, ADMINISTER_RIGHTS_CASES, HANDLE_RIGHTS_CASES],
    },
    RIGHTS_HANDLERS: {
        "description": _("办理本单位的维权案件"),
        "permissions": [ACCESS_ADMIN, HANDLE_RIGHTS_CASES],
    },
    TARGET_REPORTERS: {
        "description": _("填报与导入试点城市指标数据"),
        "permissions": [ACCESS_ADMIN, REPORT_TARGETS],
    },
    FINANCE: {
        "description": _("查看付款记录、办理退款"),
        "permissions": [ACCESS_ADMIN, VIEW_PAYMENTS, REFUND_PAYMENTS],
    },
}


def _split(permission):
    app_label, codename = permission.split(".", 1)
    return app_label, codename


def ensure_roles(group_model=None, permission_model=None):
    """Create or complete every role's group with its permissions; safe to run any number of times.

    The data migration passes its historical models; `load_demo` and the re-seeding after a test's flush
    call it without arguments. Permissions are only added: one granted by hand in the admin stays.
    """
    if group_model is None or permission_model is None:
        from django.contrib.auth.models import Group, Permission

        group_model, permission_model = Group, Permission
    groups = {}
    for name, role in ROLES.items():
        wanted = {_split(permission) for permission in role["permissions"]}
        found = [
            permission
            for permission in permission_model.objects.filter(codename__in={codename for _app, codename in wanted})
            .select_related("content_type")
            .order_by("pk")
            if (permission.content_type.app_label, permission.codename) in wanted
        ]
        missing = wanted - {(permission.content_type.app_label, permission.codename) for permission in found}
        if missing:
            raise LookupError(f"Permissions of the role {name} do not exist (yet): {sorted(missing)}")
        group, _created = group_model.objects.get_or_create(name=name)
        group.permissions.add(*found)
        groups[name] = group
    return groups


def holders_of(permission):
    """Active users holding `permission` through a group, directly or as superusers (e-mail recipients)."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.with_perm(
        permission, is_active=True, backend="django.contrib.auth.backends.ModelBackend"
    )
