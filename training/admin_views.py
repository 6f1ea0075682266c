"""Staff views in the Wagtail admin: a course's roster (attendance, completion, CSV) and the certificate register."""

import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.spreadsheets import safe_row

from . import enrolments
from .enrolments import EnrolmentError
from .models import Certificate, CoursePage, CourseType, Enrolment, may_manage_training

ROSTER_STATUSES = (
    Enrolment.Status.CONFIRMED,
    Enrolment.Status.COMPLETED,
    Enrolment.Status.AWAITING_PAYMENT,
    Enrolment.Status.WAITING,
)


def _staff_only(request):
    # The roster holds personal data: Wagtail's admin access alone is not enough.
    if not may_manage_training(request.user):
        raise PermissionDenied


def course_list(request):
    _staff_only(request)
    courses = CoursePage.objects.for_listing().order_by("-starts_at")
    query = request.GET.get("q", "").strip()
    if query:
        courses = courses.filter(title__icontains=query)
    page_obj = Paginator(courses, 30).get_page(request.GET.get("page"))
    return TemplateResponse(
        request, "training/admin/course_list.html", {"page_obj": page_obj, "courses": page_obj.object_list, "q": query}
    )


def _roster(course):
    roster = list(
        course.enrolments.filter(status__in=ROSTER_STATUSES)
        .select_related("user", "organisation", "certificate")
        .prefetch_related("attendances")
        .order_by("status", "waitlisted_at", "created_at", "pk")
    )
    sessions = list(course.sessions.all())
    columns = sessions or [None]
    for enrolment in roster:
        present = {a.session_id for a in enrolment.attendances.all() if a.present}
        enrolment.attendance_cells = [
            {"key": session.pk if session else "course", "present": (session.pk if session else None) in present}
            for session in columns
        ]
        enrolment.attended = sum(cell["present"] for cell in enrolment.attendance_cells)
    return roster, sessions


def course_roster(request, pk):
    _staff_only(request)
    course = get_object_or_404(CoursePage.objects.select_related("organiser_organisation"), pk=pk)
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "attendance":
                _save_attendance(request, course)
                messages.success(request, _("出勤记录已保存。"))
            elif action == "complete":
                chosen = Enrolment.objects.filter(course=course, pk__in=request.POST.getlist("complete"))
                issued = [enrolments.complete(enrolment, request.user) for enrolment in chosen]
                messages.success(request, _("已标记 %(count)d 人结业并签发证书。") % {"count": len(issued)})
            elif action == "cancel_course":
                enrolments.cancel_course(course, request.user)
                messages.success(request, _("课程已取消，已报名学员均已收到通知。"))
        except EnrolmentError as error:
            messages.error(request, str(error))
        return redirect("training_admin:roster", pk=course.pk)
    roster, sessions = _roster(course)
    return TemplateResponse(
        request,
        "training/admin/roster.html",
        {
            "course": course,
            "roster": roster,
            "sessions": sessions,
            "places_left": course.places_left(),
        },
    )


def _save_attendance(request, course):
    sessions = list(course.sessions.all())
    for session in sessions or [None]:
        key = session.pk if session else "course"
        enrolments.record_attendance(course, session, request.POST.getlist(f"present-{key}"), request.user)


def course_roster_csv(request, pk):
    _staff_only(request)
    course = get_object_or_404(CoursePage, pk=pk)
    roster, sessions = _roster(course)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="roster-{course.pk}-{timezone.localdate():%Y%m%d}.csv"'
    response.write("\ufeff")  # Excel opens UTF-8 CSV with Chinese correctly only with a BOM.
    writer = csv.writer(response)
    session_titles = [session.label for session in sessions] or [_("出勤")]
    writer.writerow(
        safe_row(
            [
                _("姓名"),
                _("电子邮箱"),
                _("电话"),
                _("所在单位"),
                _("状态"),
                _("报名时间"),
                *session_titles,
                _("证书编号"),
            ]
        )
    )
    for enrolment in roster:
        certificate = getattr(enrolment, "certificate", None)
        writer.writerow(
            safe_row(
                [
                    enrolment.user.get_full_name(),
                    enrolment.user.email,
                    enrolment.user.phone,
                    enrolment.organisation.name if enrolment.organisation else "",
                    enrolment.get_status_display(),
                    timezone.localtime(enrolment.created_at).strftime("%Y-%m-%d %H:%M"),
                    *[_("是") if cell["present"] else "" for cell in enrolment.attendance_cells],
                    certificate.number if certificate else "",
                ]
            )
        )
    return response


def certificate_register(request):
    _staff_only(request)
    certificates = Certificate.objects.select_related("organisation").order_by("-issued_on", "-number")
    query = request.GET.get("q", "").strip()
    course_type = request.GET.get("type", "")
    if query:
        certificates = certificates.filter(
            Q(number__icontains=query) | Q(holder_name__icontains=query) | Q(course_title__icontains=query)
        )
    if course_type in CourseType.values:
        certificates = certificates.filter(course_type=course_type)
    page_obj = Paginator(certificates, 50).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "training/admin/certificate_register.html",
        {
            "page_obj": page_obj,
            "certificates": page_obj.object_list,
            "q": query,
            "type": course_type,
            "types": CourseType.choices,
        },
    )
