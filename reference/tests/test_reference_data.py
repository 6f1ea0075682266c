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


def test_reference_rows_are_named_in_english_for_english_readers_and_in_chinese_otherwise():
    from django.utils import translation

    from listings.models import Industry
    from services.models import ServiceCategory

    haizhou = District.objects.get(code="haizhou")
    customs = ResponsibleUnit.objects.get(code="haiguan")
    trademark = ServiceCategory.objects.get(code="trademark")
    medicine = Industry.objects.get(code="medicine")
    with translation.override("en"):
        assert [str(haizhou), str(customs), str(trademark), str(medicine)] == [
            "Haizhou District",
            "Lianyungang Customs",
            "Trademark registration and agency",
            "New medicine",
        ]
    with translation.override("zh-hans"):
        assert [str(haizhou), str(customs), str(trademark), str(medicine)] == [
            "海州区",
            "连云港海关",
            "商标注册与代理",
            "新医药",
        ]


def test_a_row_staff_added_without_an_english_name_shows_its_chinese_name_in_english():
    from django.utils import translation

    district = District.objects.create(code="new-zone", name="新设功能区", kind="zone")
    with translation.override("en"):
        assert str(district) == "新设功能区"
        assert district.display_language == "zh"


def test_the_directory_in_english_filters_by_english_district_names(client):
    client.cookies["ipp_language"] = "en"
    html = client.get("/institutions/").content.decode()
    assert "Donghai County" in html
    assert "东海县" not in html
