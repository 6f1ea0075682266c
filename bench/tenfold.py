"""Ten times the demo data, for `bench/pages.py`'s second table: the public records the measured pages show,
copied until there are TIMES as many of each.

Runs on the database the environment names, after `manage.py load_demo` (once: it refuses a database it has
already multiplied). Copies each public institution with its organisation, categories and offerings, each
published posting, and each policy and news page (Wagtail's own page copy, published); adds users to the
same count. Then run `manage.py search_reindex` and `BENCH_PAGES_SECTION="Pages, ten times the demo data"
python -m bench.pages`.

These are benchmark data, not a demo: the copies are made as rows (the demo's stories are played once), so
that the lists, counts and search index hold ten times as much.

    python -m bench.tenfold            # BENCH_TIMES (default 10)
"""

import os
import sys

TIMES = int(os.environ.get("BENCH_TIMES", 10))
MARK = "（副本"


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    import django

    django.setup()


def copy_institutions(times):
    from accounts.models import Organisation
    from services.models import Institution, Offering
    from tests.factories import make_credit_code

    serial = 900_000
    originals = list(Institution.objects.public().select_related("organisation").prefetch_related("categories"))
    for copy_number in range(1, times):
        for institution in originals:
            serial += 1
            organisation = Organisation.objects.get(pk=institution.organisation_id)
            organisation.pk = None
            organisation.name = f"{institution.organisation.name}{MARK}{copy_number}）"[:100]
            organisation.credit_code = make_credit_code(serial)
            organisation.save()
            categories = list(institution.categories.all())
            offerings = list(Offering.objects.filter(institution=institution))
            copy = Institution.objects.get(pk=institution.pk)
            copy.pk = None
            copy.organisation = organisation
            copy.save()
            copy.categories.set(categories)
            for offering in offerings:
                offering.pk = None
                offering.institution = copy
                offering.save()
    return len(originals)


def copy_postings(times):
    from listings.models import Listing

    originals = list(Listing.objects.public())
    for copy_number in range(1, times):
        for listing in originals:
            copy = Listing.objects.get(pk=listing.pk)
            copy.pk = None
            copy.title = f"{listing.title}{MARK}{copy_number}）"[:100]
            copy.save()
    return len(originals)


def copy_pages(model, times):
    originals = list(model.objects.live().specific())
    for copy_number in range(1, times):
        for page in originals:
            page.copy(
                to=page.get_parent(),
                update_attrs={"title": f"{page.title}{MARK}{copy_number}）", "slug": f"{page.slug}-copy-{copy_number}"},
                keep_live=True,
                log_action=None,
            )
    return len(originals)


def add_users(times):
    from accounts.models import User

    existing = User.objects.count()
    User.objects.bulk_create(
        User(email=f"bench-user-{n}@bench.invalid", name=f"测试用户{n}") for n in range((times - 1) * existing)
    )
    return existing


def main():
    setup_django()
    from django.db import transaction

    from cms.models import NewsPage, PolicyPage
    from core.pagecache import invalidate
    from listings.models import Listing

    if Listing.objects.filter(title__contains=MARK).exists():
        sys.exit("this database holds copies already: run bench.tenfold once, on a database fresh from load_demo")
    with transaction.atomic():
        counts = {
            "institutions": copy_institutions(TIMES),
            "postings": copy_postings(TIMES),
            "policy pages": copy_pages(PolicyPage, TIMES),
            "news pages": copy_pages(NewsPage, TIMES),
            "users": add_users(TIMES),
        }
    invalidate()
    for name, count in counts.items():
        print(f"{name}: {count} → {count * TIMES}")
    print("Now: manage.py search_reindex, then bench.pages with BENCH_PAGES_SECTION set.")


if __name__ == "__main__":
    main()
