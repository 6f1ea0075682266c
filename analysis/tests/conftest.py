import pytest

from analysis.models import Watch
from cms.models import PatentInfoIndexPage
from cms.site_tree import ensure_home_page
from tests.factories import UserFactory


@pytest.fixture
def embedded_index(settings, db):
    """The embedded search backend as primary (the figures' parity with Elasticsearch is test_figures')."""
    from django.core.signals import request_started

    from search.outbox import process_pending

    settings.ELASTICSEARCH_URL = ""
    request_started.connect(lambda **kwargs: process_pending(), dispatch_uid="analysis_tests_index", weak=False)
    yield
    request_started.disconnect(dispatch_uid="analysis_tests_index")


@pytest.fixture
def patent_index(db):
    home = ensure_home_page()
    page = PatentInfoIndexPage(title="专利信息", slug="patent-info")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def analyst(db):
    from django.contrib.auth.models import Group

    from accounts.roles import PATENT_ANALYSTS

    user = UserFactory(email="analyst@example.com", is_staff=True)
    user.groups.add(Group.objects.get(name=PATENT_ANALYSTS))
    return user


@pytest.fixture
def make_watch(analyst):
    def make(**fields):
        values = {"name": "高纯石英", "ipc_classes": ["C03B"], "created_by": analyst, **fields}
        return Watch.objects.create(**values)

    return make
