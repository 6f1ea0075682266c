import pytest
from wagtail.models import Site

from cms.models import SiteFooterSettings
from cms.site_tree import ensure_home_page


@pytest.fixture
def home(db):
    """The site's home page, with the footer settings made (Wagtail creates them on their first read, which
    counts as a public change and would replace the page cache's generation in the middle of a test)."""
    page = ensure_home_page()
    SiteFooterSettings.for_site(Site.objects.get(is_default_site=True))
    return page
