"""Who may see and act on evaluation requests: the named permission, the owner's organisation (or the
department's people) and the assigned institution's members. Views and the workflow's roles ask these."""

from django.db.models import Q

from accounts.roles import MANAGE_EVALUATIONS


def _active(user):
    return user.is_authenticated and user.is_active


def may_manage(user):
    return _active(user) and user.has_perm(MANAGE_EVALUATIONS)


def department_of(user):
    """The responsible unit `user` files requests for, or None."""
    from .models import DepartmentMember

    if not _active(user):
        return None
    member = DepartmentMember.objects.filter(user=user).select_related("unit").first()
    return member.unit if member else None


def filer_refusal(user):
    """Why `user` may not file a request (None: they may): enterprises' members and departments' people."""
    from django.utils.translation import gettext as _

    if not _active(user):
        return _("请先登录。")
    if department_of(user) is not None:
        return None
    organisation = user.organisation
    if organisation is None or not organisation.is_enterprise:
        return _("只有企业用户或登记的部门人员可以提交知识产权评议申请。")
    return None


def visible_requests(user, queryset):
    """The requests `user` may read: their organisation's or department's, those assigned to their
    institution, or all with the permission."""
    if not _active(user):
        return queryset.none()
    if may_manage(user):
        return queryset
    condition = Q(pk__in=[])
    organisation = user.organisation
    if organisation is not None:
        condition |= Q(organisation=organisation) | Q(institution__organisation=organisation)
    unit = department_of(user)
    if unit is not None:
        condition |= Q(unit=unit)
    return queryset.filter(condition)


def evaluating_institutions():
    """The listed institutions that offer evaluation: in the service category "ip-evaluation", or with a
    published offering in it."""
    from services.models import Institution, Offering

    offering = Offering.objects.filter(status=Offering.Status.PUBLISHED, category__code=EVALUATION_CATEGORY)
    return (
        Institution.objects.public()
        .filter(Q(categories__code=EVALUATION_CATEGORY) | Q(pk__in=offering.values("institution")))
        .select_related("organisation", "district")
        .distinct()
        .order_by("organisation__name")
    )


EVALUATION_CATEGORY = "ip-evaluation"
