"""Service institutions and their offerings in cross-search.

Only approved, active institutions (`Institution.objects.public()`) and the published offerings of such
institutions (`Offering.objects.public()`) are indexed. Only what the public directory shows goes in:
never the contact person, phone or e-mail (of the institution or of its organisation), never the
qualification documents, never the review remarks. An institution's document carries the titles of its
published offerings as terms, so the directory's keyword finds an institution by what it offers.

The directory filters and orders through the search (see services.forms.DirectoryFilterForm): the
institution type declares the directory's filters (type, service categories, district, credit grade,
licence verified) where it is registered, and an institution carries its rating as `rank` (see
`rating_rank`). The rating is
the one scorecard figure indexed: `services.scorecard.refresh_rating` changes it with `update()`, which
sends no signal, so it queues the institution itself. The other figures (reply time, completed orders)
are not indexed; the cards read them from the database.

Offering prices are stored in fen and indexed in yuan (the unit of search.query.PRICE_RANGES); a
negotiable price has none. The offerings list filters by the `category` facet (the category's name)
so that its sidebar can count every category under the other filters.

Dependencies: an institution's status or details change its offerings' documents (suspended, paused
or un-approved, both leave the index); an offering's title, status or deletion changes its
institution's terms; an organisation's name is the institution's title and appears in its offerings; a
renamed service category or district changes both. Service categories are a many-to-many field,
whose changes send `m2m_changed` rather than `post_save`, so that signal is connected here as well.
"""

from django.db.models import Prefetch
from django.db.models.signals import m2m_changed
from django.utils.translation import gettext_noop

from search import registry
from search.documents import SearchDoc
from search.outbox import enqueue
from search.registry import Filter

from .models import Institution, Offering, ServiceCategory

FEN_PER_YUAN = 100
# An institution's rank is its average rating plus its number of ratings in ten-millionths, which stay
# below the rating's 0.01 step: 4.80 from 12 reviews ranks 4.8000012, above 4.80 from 5 reviews and below
# 4.81. So the rank order is "average, then count, both best first" (then the name, the search's own
# tie-break), and `min_rank=4` keeps exactly the averages of 4.00 and above. Counts past the cap tie.
RANK_COUNT_CAP = 99_999
RANK_COUNT_UNIT = 10_000_000


def _yuan(fen):
    return None if fen is None else fen / FEN_PER_YUAN


def rating_rank(average, count):
    """The directory's "best rated first" order as one number (None for an institution not rated)."""
    if average is None:
        return None
    return float(average) + min(count, RANK_COUNT_CAP) / RANK_COUNT_UNIT


def _published_offering_titles(institution):
    offerings = getattr(institution, "published_offerings", None)
    if offerings is None:
        offerings = institution.offerings.filter(status=Offering.Status.PUBLISHED)
    return [offering.title for offering in offerings]


def institution_document(institution):
    categories = [category.name for category in institution.categories.all()]
    type_label = institution.get_institution_type_display()
    facts = [(gettext_noop("机构类型"), type_label), (gettext_noop("服务类别"), "、".join(categories))]
    if institution.is_licence_verified:
        facts.append((gettext_noop("专利代理机构代码"), institution.licence_number))
    if institution.credit_grade:
        year = f"（{institution.credit_grade_year}年度）" if institution.credit_grade_year else ""
        facts.append((gettext_noop("信用等级"), f"{institution.credit_grade}{year}"))
    body = " ".join(
        filter(
            None,
            [
                institution.description,
                type_label,
                " ".join(categories),
                institution.district.name,
                institution.address,
                *(f"{label} {value}" for label, value in facts[2:]),
            ],
        )
    )
    return SearchDoc(
        type="institution",
        id=institution.pk,
        url=institution.get_absolute_url(),
        title=institution.organisation.name,
        body=body,
        category=type_label,
        district=institution.district.name,
        status=institution.get_status_display(),
        date=institution.approved_at,
        facts=facts,
        terms=[
            *categories,
            institution.licence_number if institution.is_licence_verified else "",
            *_published_offering_titles(institution),
        ],
        rank=rating_rank(institution.rating_average, institution.rating_count),
    )


def offering_document(offering):
    institution = offering.institution
    price = None if offering.is_negotiable else _yuan(offering.price)
    facts = [
        (gettext_noop("服务机构"), institution.organisation.name),
        (gettext_noop("计价方式"), offering.get_price_type_display()),
    ]
    if offering.delivery_days:
        facts.append((gettext_noop("预计完成时间"), f"{offering.delivery_days}个工作日"))
    body = " ".join(
        [
            offering.description,
            offering.category.name,
            institution.organisation.name,
            institution.get_institution_type_display(),
        ]
    )
    return SearchDoc(
        type="offering",
        id=offering.pk,
        url=offering.get_absolute_url(),
        title=offering.title,
        body=body,
        category=offering.category.name,
        district=institution.district.name,
        status=offering.get_status_display(),
        date=offering.created_at,
        price_min=price,
        price_max=price,
        facts=facts,
    )


def _institutions_of_organisation(organisation):
    return Institution.objects.filter(organisation_id=organisation.pk).values_list("pk", flat=True)


registry.register(
    registry.SearchType(
        name="institution",
        model=Institution,
        public_queryset=lambda: (
            Institution.objects.public()
            .select_related("organisation", "district")
            .prefetch_related(
                "categories",
                Prefetch(
                    "offerings",
                    queryset=Offering.objects.filter(status=Offering.Status.PUBLISHED).only("institution", "title"),
                    to_attr="published_offerings",
                ),
            )
        ),
        to_document=institution_document,
        hit_actions="services/includes/search_hit_actions.html",
        filters=(
            Filter("type", lambda institution: institution.institution_type),
            Filter("category", lambda institution: institution.categories.all()),
            Filter("district", lambda institution: institution.district),
            Filter("grade", lambda institution: institution.credit_grade),
            Filter("verified", lambda institution: institution.is_licence_verified),
            Filter("centre", lambda institution: institution.in_service_centre),
        ),
        depends_on={
            "accounts.Organisation": _institutions_of_organisation,
            ServiceCategory: lambda category: category.institutions.values_list("pk", flat=True),
            "reference.District": lambda district: Institution.objects.filter(district_id=district.pk).values_list(
                "pk", flat=True
            ),
            Offering: lambda offering: [offering.institution_id],
        },
    )
)

registry.register(
    registry.SearchType(
        name="offering",
        model=Offering,
        public_queryset=lambda: Offering.objects.public().select_related(
            "category", "institution__organisation", "institution__district"
        ),
        to_document=offering_document,
        depends_on={
            Institution: lambda institution: institution.offerings.values_list("pk", flat=True),
            "accounts.Organisation": lambda organisation: Offering.objects.filter(
                institution__organisation_id=organisation.pk
            ).values_list("pk", flat=True),
            ServiceCategory: lambda category: category.offerings.values_list("pk", flat=True),
            "reference.District": lambda district: Offering.objects.filter(
                institution__district_id=district.pk
            ).values_list("pk", flat=True),
        },
    )
)


def _categories_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """institution.categories.set/add/remove/clear, or category.institutions.… from the other side."""
    if not reverse:
        if action in ("post_add", "post_remove", "post_clear"):
            enqueue("institution", [instance.pk])
    elif action in ("post_add", "post_remove") and pk_set:
        enqueue("institution", sorted(pk_set))
    elif action == "pre_clear":
        enqueue("institution", list(instance.institutions.values_list("pk", flat=True)))


m2m_changed.connect(
    _categories_changed, sender=Institution.categories.through, dispatch_uid="search_institution_categories"
)
