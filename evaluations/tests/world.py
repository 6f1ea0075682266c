"""The evaluation records of the authorisation matrix's world (`tests/authorisation_world.py`).

Enterprise A owns four requests: one filed (to be assigned), one assigned to the institution role's
institution (to be accepted), one accepted (to be delivered) and one delivered with its report and an
attachment. The institution role's institution offers evaluation; the operators hold the permission."""

from datetime import timedelta

from django.utils import timezone

from evaluations import handling
from evaluations.models import DepartmentMember
from reference.models import ResponsibleUnit
from services.models import ServiceCategory
from tests.factories import UserFactory


def add_evaluations(w, pdf):
    a, inst_user, root = w.users["enterprise_a"], w.users["institution"], w.users["superuser"]
    w.institution.categories.add(ServiceCategory.objects.get(code="ip-evaluation"))

    def filed(name, attachment=False):
        return handling.file_request(
            a,
            project_name=name,
            description="矩阵项目简介。",
            decision="major_project",
            ipc_fields=["H01L"],
            deadline=timezone.localdate() + timedelta(days=30),
            attachments=[("可研报告", pdf("study.pdf"))] if attachment else [],
        )

    w.evaluation_filed = filed("待指派项目（矩阵）")
    w.evaluation_assigned = handling.assign(filed("待接受项目（矩阵）"), root, w.institution)
    w.evaluation_accepted = handling.accept(
        handling.assign(filed("评议中项目（矩阵）"), root, w.institution), inst_user
    )
    delivered = handling.accept(
        handling.assign(filed("已交付项目（矩阵）", attachment=True), root, w.institution), inst_user
    )
    w.evaluation_delivered = handling.deliver(delivered, inst_user, report=pdf("report.pdf"), summary="矩阵摘要。")
    w.evaluation_attachment = w.evaluation_delivered.attachments.get()
    w.evaluation_department_member = DepartmentMember.objects.create(
        user=UserFactory(email="department@matrix.example"), unit=ResponsibleUnit.objects.get(code="fagaiwei")
    )
    for record in (w.evaluation_filed, w.evaluation_assigned, w.evaluation_accepted, w.evaluation_delivered):
        record.refresh_from_db()
