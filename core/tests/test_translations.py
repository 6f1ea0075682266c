"""Compacting the catalogues changes no translation, and leaves one dictionary to search."""

import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
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


def test_every_string_the_code_marks_for_translation_has_its_english(settings, tmp_path, monkeypatch):
    """`make messages` run on a copy of the catalogue finds nothing untranslated or fuzzy: a string the code marks
    that locale/en lacks shows in Chinese on an English page (a rate's label, a saved-search hint and an import
    button did until this test)."""
    # makemessages writes to the catalogue beside the code it reads: the code is linked into a folder of its
    # own with a copy of the catalogue, so the real one is left as it is.
    base = Path(settings.BASE_DIR)
    for entry in base.iterdir():
        if entry.name not in ("locale", "var", "node_modules", ".venv", ".git"):
            (tmp_path / entry.name).symlink_to(entry)
    shutil.copytree(base / "locale", tmp_path / "locale")
    monkeypatch.chdir(tmp_path)
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    call_command("makemessages", locale=["en"], symlinks=True, ignore_patterns=MESSAGES_IGNORE, verbosity=0)
    catalogue = str(tmp_path / "locale" / "en" / "LC_MESSAGES" / "django.po")
    missing, fuzzy = (
        subprocess.run(["msgattrib", which, "--no-obsolete", catalogue], capture_output=True, text=True, check=True)
        for which in ("--untranslated", "--only-fuzzy")
    )
    assert (_entries(missing.stdout), _entries(fuzzy.stdout)) == ([], [])


# As the Makefile's `messages` target ignores them.
MESSAGES_IGNORE = ["tests", "bench"]


def _entries(listing):
    """The entries msgattrib lists, but the catalogue's header (untranslated and fuzzy itself)."""
    return [entry for entry in listing.strip().split("\n\n") if entry and 'msgid ""\nmsgstr ""\n"Project' not in entry]
