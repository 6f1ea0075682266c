"""Small builders for evaluation tests: an institution offering evaluation, people and a filed request."""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accounts.roles import PLATFORM_OPERATORS
from services.models import ServiceCategory
from services.tests.factories import InstitutionFactory
from tests.factories import MembershipFactory, staff_in

from .. import handling

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def pdf(name="report.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def evaluating_institution(**kwargs):
    """An approved institution in the "ip-evaluation" category, with its owner as `.owner`."""
    institution = InstitutionFactory(categories=[ServiceCategory.objects.get(code="ip-evaluation")], **kwargs)
    institution.owner = MembershipFactory(organisation=institution.organisation).user
    return institution


def enterprise_owner():
    return MembershipFactory().user


def manager():
    return staff_in(PLATFORM_OPERATORS)


def file_request(user, **changes):
    fields = {
        "project_name": "年产千吨高纯石英砂项目",
        "description": "引进高纯石英砂提纯技术，拟申请市级重大项目立项。",
        "decision": "major_project",
        "ipc_fields": ["C01B", "C03B 20/00"],
        "deadline": timezone.localdate() + timedelta(days=30),
        **changes,
    }
    return handling.file_request(user, **fields)
