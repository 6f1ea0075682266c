import pytest

from reference.models import District, ResponsibleUnit

pytestmark = pytest.mark.django_db


def test_every_district_of_the_city_is_there():
    names = set(District.objects.values_list("name", flat=True))
    assert {"海州区", "连云区", "赣榆区", "东海县", "灌云县", "灌南县", "徐圩新区", "高新区", "云台山景区"} <= names


def test_responsible_units_named_in_the_plan_are_there():
    names = set(ResponsibleUnit.objects.values_list("name", flat=True))
    for unit in [
        "市科技局",
        "连云港工商局",
        "各县区政府",
        "市文广新局",
        "市金融办",
        "连云港海关",
        "市中级法院",
        "市委组织部",
    ]:
        assert unit in names
