"""The register's import screens in the Wagtail admin: upload, preview, import with progress and report."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import imports
from .access import importer_required
from .forms import ImportForm
from .models import ImportBatch, PatentParty, Trademark
from .organisations import confirm_match


@importer_required
def import_upload(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            batch = imports.preview_file(
                form.cleaned_data["file"],
                record_kind=form.cleaned_data["record_kind"],
                source_kind=form.cleaned_data["source_kind"],
                user=request.user,
            )
        except ValidationError as error:
            form.add_error("file", error)
        else:
            return redirect("register_admin:batch", pk=batch.pk)
    batches = ImportBatch.objects.select_related("source", "uploaded_by")[:20]
    return render(request, "register/admin/import_upload.html", {"form": form, "batches": batches})


@importer_required
def batch_detail(request, pk):
    batch = get_object_or_404(ImportBatch.objects.select_related("source", "uploaded_by"), pk=pk)
    done = imports.progress(batch)
    return render(
        request,
        "register/admin/batch.html",
        {
            "batch": batch,
            "mapping": {k: v for k, v in batch.mapping.items() if not k.startswith("_")},
            "sample": batch.mapping.get("_sample", []),
            "done": done,
            "percent": int(100 * done / batch.total_rows) if batch.total_rows else 0,
        },
    )


@require_POST
@importer_required
def batch_start(request, pk):
    batch = get_object_or_404(ImportBatch, pk=pk)
    if imports.start_import(batch):
        messages.success(request, _("已开始导入，可在本页查看进度。"))
    else:
        messages.info(request, _("该批次已开始导入或已处理，未重复导入。"))
    return redirect("register_admin:batch", pk=batch.pk)


@require_POST
@importer_required
def batch_discard(request, pk):
    batch = get_object_or_404(ImportBatch, pk=pk)
    if imports.discard(batch):
        messages.info(request, _("已放弃该批次，未导入任何记录。"))
    return redirect("register_admin:import")


@importer_required
def matches(request):
    parties = PatentParty.objects.filter(organisation__isnull=False, match_confirmed=False).select_related(
        "patent", "organisation"
    )[:200]
    marks = Trademark.objects.filter(organisation__isnull=False, match_confirmed=False).select_related("organisation")[
        :200
    ]
    return render(request, "register/admin/matches.html", {"parties": parties, "marks": marks})


@require_POST
@importer_required
def match_decide(request, kind, pk):
    model = {"party": PatentParty, "trademark": Trademark}.get(kind)
    if model is None:
        raise Http404
    record = get_object_or_404(model, pk=pk, organisation__isnull=False, match_confirmed=False)
    confirm_match(record, request.POST.get("decision") == "confirm")
    messages.success(request, _("已处理该对应。"))
    return redirect("register_admin:matches")
