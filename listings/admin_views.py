"""The staff review queue in the Wagtail admin: submitted postings, approve or reject with a reason."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import postings
from .forms import ReasonForm
from .models import Listing


def _require_staff(request):
    if not postings.may_moderate(request.user):
        raise PermissionDenied(_("只有平台工作人员可以审核信息。"))


def review_queue(request):
    _require_staff(request)
    status = request.GET.get("status") or Listing.Status.SUBMITTED
    if status not in Listing.Status.values:
        status = Listing.Status.SUBMITTED
    queryset = (
        Listing.objects.filter(status=status)
        .select_related("organisation", "industry", "district")
        .order_by("submitted_at", "pk")
    )
    return render(
        request,
        "listings/admin/review_queue.html",
        {
            "page_obj": Paginator(queryset, 30).get_page(request.GET.get("page")),
            "status": status,
            "statuses": Listing.Status.choices,
            "header_title": _("信息审核"),
            "page_title": _("信息审核"),
            "header_icon": "tasks",
        },
    )


def review_detail(request, pk, reject_form=None):
    _require_staff(request)
    listing = get_object_or_404(Listing.objects.select_related("organisation", "industry", "district"), pk=pk)
    return render(
        request,
        "listings/admin/review_detail.html",
        {
            "listing": listing,
            "ip_records": listing.ip_records.all(),
            "events": listing.events.select_related("actor")[:20],
            "reject_form": reject_form or ReasonForm(),
            "header_title": listing.title,
            "page_title": _("审核：%(title)s") % {"title": listing.title},
            "header_icon": "tasks",
        },
        status=400 if reject_form else 200,
    )


@require_POST
def approve(request, pk):
    _require_staff(request)
    listing = get_object_or_404(Listing, pk=pk)
    try:
        postings.approve_listing(listing, request.user)
    except postings.AlreadyDone as done:
        messages.info(request, str(done))
        return redirect("listings_admin:review_queue")
    except postings.PostingError as error:
        messages.error(request, str(error))
        return redirect("listings_admin:review_detail", listing.pk)
    messages.success(request, _("“%(title)s”已发布。") % {"title": listing.title})
    return redirect("listings_admin:review_queue")


@require_POST
def reject(request, pk):
    _require_staff(request)
    listing = get_object_or_404(Listing, pk=pk)
    form = ReasonForm(request.POST)
    if form.is_valid():
        try:
            postings.reject_listing(listing, request.user, form.cleaned_data["reason"])
        except postings.PostingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("“%(title)s”已退回。") % {"title": listing.title})
            return redirect("listings_admin:review_queue")
    return review_detail(request, pk, reject_form=form)
