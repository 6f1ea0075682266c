"""The copyright records of the authorisation matrix's world (`tests/authorisation_world.py`).

Enterprise A has filed a work now awaiting examination, one sent back for correction and one registered
(with an image sample, so it has a public preview); the superuser examines for 市文广新局; a second
examiner row (of another unit) is the one the snippet screens edit."""

from copyrights import filings
from copyrights.models import UNIT_CODE, Examiner
from reference.models import ResponsibleUnit

from .factories import file_work, png


def add_copyrights(w):
    root = w.users["superuser"]
    a = w.users["enterprise_a"]
    Examiner.objects.create(user=root, unit=ResponsibleUnit.objects.get(code=UNIT_CODE))
    w.cr_examiner_row = Examiner.objects.create(user=w.case_handler, unit=ResponsibleUnit.objects.get(code="kejiju"))
    w.cr_submitted = file_work(a, title="矩阵作品（待审）")
    w.cr_correction = file_work(a, title="矩阵作品（待补正）")
    filings.request_correction(w.cr_correction, root, "请补充样本。")
    w.cr_registered = file_work(a, title="矩阵作品（已登记）", uploaded=png())
    filings.take_into_examination(w.cr_registered, root)
    w.cr_registered = filings.approve(w.cr_registered, root)
    w.cr_correction.refresh_from_db()


def work_form(w, **extra):
    """A valid work form, as a person files it for themselves."""
    return {
        "on_behalf": "self",
        "district": w.district_haizhou.pk,
        "title": "矩阵新作品",
        "work_type": "fine_art",
        "authors": "张三",
        "owners": "张三",
        "completed_on": "2025-01-01",
        "declaration": "on",
        "file": png(),
        **extra,
    }


def contract_form(w):
    from .factories import pdf

    return {
        "on_behalf": "self",
        "district": w.district_haizhou.pk,
        "kind": "transfer",
        "work": w.cr_registered.pk,
        "assignor": "甲方",
        "assignee": "乙方",
        "rights": "复制权",
        "price": "1000",
        "declaration": "on",
        "file": pdf(),
    }
