"""Importing register records: preview a file, then write it in the background, all of it or nothing.

`preview_file` reads the whole file once, checks every row (`register.rows`) and keeps on the batch the
column mapping, the counts and the first rejected rows with their reasons; nothing is written to the
register. `start_import` moves a previewed batch to the queue once, however often it is asked.
`run_import` (the Celery task's body) reads the file again and writes every valid row inside one
transaction: an error part-way rolls everything back, and the batch says it failed. Progress goes to the
cache, because rows written inside the open transaction are invisible to the page that shows it.

A record is keyed by its number (application number, registration number): importing it again updates
the fields that differ, adds events it did not have, and leaves an identical record untouched (counted
as unchanged), so re-running a file changes nothing.
"""

import logging
from pathlib import Path

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.planner import refresh_planner_statistics

from .images import store, unpack
from .models import ImportBatch, ImportSource, LegalEvent, Patent, PatentParty, Trademark
from .reading import read_rows
from .rows import Districts, check_patent_row, check_trademark_row
from .signals import import_finished

logger = logging.getLogger(__name__)

REJECTIONS_KEPT = 500
PREVIEW_ROWS = 20
CHUNK = 500
PATENT_FIELDS = (
    "patent_type",
    "is_pct",
    "pct_application_number",
    "filing_date",
    "publication_number",
    "publication_date",
    "grant_number",
    "grant_date",
    "title",
    "abstract",
    "inventors",
    "ipc_main",
    "ipc_all",
    "agency_name",
    "agency_code",
    "agency_id",
    "agents",
    "priority",
    "legal_status_text",
    "district_id",
)
PARTY_FIELDS = ("name", "address", "district_id", "kind", "credit_code")
TRADEMARK_FIELDS = (
    "application_number",
    "nice_class",
    "goods_services",
    "name",
    "registrant_name",
    "registrant_address",
    "district_id",
    "application_date",
    "registration_date",
    "expiry_date",
    "status",
    "is_collective",
    "is_certification",
    "is_geographical_indication",
    "is_agricultural",
    "is_madrid",
    "madrid_number",
    "madrid_date",
    "status_since",
    "well_known",
    "well_known_year",
    "is_provincial_famous",
    "provincial_famous_year",
)


def _agencies():
    from services.models import Institution

    return dict(Institution.objects.public().exclude(licence_number="").values_list("licence_number", "pk"))


def checked_rows(batch_or_file, record_kind):
    """(mapping, unused headers, iterator of (row number, record or None, messages, number as written))."""
    sheet, images = unpack(batch_or_file)
    mapping, unused, rows = read_rows(sheet, record_kind)
    districts = Districts.load()
    agencies = _agencies() if record_kind == ImportBatch.RecordKind.PATENT else {}

    def checked():
        key = "application_number" if record_kind == ImportBatch.RecordKind.PATENT else "registration_number"
        seen = {}
        for number, raw in rows:
            if record_kind == ImportBatch.RecordKind.PATENT:
                record, messages = check_patent_row(raw, districts, agencies)
            else:
                record, messages = check_trademark_row(raw, districts, images)
            if record is not None:
                if record[key] in seen:
                    record, messages = (
                        None,
                        [
                            _("与第 %(row)s 行是同一件（%(number)s）。")
                            % {"row": seen[record[key]], "number": record[key]}
                        ],
                    )
                else:
                    seen[record[key]] = number
            yield number, record, messages, str(raw.get(key) or "")

    return mapping, unused, checked()


def preview_file(uploaded, *, record_kind, source_kind, user):
    """A batch holding the preview of `uploaded`; raises ValidationError if the file cannot be read at all."""
    mapping, unused, rows = checked_rows(uploaded, record_kind)
    total = valid = rejected = 0
    rejections, sample = [], []
    for number, record, messages, written in rows:
        total += 1
        if record is None:
            rejected += 1
            if len(rejections) < REJECTIONS_KEPT:
                rejections.append({"row": number, "number": written, "messages": messages})
        else:
            valid += 1
            if len(sample) < PREVIEW_ROWS:
                sample.append(_sample(record, record_kind))
    if total == 0:
        raise ValidationError(_("文件中没有数据行。"), code="empty")
    uploaded.seek(0)
    batch = ImportBatch(
        source=ImportSource.for_kind(source_kind),
        record_kind=record_kind,
        filename=Path(uploaded.name).name[:200],
        mapping={**mapping, "_sample": sample},
        unmapped=unused,
        total_rows=total,
        valid_rows=valid,
        rejected_rows=rejected,
        rejections=rejections,
        uploaded_by=user,
    )
    batch.file.save(Path(uploaded.name).name, uploaded, save=False)
    batch.save()
    return batch


def _sample(record, record_kind):
    if record_kind == ImportBatch.RecordKind.PATENT:
        return {
            "number": record["application_number"],
            "title": record["title"],
            "holder": "；".join(p["name"] for p in record["parties"]),
            "date": record["filing_date"].isoformat(),
        }
    return {
        "number": record["registration_number"],
        "title": record["name"],
        "holder": record["registrant_name"],
        "date": record["registration_date"].isoformat() if record["registration_date"] else "",
        "image": record["image"] is not None,
    }


def start_import(batch):
    """Queue a previewed batch for import, once: a second request (double click, two tabs) does nothing."""
    from .tasks import import_batch

    with transaction.atomic():
        locked = ImportBatch.objects.select_for_update().get(pk=batch.pk)
        if not locked.may_start:
            return False
        locked.status = ImportBatch.Status.QUEUED
        locked.save(update_fields=["status"])
        transaction.on_commit(lambda: import_batch.delay(locked.pk))
    return True


def discard(batch):
    with transaction.atomic():
        locked = ImportBatch.objects.select_for_update().get(pk=batch.pk)
        if locked.status != ImportBatch.Status.PREVIEW:
            return False
        locked.status = ImportBatch.Status.DISCARDED
        locked.save(update_fields=["status"])
        locked.file.delete(save=False)
    return True


def progress_key(batch_pk):
    return f"register:import:{batch_pk}:progress"


def progress(batch):
    """Rows processed so far (while running) or in all (once finished)."""
    if batch.status == ImportBatch.Status.DONE:
        return batch.total_rows
    return cache.get(progress_key(batch.pk), 0)


def run_import(batch_pk):
    """Write a queued batch's valid rows, all in one transaction; the batch records the outcome."""
    with transaction.atomic():
        batch = ImportBatch.objects.select_for_update().get(pk=batch_pk)
        if batch.status != ImportBatch.Status.QUEUED:
            return batch
        batch.status = ImportBatch.Status.RUNNING
        batch.started_at = timezone.now()
        batch.save(update_fields=["status", "started_at"])
    # Images are written to storage as rows are, outside the database transaction: those this run wrote
    # are removed if it fails, and those it replaced once it has succeeded.
    counts = {"created": 0, "updated": 0, "unchanged": 0, "files_written": [], "files_replaced": []}
    try:
        with transaction.atomic(), batch.file.open("rb") as stored:
            _mapping, _unused, rows = checked_rows(File(stored.file, name=batch.filename), batch.record_kind)
            write = _write_patents if batch.record_kind == ImportBatch.RecordKind.PATENT else _write_trademarks
            chunk, processed = [], 0
            for _number, record, _messages, _written in rows:
                processed += 1
                if record is not None:
                    chunk.append(record)
                if len(chunk) >= CHUNK:
                    write(chunk, batch, counts)
                    chunk = []
                    cache.set(progress_key(batch.pk), processed, 24 * 3600)
            if chunk:
                write(chunk, batch, counts)
    except Exception as error:
        logger.exception("Register import %s failed", batch.pk)
        for name in counts["files_written"]:
            default_storage.delete(name)
        ImportBatch.objects.filter(pk=batch.pk).update(
            status=ImportBatch.Status.FAILED, error=str(error)[:2000], finished_at=timezone.now()
        )
    else:
        ImportBatch.objects.filter(pk=batch.pk).update(
            status=ImportBatch.Status.DONE,
            created_count=counts["created"],
            updated_count=counts["updated"],
            unchanged_count=counts["unchanged"],
            finished_at=timezone.now(),
        )
        for name in counts["files_replaced"]:
            default_storage.delete(name)
        if batch.record_kind == ImportBatch.RecordKind.PATENT:
            refresh_planner_statistics(Patent, PatentParty, LegalEvent)
        else:
            refresh_planner_statistics(Trademark)
        # A lapse or transfer just imported may concern a posting: check them now, not tomorrow.
        from .organisations import match_organisations
        from .postings import check_postings

        match_organisations()
        check_postings()
    cache.delete(progress_key(batch.pk))
    batch.refresh_from_db()
    if batch.succeeded:
        import_finished.send(sender=ImportBatch, batch=batch)
    return batch


def _write_patents(records, batch, counts):
    today = timezone.localdate()
    existing = {
        patent.application_number: patent
        for patent in Patent.objects.filter(application_number__in=[r["application_number"] for r in records])
    }
    parties = {}
    events = {}
    if existing:
        for party in PatentParty.objects.filter(patent__in=existing.values()).order_by("patent", "position"):
            parties.setdefault(party.patent_id, []).append(party)
        for event in LegalEvent.objects.filter(patent__in=existing.values()):
            events.setdefault(event.patent_id, []).append(event)
    for record in records:
        patent = existing.get(record["application_number"])
        created = patent is None
        if created:
            patent = Patent(application_number=record["application_number"], source=batch.source)
        changed = created
        for name in PATENT_FIELDS:
            if getattr(patent, name) != record[name]:
                setattr(patent, name, record[name])
                changed = True
        known_events = {(e.kind, e.date) for e in events.get(patent.pk, [])}
        new_events = [e for e in record["events"] if (e[0], e[1]) not in known_events]
        all_events = [*known_events, *((kind, day) for kind, day, _d in new_events)]
        status_changed = patent.evaluate_status(today=today, events=all_events)
        old_parties = [tuple(getattr(p, f) for f in PARTY_FIELDS) for p in parties.get(patent.pk, [])]
        new_parties = [(p["name"], p["address"], p["district"], p["kind"], p["credit_code"]) for p in record["parties"]]
        parties_changed = old_parties != new_parties
        if not (changed or new_events or parties_changed or status_changed):
            counts["unchanged"] += 1
            continue
        patent.source, patent.batch = batch.source, batch
        patent.save()
        if parties_changed:
            PatentParty.objects.filter(patent=patent).delete()
            PatentParty.objects.bulk_create(
                PatentParty(
                    patent=patent,
                    position=position,
                    name=p["name"],
                    address=p["address"],
                    district_id=p["district"],
                    kind=p["kind"],
                    credit_code=p["credit_code"],
                )
                for position, p in enumerate(record["parties"])
            )
        LegalEvent.objects.bulk_create(
            LegalEvent(patent=patent, kind=kind, date=day, description=description, batch=batch)
            for kind, day, description in new_events
        )
        counts["created" if created else "updated"] += 1


def _write_trademarks(records, batch, counts):
    existing = {
        mark.registration_number: mark
        for mark in Trademark.objects.filter(registration_number__in=[r["registration_number"] for r in records])
    }
    today = timezone.localdate()
    for record in records:
        mark = existing.get(record["registration_number"])
        created = mark is None
        if created:
            mark = Trademark(registration_number=record["registration_number"], source=batch.source)
        before = tuple(getattr(mark, name) for name in TRADEMARK_FIELDS)
        for name in TRADEMARK_FIELDS:
            setattr(mark, name, record[name])
        mark.evaluate_status(today=today)
        # A sheet without an image says nothing about the image: the one imported before is kept.
        image = record["image"]
        new_image = image is not None and mark.image.name != image.stored_name(mark.registration_number)
        if not created and not new_image and before == tuple(getattr(mark, name) for name in TRADEMARK_FIELDS):
            counts["unchanged"] += 1
            continue
        if new_image:
            if mark.image.name:
                counts["files_replaced"].append(mark.image.name)
            mark.image.name, written = store(image, mark.registration_number)
            if written:
                counts["files_written"].append(mark.image.name)
        mark.source, mark.batch = batch.source, batch
        mark.save()
        counts["created" if created else "updated"] += 1
