"""Customs-recordal pages: an enterprise's own status with its checklist, and the staff's screens (counts
by district, one recordal entered, the customs list previewed and applied). Thin views over
`register.customs`; staff screens need `register.record_customs`."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.actions import form_went_through

from . import customs
from .access import may_record_customs
from .forms import CustomsImportForm, CustomsRecordForm
from .models import CustomsImport, CustomsRecordal
from .statistics import customs_recordals_by_district


def customs_staff_required(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not may_record_customs(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


@login_required
def my_recordals(request):
    """The enterprise's rights in force, recorded or not, and how to record the rest."""
    organisation = request.user.organisation
    enterprise = organisation if organisation is not None and organisation.is_enterprise else None
    statuses = customs.status_of_enterprise(enterprise) if enterprise else []
    return render(
        request,
        "register/customs/mine.html",
        {
            "enterprise": enterprise,
            "statuses": statuses,
            "recorded": [s for s in statuses if s.recorded],
            "unrecorded": [s for s in statuses if not s.recorded],
            "checklist": customs.CHECKLIST_STEPS,
        },
    )


@customs_staff_required
def manage(request):
    form = CustomsRecordForm(request.POST or None)
    if request.method == "POST" and form_went_through(
        request,
        form,
        lambda data: customs.record(request.user, **data),
        customs.CustomsError,
        _("已登记该海关备案。"),
    ):
        return redirect("register:customs_manage")
    rows, total = customs_recordals_by_district()
    return render(
        request,
        "register/customs/manage.html",
        {
            "form": form,
            "import_form": CustomsImportForm(),
            "by_district": rows,
            "total": total,
            "today": timezone.localdate(),
            "recordals": CustomsRecordal.objects.select_related("patent", "trademark", "district", "entered_by")[:50],
            "imports": CustomsImport.objects.select_related("uploaded_by")[:10],
        },
    )


@require_POST
@customs_staff_required
def import_upload(request):
    form = CustomsImportForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            batch = customs.preview_list(form.cleaned_data["file"], request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            return redirect(batch)
    else:
        messages.error(request, _("请选择要上传的海关备案名单。"))
    return redirect("register:customs_manage")


@customs_staff_required
def import_detail(request, pk):
    batch = get_object_or_404(CustomsImport.objects.select_related("uploaded_by"), pk=pk)
    return render(request, "register/customs/import.html", {"batch": batch})


@require_POST
@customs_staff_required
def import_apply(request, pk):
    batch = get_object_or_404(CustomsImport, pk=pk)
    try:
        applied = customs.apply_list(batch, request.user)
    except customs.CustomsError as error:
        messages.error(request, str(error))
    else:
        if applied:
            messages.success(request, _("已导入海关备案名单。"))
        else:
            messages.info(request, _("该名单已导入或不能导入，未重复处理。"))
    return redirect(batch)


@require_POST
@customs_staff_required
def import_discard(request, pk):
    batch = get_object_or_404(CustomsImport, pk=pk)
    if customs.discard_list(batch):
        messages.info(request, _("已放弃该名单，未导入任何记录。"))
    return redirect("register:customs_manage")
