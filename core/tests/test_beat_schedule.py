import pytest
from django.conf import settings

from config import celery_app


def test_every_periodic_task_names_a_registered_task():
    celery_app.loader.import_default_modules()
    missing = [
        entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values() if entry["task"] not in celery_app.tasks
    ]
    assert missing == []


@pytest.mark.django_db
def test_scheduled_publishing_task_runs():
    from core.tasks import publish_scheduled_pages

    publish_scheduled_pages.delay().get()
