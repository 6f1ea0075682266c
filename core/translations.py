"""Each language's translation catalogues made into one dictionary, so that a string without a translation
costs one look-up instead of dozens.

Chinese is the source language: in Chinese, nearly every string a page asks for has no translation, and
Django looks for it in every catalogue before giving it back as it is. Django 5.2 keeps each app's catalogue
apart (`TranslationCatalog.update` means to merge catalogues with the same plural rule, but compares a code
object with a function, so it never does: 23 dictionaries in each language), and Python's gettext
chains the `zh` catalogues Wagtail ships after its `zh_Hans` ones (12 fallbacks, each asked in turn). A
miss walked all of them, twice (the string, then its singular form): about a seventh of a signed-in page's
time.

`compact()` merges them once into a single dictionary, in Django's order of precedence (LOCALE_PATHS, then
the apps in INSTALLED_APPS order, then Django's own; a fallback only where none of those has the string),
so every string translates exactly as before. Neighbouring catalogues are merged only when their plural rules
compile to the same code (all of Chinese's do: one dictionary; English keeps six).
"""

import gettext

from django.conf import settings
from django.utils.translation import trans_real


def _plural_code(translation):
    return translation.plural.__code__


def _fallback_chain(translation):
    """The plain gettext catalogues chained behind `translation`, or None when the chain holds anything else."""
    chain = []
    fallback = translation._fallback
    while fallback is not None:
        if type(fallback) is not gettext.GNUTranslations or not isinstance(fallback._catalog, dict):
            return None
        chain.append(fallback)
        fallback = fallback._fallback
    return chain


def compact(translation):
    """Merge `translation`'s catalogues (and its fallbacks) into as few dictionaries as their plural rules allow:
    neighbours in the order of precedence with the same rule become one. True when it did."""
    if getattr(translation, "_ipp_compacted", False):
        return True
    catalog = translation._catalog
    catalogs, plurals = getattr(catalog, "_catalogs", None), getattr(catalog, "_plurals", None)
    if not catalogs or not plurals:
        return False
    groups = []  # [merged dictionary, plural], highest precedence first
    for one, plural in zip(catalogs, plurals, strict=True):
        if groups and groups[-1][1].__code__ == plural.__code__:
            # `one` comes after the group's catalogues: what they hold wins.
            groups[-1][0].update((key, value) for key, value in one.items() if key not in groups[-1][0])
        else:
            groups.append([dict(one), plural])
    chain = _fallback_chain(translation)
    last = groups[-1]
    if chain is not None and all(_plural_code(fallback) == last[1].__code__ for fallback in chain):
        singular = translation.plural(1)
        for fallback in chain:
            for key, value in fallback._catalog.items():
                # gettext asks every catalogue for the string, then for its singular form, and only then a
                # fallback: a fallback's string never hides what a catalogue holds under either key.
                if any(key in group or (isinstance(key, str) and (key, singular) in group) for group, _ in groups):
                    continue
                last[0][key] = value
        translation._fallback = None
    compacted = trans_real.TranslationCatalog()
    compacted._catalogs = [group for group, _plural in groups]
    compacted._plurals = [plural for _group, plural in groups]
    translation._catalog = compacted
    translation._ipp_compacted = True
    return True


def compact_languages():
    """Compact the catalogues of every language the site serves (loading them now if need be)."""
    for code, _name in settings.LANGUAGES:
        compact(trans_real.translation(code))
