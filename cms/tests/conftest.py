import io

import pytest

from cms import demo


@pytest.fixture
def home(db):
    """The site's home page, as `load_demo` creates it (without the sections)."""
    return demo._home_page()


@pytest.fixture
def agencies(db):
    return demo._agencies()


@pytest.fixture
def cms_demo(db):
    """The cms app's demo content: site tree, policy library with the seed document, news, patent information."""
    demo.load(io.StringIO())
    return demo
