"""Compacting the catalogues changes no translation, and leaves one dictionary to search."""

import pytest
from django.utils.translation import trans_real

from core.translations import compact


def every_key(translation):
    keys = set(translation._catalog.keys())
    fallback = translation._fallback
    while fallback is not None:
        keys |= set(getattr(fallback, "_catalog", {}) or {})
        fallback = fallback._fallback
    return keys


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_compacted_catalogues_translate_every_string_as_before(language):
    before = trans_real.DjangoTranslation(language)
    after = trans_real.DjangoTranslation(language)
    keys = every_key(before)
    assert compact(after)

    singular = sorted({key for key in keys if isinstance(key, str)})
    plural = sorted({key[0] for key in keys if isinstance(key, tuple)})
    assert singular and plural
    # Strings no catalogue holds (the Chinese source strings, in Chinese) come back as they are.
    singular += ["没有译文的句子", "A sentence nobody translated"]
    assert [after.gettext(s) for s in singular] == [before.gettext(s) for s in singular]
    for n in (0, 1, 2, 5):
        assert [after.ngettext(s, s + "s", n) for s in plural] == [before.ngettext(s, s + "s", n) for s in plural]
    assert after.pgettext("month name", "May") == before.pgettext("month name", "May")


def test_a_chinese_miss_searches_one_dictionary():
    translation = trans_real.DjangoTranslation("zh-hans")
    assert len(translation._catalog._catalogs) > 1 and translation._fallback is not None
    compact(translation)
    assert len(translation._catalog._catalogs) == 1
    assert translation._fallback is None


def test_the_site_serves_compacted_catalogues(client):
    client.get("/healthz")
    for language in ("zh-hans", "en"):
        assert getattr(trans_real.translation(language), "_ipp_compacted", False)
