"""The saved searches' stories: three demo people keep watch over what is new to them.

- The demo enterprise (恒瑞新材料) fills in its enterprise profile (new materials, IPC class C08J, the
  development zone, transaction postings) and accepts the proposed daily watch on transaction postings in
  its IPC class.
- 康泰医药 saves a search of the policy library for 专利资助 (patent funding) from the library's page.
- 晶华硅材料 names a competitor in its profile and accepts the proposed watch on the competitor's new patents
  in the register.

Every step calls what the person's click calls: the profile form (`ProfileForm`), `profiles.accept` and
`searches.save_search`, a month ago (`core.scenarios`). Idempotent: a person's story is played only while
they have no saved search yet.
"""

from dataclasses import dataclass

from accounts.demo import ENTERPRISE_EMAIL
from accounts.models import User
from core.scenarios import at, day
from listings.models import Industry
from reference.models import District

from . import profiles
from .forms import ProfileForm
from .models import SavedSearch, Subscriber
from .searches import save_search
from .sources import SOURCES

# The people come from the accounts and listings demos, the policy library from the cms demo; the
# competitor's patents from the register demo.
REQUIRES = ("accounts", "cms", "listings", "register")

PHARMA_EMAIL = "pharma@demo.ip.lyg"
QUARTZ_EMAIL = "quartz@demo.ip.lyg"
COMPETITOR = "连云港东海晶石英有限公司"


@dataclass(frozen=True)
class Watch:
    """A person's profile (form fields) and the proposal they accept: its list and the start of its query."""

    email: str
    profile: dict
    accepts: tuple
    frequency: str = SavedSearch.Frequency.WEEKLY


WATCHES = [
    Watch(
        ENTERPRISE_EMAIL,
        {"industries": ["materials"], "ipc_classes": "C08J", "districts": ["kaifaqu"], "kinds": ["transactions"]},
        accepts=("transactions", "q=C08J"),
        frequency=SavedSearch.Frequency.DAILY,
    ),
    Watch(QUARTZ_EMAIL, {"competitors": COMPETITOR, "kinds": ["competitors"]}, accepts=("register", "kind=patent")),
]


def load(stdout):
    with at(day(-30)):
        for watch in WATCHES:
            _watch(watch, stdout)
        _policy_search(stdout)
    return []


def _untouched(email):
    """The demo person, unless they have saved searches already (the story was played, or they made their own)."""
    user = User.objects.filter(email=email).first()
    if user is None or SavedSearch.objects.filter(owner=user).exists():
        return None
    return user


def _watch(watch, stdout):
    user = _untouched(watch.email)
    if user is None:
        return
    subscriber = Subscriber.objects.filter(user=user).first() or Subscriber(user=user)
    data = {
        "language": subscriber.language,
        "industries": [i.pk for i in Industry.objects.filter(code__in=watch.profile.get("industries", []))],
        "districts": [d.pk for d in District.objects.filter(code__in=watch.profile.get("districts", []))],
        "ipc_classes": watch.profile.get("ipc_classes", ""),
        "competitors": watch.profile.get("competitors", ""),
        "kinds": watch.profile["kinds"],
    }
    form = ProfileForm(data, instance=subscriber)
    if not form.is_valid():
        raise ValueError(f"demo profile of {watch.email}: {form.errors.as_text()}")
    subscriber = form.save()
    for suggestion in profiles.suggestions(subscriber):
        source, query = watch.accepts
        if suggestion.source == source and suggestion.querystring.startswith(query):
            saved = profiles.accept(subscriber, suggestion.key, frequency=watch.frequency)
            stdout.write(f"Demo saved search of {watch.email}: {saved.name}")


def _policy_search(stdout):
    from cms.models import PolicyIndexPage

    user = _untouched(PHARMA_EMAIL)
    library = PolicyIndexPage.objects.live().first()
    if user is None or library is None:
        return
    saved = save_search(
        user,
        name="专利资助政策",
        source=SOURCES["policies"].key,
        querystring="q=专利资助",
        frequency=SavedSearch.Frequency.WEEKLY,
        page_id=library.pk,
    )
    stdout.write(f"Demo saved search of {PHARMA_EMAIL}: {saved.name}")
