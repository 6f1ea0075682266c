"""The open read API (/api/v1/): public records as JSON, read-only.

Each list is the human list page's own search: the page's filter form reads the query string, the form
makes the page's `SearchQuery`, `search.listing.listing_page` asks the search service and loads the
objects from the type's public queryset (`search.registry`, declared by the owning app). A detail is the
type's public queryset by primary key. So what is public, and what each filter means, is said once, by
the app that owns the records; the API adds only the JSON.
"""

import hashlib
from dataclasses import replace
from datetime import UTC, datetime

from django.core.cache import cache
from django.db import connections
from django.db.models import Prefetch
from django.http import Http404
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from django.utils.translation import gettext_lazy as _
from drf_spectacular.renderers import (
    OpenApiJsonRenderer,
    OpenApiJsonRenderer2,
    OpenApiYamlRenderer,
    OpenApiYamlRenderer2,
)
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import exception_handler

from cms.forms import NewsFilterForm, PatentInfoFilterForm, PolicyFilterForm
from listings.forms import FinancingFilterForm, TransactionFilterForm
from register.models import PatentParty
from register.search import RegisterSearchForm, build_query
from register.summary import public_summary
from search import registry
from search.listing import listing_page
from services.directory import institution_query, offering_query
from services.forms import DirectoryFilterForm, OfferingFilterForm
from services.models import ServiceCategory
from targets.dashboard import public_rows
from training.forms import CourseFilterForm

from . import serializers
from .authentication import APIKeyAuthentication
from .pagination import SearchCursorPagination
from .schema import ERROR_RESPONSES, FilterFormSchema, examples_for
from .throttling import AnonymousAddressThrottle, APIKeyThrottle

# Primary keys are 64-bit in every database we run on; a larger number names nothing.
MAX_ID = 2**63 - 1
# How long the moment a representation was first served is remembered for Last-Modified.
FIRST_SEEN_SECONDS = 30 * 24 * 3600


def read_exception_handler(exc, context):
    """REST framework's answer to an exception, without marking the open transaction for rollback.

    REST framework marks it because it assumes the transaction is the request's (ATOMIC_REQUESTS); these
    views only read and run outside that transaction (core.middleware.NonAtomicReadsMiddleware), so a
    transaction open now belongs to whoever called the view, and a refused request must not spoil it."""
    marked = {db.alias for db in connections.all() if db.in_atomic_block and db.get_rollback()}
    response = exception_handler(exc, context)
    for db in connections.all():
        if db.in_atomic_block and db.alias not in marked:
            db.set_rollback(False)
    return response


class PublicReadView(GenericAPIView):
    """What every endpoint shares: JSON only, GET/HEAD only, keys and limits, and conditional requests.

    The ETag is a digest of the response body. Last-Modified is the moment this exact body was first
    served (remembered in the cache), so it moves whenever anything shown changes, including what a
    record's own timestamps do not cover (a review changing a scorecard, a posting leaving a list);
    if the cache forgets, the moment becomes now, which can only cost a client a full answer."""

    renderer_classes = [JSONRenderer]
    parser_classes = []
    authentication_classes = [APIKeyAuthentication]
    permission_classes = [AllowAny]
    throttle_classes = [AnonymousAddressThrottle, APIKeyThrottle]
    http_method_names = ["get", "head", "options"]
    pagination_class = None

    def get_exception_handler(self):
        return read_exception_handler

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        patch_vary_headers(response, ["Cookie"])  # the labels follow the language chosen on the site
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        response.render()
        etag = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
        response["ETag"] = etag
        response["Cache-Control"] = "no-cache"
        first_seen = _first_seen(request.get_full_path(), etag)
        response["Last-Modified"] = http_date(first_seen)
        return get_conditional_response(request, etag=etag, last_modified=first_seen, response=response)


def _first_seen(path, etag):
    key = "api:seen:" + hashlib.sha256(f"{path} {etag}".encode()).hexdigest()
    now = int(datetime.now(UTC).timestamp())
    cache.add(key, now, FIRST_SEEN_SECONDS)
    return cache.get(key, now)


class SearchListView(PublicReadView):
    """A list read through its page's filter form and search. Subclasses say which form
    (`make_form(data)`) and which search it makes (`make_query(form, page, per_page)`)."""

    pagination_class = SearchCursorPagination
    schema = FilterFormSchema()
    # The search types of the list's items: where its detail view finds one. (This class's docstring is
    # the schema's description of every list.)
    search_types = ()

    def make_form(self, data):
        raise NotImplementedError

    def make_query(self, form, page, per_page):
        raise NotImplementedError

    def querysets(self, scope):
        return {name: registry.get(name).public_queryset() for name in scope}

    def get(self, request):
        paginator = self.paginator
        page_number, per_page = paginator.position(request)
        form = self.make_form(request.query_params or None)
        if form.is_bound and not form.is_valid():
            raise ValidationError(form.errors)
        query = self.make_query(form, page_number, per_page)
        words = request.query_params.get("q", "")
        if "q" not in form.fields and words:
            # Lists whose page has no keyword box still search through the search service.
            query = replace(query, text=words)
        page = listing_page(query, self.querysets(query.scope))
        items = paginator.paginate(request, page)
        return paginator.get_paginated_response(self.get_serializer(items, many=True).data)


class PublicDetailView(PublicReadView):
    """One record of the type's public queryset by id; anything else (unpublished, withdrawn, another
    section's) is 404, as on the human page for an anonymous visitor."""

    search_types = ()

    def get(self, request, pk):
        if not 1 <= pk <= MAX_ID:
            raise Http404
        for name in self.search_types:
            found = registry.get(name).public_queryset().filter(pk=pk).first()
            if found is not None:
                return Response(self.get_serializer(found).data)
        raise Http404


def filtered_list(serializer_class, form_class, search_types, **form_kwargs):
    """A list whose page's filter form makes the page's search itself (`form.search_query`); named after
    the form (`PolicyFilterForm` → `PolicyList`)."""

    class FilteredList(SearchListView):
        def make_form(self, data):
            return form_class(data, **form_kwargs)

        def make_query(self, form, page, per_page):
            return form.search_query(page=page, per_page=per_page)

    name = form_class.__name__.removesuffix("FilterForm") + "List"
    attributes = {"serializer_class": serializer_class, "search_types": search_types, "__module__": __name__}
    return type(name, (FilteredList,), attributes)


PolicyList = filtered_list(serializers.PolicySerializer, PolicyFilterForm, ("policy",), index_page=None)
NewsList = filtered_list(serializers.NewsSerializer, NewsFilterForm, ("news",), index_page=None)
PatentInfoList = filtered_list(
    serializers.PatentInfoSerializer, PatentInfoFilterForm, ("patent_info",), index_page=None
)
TransactionList = filtered_list(serializers.ListingSerializer, TransactionFilterForm, ("transaction",))
FinancingList = filtered_list(serializers.ListingSerializer, FinancingFilterForm, ("financing", "financing_product"))


class CourseList(SearchListView):
    serializer_class = serializers.CourseSerializer
    search_types = ("course",)

    def make_form(self, data):
        return CourseFilterForm(data)

    def make_query(self, form, page, per_page):
        return form.search_query(None, page=page, per_page=per_page)

    def querysets(self, scope):
        return {"course": registry.get("course").public_queryset().for_listing()}


class InstitutionList(SearchListView):
    serializer_class = serializers.InstitutionSerializer
    search_types = ("institution",)

    def make_form(self, data):
        return DirectoryFilterForm(data)

    def make_query(self, form, page, per_page):
        return institution_query(form, page, per_page)


class OfferingList(SearchListView):
    serializer_class = serializers.OfferingSerializer
    search_types = ("offering",)

    def make_form(self, data):
        return OfferingFilterForm(data, categories=list(ServiceCategory.objects.all()))

    def make_query(self, form, page, per_page):
        return offering_query(form, page, per_page)


class RegisterList(SearchListView):
    """Patents or trademarks through the register's search page (专利检索), kept to one kind."""

    kind = None

    def make_form(self, data):
        return RegisterSearchForm(data, kind=self.kind)

    def make_query(self, form, page, per_page):
        return build_query(form.cleaned_data if form.is_bound else {}, page=page, per_page=per_page, only=self.kind)


class PatentList(RegisterList):
    serializer_class = serializers.PatentSerializer
    search_types = ("patent",)
    kind = "patent"

    def querysets(self, scope):
        return {"patent": _patents_with_history(registry.get("patent").public_queryset())}


def _patents_with_history(patents):
    return patents.prefetch_related(None).prefetch_related(
        Prefetch("parties", queryset=PatentParty.objects.select_related("district")), "events"
    )


class TrademarkList(RegisterList):
    serializer_class = serializers.TrademarkSerializer
    search_types = ("trademark",)
    kind = "trademark"


@extend_schema(
    tags=["register"],
    summary=_("专利与商标登记数据统计"),
    description=_(
        "整个登记簿的计数：专利按类型、法律状态、年度申请与授权、县区，PCT 进入国家阶段的件数；"
        "商标按状态、年度注册，以及有效注册中的马德里国际注册、地理标志、农产品、驰名与省著名商标。"
    ),
    responses={200: serializers.RegisterStatisticsSerializer, **ERROR_RESPONSES["plain"]},
)
class RegisterStatistics(PublicReadView):
    serializer_class = serializers.RegisterStatisticsSerializer

    def get(self, request):
        return Response(self.get_serializer(public_summary()).data)


@extend_schema(
    tags=["targets"],
    summary=_("试点城市建设目标的公开进展"),
    description=_("与公开页面 /targets/ 相同：市创建工作领导小组办公室公开发布的指标、当前数值、目标与状态。"),
    responses={200: serializers.TargetSerializer(many=True), **ERROR_RESPONSES["plain"]},
    examples=examples_for("targets", many=True, paginated=False),
)
class TargetSummary(PublicReadView):
    serializer_class = serializers.TargetSerializer

    def get(self, request):
        return Response(self.get_serializer(public_rows(), many=True).data)


def documented(tag, summary_list, summary_detail, list_view):
    """The two views of one kind of record, described for the schema: the list, and the detail showing one
    record of the list's search types through the list's serializer."""
    serializer = list_view.serializer_class
    detail_view = type(
        list_view.__name__.removesuffix("List") + "Detail",
        (PublicDetailView,),
        {"serializer_class": serializer, "search_types": list_view.search_types, "__module__": __name__},
    )
    list_view = extend_schema(
        tags=[tag],
        summary=summary_list,
        responses={200: serializer(many=True), **ERROR_RESPONSES["list"]},
        examples=examples_for(tag, many=True),
    )(list_view)
    detail_view = extend_schema(
        tags=[tag],
        summary=summary_detail,
        responses={200: serializer, **ERROR_RESPONSES["detail"]},
        examples=examples_for(tag),
    )(detail_view)
    return list_view, detail_view


ENDPOINTS = [
    # (path segment and tag, list summary, detail summary, list view)
    ("policies", _("政策法规列表"), _("一份政策文件"), PolicyList),
    ("news", _("新闻与通知公告列表"), _("一条新闻或公告"), NewsList),
    ("patent-information", _("专利信息与预警分析报告列表"), _("一篇专利信息或预警分析报告"), PatentInfoList),
    ("courses", _("培训课程列表（默认即将开课）"), _("一门培训课程"), CourseList),
    ("institutions", _("服务机构名录"), _("一家服务机构及其评价指标"), InstitutionList),
    ("offerings", _("服务项目列表"), _("一个服务项目"), OfferingList),
    ("transactions", _("知识产权交易信息列表"), _("一条交易信息"), TransactionList),
    ("financing", _("质押融资需求与金融产品列表"), _("一条融资需求或金融产品"), FinancingList),
    ("patents", _("专利登记数据检索"), _("一件专利及其申请人、法律状态事件"), PatentList),
    ("trademarks", _("商标登记数据检索"), _("一件注册商标"), TrademarkList),
]

ENDPOINTS = [(segment, *documented(segment, *description)) for segment, *description in ENDPOINTS]


class SchemaView(SpectacularAPIView):
    """The OpenAPI 3 document, JSON unless YAML is asked for (`?format=yaml`); `?lang=en` in English."""

    renderer_classes = [OpenApiJsonRenderer, OpenApiJsonRenderer2, OpenApiYamlRenderer, OpenApiYamlRenderer2]


class DocsView(SpectacularSwaggerSplitView):
    """Swagger UI; its start-up script is a file of its own (no inline script under our CSP)."""
