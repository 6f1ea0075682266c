"""The knowledge pages in English: the interface is English, what editors wrote is marked as Chinese."""

import re

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def english(client):
    client.cookies["ipp_language"] = "en"
    return client


def test_section_index_is_called_by_its_english_name_and_its_documents_are_marked_chinese(english, make_policy):
    policy = make_policy(title="连云港市专利资助办法")
    html = english.get(policy.get_parent().url).content.decode()
    assert re.search(r"<h1>\s*Policies\s*</h1>", html)
    assert re.search(r"<title>\s*Policies - ", html)


def test_document_breadcrumb_names_the_section_in_english_and_the_document_as_written(english, make_policy):
    policy = make_policy(title="连云港市专利资助办法")
    crumbs = english.get(policy.url).content.decode().split('class="breadcrumb"')[1].split("</ol>")[0]
    assert ">Home<" in crumbs
    assert ">Policies<" in crumbs
    assert 'lang="zh">连云港市专利资助办法<' in crumbs


def test_section_index_keeps_its_editors_title_in_chinese(client, make_policy):
    policy = make_policy()
    html = client.get(policy.get_parent().url).content.decode()
    assert re.search(r"<h1>[^<]+</h1>", html)
