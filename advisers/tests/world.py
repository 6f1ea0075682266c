"""The advisers' and customs records of the authorisation matrix's world (`tests/authorisation_world.py`).

The institution's owner holds an IP-engineer certificate and has published an adviser profile; enterprise
A asked them for advice (not yet answered); the owner has registered a colleague (not a matrix role) and,
pending their own answer, themselves. A certificate holder who is no matrix role keeps a profile private.
The superuser has recorded a title recognition; a customs list waits in preview."""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from advisers import profiles, recognitions, requests
from advisers.models import TitleRecognition
from advisers.tests.factories import certified, profile_of
from register import customs
from tests.factories import MembershipFactory
from training.models import Certificate, CourseType

CUSTOMS_HEADER = "备案号,知识产权类型,专利号/注册号,权利人,核准日期,有效期至"


def customs_list(w, number="T2016-90001"):
    row = f"{number},商标,{w.trademark.registration_number},甲方,2016-01-05,2026-01-04"
    return SimpleUploadedFile("customs.csv", f"{CUSTOMS_HEADER}\r\n{row}\r\n".encode())


def add_advisers(w, pdf):
    root = w.users["superuser"]
    adviser = w.users["institution"]
    today = timezone.localdate()
    Certificate.objects.create(
        number="LYG-IPE-MATRIX-1",
        holder=adviser,
        holder_name=adviser.get_full_name(),
        course_title="知识产权工程师培训（矩阵）",
        course_type=CourseType.IP_ENGINEER,
        issued_on=today,
    )
    w.adviser_profile = profile_of(adviser, publish=True)
    w.hidden_profile = profile_of(certified(name="未公开顾问"))
    w.advice_request = requests.send_request(
        w.users["enterprise_a"],
        w.adviser_profile,
        topic="专利布局（矩阵）",
        message="请教。",
        preferred_from=today + timedelta(days=1),
        preferred_to=today + timedelta(days=5),
    )
    colleague = MembershipFactory(organisation=w.inst_org, role="member", user__email="colleague@matrix.example")
    w.inst_colleague = colleague.user
    w.pending_registration = profiles.register_colleague(w.inst_org, adviser, adviser.email)
    w.recognition = recognitions.record(
        root,
        email=w.inst_colleague.email,
        level=TitleRecognition.Level.ENGINEER,
        decided_on=today,
        deciding_unit="市人社局（矩阵）",
        document=pdf("recognition.pdf"),
    )
    w.customs_batch = customs.preview_list(customs_list(w), root)
