"""What a person does with their saved searches: save one from a list page, pause, resume, edit, delete."""

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from .models import SavedSearch, Subscriber
from .sources import SOURCES, clean_querystring, search_query


class SaveError(Exception):
    pass


def save_search(user, name, source, querystring, frequency, page_id=None, language=None):
    """Saves a search for `user` (the name made unique among theirs); raises SaveError when the list's
    filters make no search."""
    source_def = SOURCES[source]
    page = None
    if source_def.page_model:
        app_label, model = source_def.page_model.split(".")
        page = (
            Page.objects.live()
            .filter(pk=page_id, content_type__app_label=app_label, content_type__model=model.lower())
            .first()
        )
        if page is None:
            raise SaveError(_("找不到要订阅的栏目。"))
        page = page.specific
    querystring = clean_querystring(querystring)
    if search_query(source, querystring, page) is None:
        raise SaveError(_("检索条件无效，未能保存。"))
    subscriber, _created = Subscriber.objects.get_or_create(user=user)
    if language and subscriber.language != language:
        subscriber.language = language
        subscriber.save(update_fields=["language"])
    existing = SavedSearch.objects.filter(owner=user, source=source, page=page, querystring=querystring).first()
    if existing:
        return existing
    taken = set(SavedSearch.objects.filter(owner=user, name__startswith=name[:70]).values_list("name", flat=True))
    unique, number = name[:80], 2
    while unique in taken:
        unique = f"{name[:70]} ({number})"
        number += 1
    return SavedSearch.objects.create(
        owner=user,
        name=unique,
        source=source,
        page=page,
        querystring=querystring,
        frequency=frequency,
        created_at=timezone.now(),
    )


def set_paused(saved_search, paused):
    """Pauses or resumes; returns False when it already was so (a repeated click changes nothing)."""
    return bool(SavedSearch.objects.filter(pk=saved_search.pk, paused=not paused).update(paused=paused))


def new_since_last_visit(user):
    """(number of items found for the person since their last visit, then marks this visit)."""
    from .models import Match

    subscriber, _created = Subscriber.objects.get_or_create(user=user)
    matches = Match.objects.filter(saved_search__owner=user)
    if subscriber.seen_at:
        matches = matches.filter(matched_at__gt=subscriber.seen_at)
    count = matches.values("doc_type", "object_id").distinct().count()
    Subscriber.objects.filter(pk=subscriber.pk).update(seen_at=timezone.now())
    return subscriber, count
