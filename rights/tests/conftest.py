import pytest

from reference.models import ResponsibleUnit

from .factories import HandlerFactory, make_rights_admin


@pytest.fixture
def unit():
    """Look up a responsible unit by code: unit("gongshangju")."""
    return lambda code: ResponsibleUnit.objects.get(code=code)


@pytest.fixture
def trademark_handler(db):
    return HandlerFactory(unit=ResponsibleUnit.objects.get(code="gongshangju")).user


@pytest.fixture
def patent_handler(db):
    return HandlerFactory(unit=ResponsibleUnit.objects.get(code="kejiju")).user


@pytest.fixture
def rights_admin(db):
    return make_rights_admin()
