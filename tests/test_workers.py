"""Two Celery worker processes over the same PostgreSQL and Redis: a register import delivered twice is
written once and reports its progress to whoever asks, and the search outbox applied by both at once ends
with every row applied and every document indexed once."""

import os
import uuid
from datetime import date
from types import SimpleNamespace

import pytest
from django.db.models import Count

from register import imports
from register.models import ImportBatch, Patent
from register.tests.factories import make_patent
from register.tests.files import PHARMA, QUARTZ, csv_file
from search.models import OutboxEntry, SearchEntry
from search.outbox import pending
from tests.factories import UserFactory
from tests.processes import Process, database_url_for_processes, needs_postgresql, separate_redis_url, wait_until

pytestmark = [pytest.mark.redis, needs_postgresql, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="module")
def workers(django_db_setup, tmp_path_factory):
    """Two worker processes (one task at a time each) reading a queue of this module's own."""
    from config.celery import app

    queue = f"test-workers-{uuid.uuid4().hex[:10]}"
    folder = tmp_path_factory.mktemp("workers")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": database_url_for_processes(),
        "REDIS_URL": separate_redis_url(),
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "CELERY_QUEUE": queue,
        "ELASTICSEARCH_URL": "",
        "DJANGO_PRIVATE_MEDIA_ROOT": str(folder / "private"),
        "DJANGO_MEDIA_ROOT": str(folder / "media"),
    }
    names = [f"{name}-{queue}@localhost" for name in ("one", "two")]
    processes = [
        Process(
            ["celery", "-A", "config", "worker", "-Q", queue, "-n", name, "--concurrency", "1", "-l", "info"],
            env,
            folder / f"{name.split('-')[0]}.log",
        )
        for name in names
    ]
    saved = app.conf.task_always_eager, app.conf.task_default_queue, app.conf.broker_url
    # This process sends tasks to them (on their Redis database) instead of running them inline.
    app.conf.task_always_eager, app.conf.task_default_queue, app.conf.broker_url = False, queue, env["REDIS_URL"]
    try:

        def both_answer():
            for process in processes:
                process.running()
            return len(app.control.ping(destination=names, timeout=1.0)) == len(names)

        wait_until(both_answer, 120, "both workers answering")
        yield SimpleNamespace(processes=processes, private=folder / "private")
    finally:
        app.conf.task_always_eager, app.conf.task_default_queue, app.conf.broker_url = saved
        for process in processes:
            process.stop()


def succeeded(process):
    return process.output().count(" succeeded in ")


def test_an_import_delivered_twice_is_written_once_and_indexed_through_the_outbox(workers, settings):
    from register.tasks import import_batch

    settings.STORAGES = {
        **settings.STORAGES,
        "private": {**settings.STORAGES["private"], "OPTIONS": {"location": workers.private, "base_url": None}},
    }
    batch = imports.preview_file(
        csv_file([QUARTZ, PHARMA]), record_kind="patent", source_kind="cnipa", user=UserFactory()
    )
    assert imports.start_import(batch)  # queued after its commit
    import_batch.delay(batch.pk)  # and delivered again, as after a worker lost its connection

    wait_until(lambda: ImportBatch.objects.get(pk=batch.pk).status == ImportBatch.Status.DONE, 120, "import done")
    batch.refresh_from_db()
    assert (batch.created_count, Patent.objects.count()) == (2, 2)
    assert imports.progress(batch) == 2  # asked here, in neither worker
    wait_until(lambda: not pending().exists(), 120, "outbox applied")
    assert SearchEntry.objects.filter(doc_type="patent").count() == 2


def test_two_workers_apply_the_outbox_together_each_row_once(workers):
    from search.tasks import process_search_outbox

    before = [succeeded(process) for process in workers.processes]
    patents = [make_patent(date(2015, 3, 1)).pk, make_patent(date(2016, 5, 9)).pk]
    wait_until(lambda: not pending().exists(), 120, "the patents' own outbox rows applied")
    # Many updates of the same documents, processed in batches by several tasks at once.
    OutboxEntry.objects.bulk_create(OutboxEntry(doc_type="patent", object_id=str(pk)) for pk in patents * 300)
    for _ in range(8):
        process_search_outbox.apply_async(kwargs={})
    wait_until(lambda: not pending().exists(), 180, "outbox applied")
    assert not OutboxEntry.objects.filter(attempts__gt=0).exists()
    indexed = SearchEntry.objects.filter(doc_type="patent").values("object_id").annotate(n=Count("id"))
    assert sorted((row["object_id"], row["n"]) for row in indexed) == sorted((str(pk), 1) for pk in patents)
    # Both workers took tasks.
    assert all(succeeded(process) > count for process, count in zip(workers.processes, before, strict=True))
