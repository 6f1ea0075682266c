"""Training courses in cross-search: live, public, not cancelled course pages.

Course pages get a type of their own ("course"), so cms's catch-all "page" type leaves them alone. The
text is the page's own `search_fields` (summary, body, venue, organiser); never the online classroom link
(shown to enrolled participants only) nor the enquiry contact. The fee is stored in fen and indexed in
yuan (a free course costs 0). The district is the one named in the venue, when it names one.

The course list (`training.forms.CourseFilterForm`) filters by the course type's filters, declared where
it is registered: `parent` (the course index page), `type`, `mode` (online or venue) and `fee` (free or
paid); the document date is the start day. A cancelled course is not indexed, so it is in none of the
course list's tabs.
"""

from django.utils.translation import gettext_noop

from cms.documents import below_restriction, page_body, parent_filter
from reference.models import District
from search import registry
from search.documents import SearchDoc
from search.registry import Filter

from .models import CoursePage

FEN_PER_YUAN = 100


def _district(course):
    if course.is_online or not course.venue:
        return ""
    for name in District.objects.order_by("sort_order").values_list("name", flat=True):
        if name in course.venue:
            return name
    return ""


def course_document(course):
    type_label = course.get_course_type_display()
    online = course.is_online
    facts = [
        # Labels and values are stored in Chinese and translated when shown (search.service.display_facts).
        (gettext_noop("上课方式"), gettext_noop("线上") if online else gettext_noop("线下")),
        (gettext_noop("上课地点"), "" if online else course.venue),
        (gettext_noop("主办单位"), course.organiser),
        (gettext_noop("名额"), course.capacity),
    ]
    if course.is_free:
        facts.append((gettext_noop("费用"), gettext_noop("免费")))
    text = [course.search_description, page_body(course), type_label, "线上课程" if online else ""]
    return SearchDoc(
        type="course",
        id=course.pk,
        url=course.get_url() or course.url_path,
        title=course.title,
        body=" ".join(filter(None, text)),
        category=type_label,
        district=_district(course),
        date=course.starts_at,
        price_min=course.fee / FEN_PER_YUAN,
        price_max=course.fee / FEN_PER_YUAN,
        facts=facts,
    )


registry.register(
    registry.SearchType(
        name="course",
        model=CoursePage,
        public_queryset=lambda: (
            CoursePage.objects.live().public().filter(is_cancelled=False).select_related("organiser_organisation")
        ),
        to_document=course_document,
        filters=(
            parent_filter,
            Filter("type", lambda course: course.course_type),
            Filter("mode", lambda course: "online" if course.is_online else "venue"),
            Filter("fee", lambda course: "free" if course.is_free else "paid"),
        ),
        depends_on={
            "accounts.Organisation": lambda organisation: organisation.courses.values_list("pk", flat=True),
            **below_restriction(CoursePage),
        },
    )
)
