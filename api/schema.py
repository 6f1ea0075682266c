"""The OpenAPI document's parts that are ours: each list's query parameters read from its page's filter
form, the error answers, the examples, and the title and introduction in the reader's language
(`/api/v1/schema/?lang=en`, `/api/v1/docs/?lang=en`)."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, inline_serializer
from rest_framework import serializers

INTRODUCTION = gettext_lazy(
    "连云港市知识产权公共服务平台的开放数据接口：政策法规、新闻公告、专利信息与预警分析报告、培训课程、"
    "服务机构及其评价指标与服务项目、知识产权交易与质押融资信息、专利与商标登记数据及其统计、"
    "试点城市建设目标的公开进展。\n\n"
    "只读、JSON、无需登录；内容与网站公开页面一致，未发布、未审核、已撤回的内容和任何非公开信息都不会出现。\n\n"
    "- 每条记录有稳定的 `id` 和对应网页的 `url`。\n"
    "- 列表的筛选参数与网页上的筛选相同；`q` 为全文检索（与站内搜索相同）。\n"
    "- 列表用游标翻页：按响应中的 `next`、`previous` 链接取下一页、上一页；`page_size` 设每页条数。\n"
    "- 每个响应带 `ETag` 和 `Last-Modified`；带 `If-None-Match` 或 `If-Modified-Since` 再次请求，"
    "内容未变时返回 304。\n"
    "- 匿名请求按客户端地址限流；在账户页面创建接口密钥（请求头 `X-API-Key`）可获得更高限额。"
    "超出限额返回 429，`Retry-After` 给出需等待的秒数。\n"
    "- 标签类字段（`*_label`）随网站所选语言；本说明的英文版：`?lang=en`。\n\n"
    "示例：`curl -s 'http://127.0.0.1:8000/api/v1/policies/?validity=valid&page_size=2'`"
)


def describe_api(result, generator, request, public):
    """Postprocessing hook: the title and introduction, translated when the schema is generated."""
    result["info"]["title"] = _("连云港市知识产权公共服务平台开放接口")
    result["info"]["description"] = str(INTRODUCTION)
    return result


def field_schema(field):
    """A filter form field as an OpenAPI parameter schema: the values the page's form accepts."""
    if isinstance(field, forms.ModelChoiceField):
        key = field.to_field_name or "pk"
        values = list(field.queryset.order_by(key).values_list(key, flat=True))
        if key == "pk":
            return {"type": "integer", "enum": values} if values else {"type": "integer", "minimum": 1}
        return {"type": "string", "enum": [str(v) for v in values]} if values else {"type": "string"}
    if isinstance(field, forms.TypedChoiceField) and field.coerce is int:
        values = [int(value) for value, _label in field.choices if value not in ("", None)]
        return {"type": "integer", "enum": values} if values else {"type": "integer"}
    if isinstance(field, forms.ChoiceField):
        values = [str(value) for value, _label in field.choices if value not in ("", None)]
        return {"type": "string", "enum": values} if values else {"type": "string"}
    if isinstance(field, forms.BooleanField):
        return {"type": "boolean"}
    if isinstance(field, forms.DecimalField):
        schema = {"type": "number"}
        if field.min_value is not None:
            schema["minimum"] = field.min_value
        schema["maximum"] = 10**12
        return schema
    schema = {"type": "string"}
    if getattr(field, "max_length", None):
        schema["maxLength"] = field.max_length
    return schema


KEYWORD = OpenApiParameter(
    "q",
    {"type": "string", "maxLength": 100},
    OpenApiParameter.QUERY,
    description=gettext_lazy("关键词：全文检索，与站内搜索相同"),
)


class FilterFormSchema(AutoSchema):
    """A list's query parameters: the fields of the filter form its human page uses, and `q`."""

    def get_override_parameters(self):
        parameters = list(super().get_override_parameters())
        form = self.view.make_form(None)
        for name, field in form.fields.items():
            description = str(field.label or name)
            if name == "q":
                description = f"{description} — {KEYWORD.description}"
            parameters.append(
                OpenApiParameter(name, field_schema(field), OpenApiParameter.QUERY, description=description)
            )
        if "q" not in form.fields:
            parameters.append(KEYWORD)
        return parameters


DETAIL = inline_serializer("Problem", {"detail": serializers.CharField()})
FIELD_ERRORS = inline_serializer(
    "FieldErrors",
    {"field": serializers.ListField(child=serializers.CharField(), required=False)},
)
_COMMON = {
    304: OpenApiResponse(description=gettext_lazy("内容未变（条件请求）")),
    401: OpenApiResponse(DETAIL, description=gettext_lazy("接口密钥无效或已吊销")),
    429: OpenApiResponse(DETAIL, description=gettext_lazy("超出请求限额；Retry-After 为需等待的秒数")),
}
ERROR_RESPONSES = {
    "list": {
        400: OpenApiResponse(FIELD_ERRORS, description=gettext_lazy("筛选参数、游标或每页条数无效：按参数名给出原因")),
        **_COMMON,
    },
    "detail": {404: OpenApiResponse(DETAIL, description=gettext_lazy("没有这条公开记录")), **_COMMON},
    "plain": _COMMON,
}

_SITE = "http://127.0.0.1:8000"
EXAMPLES = {
    "policies": {
        "id": 12,
        "title": "连云港市国家知识产权试点城市建设实施方案（2014—2016年）",
        "url": f"{_SITE}/policies/lianyungang-ip-pilot-city-plan/",
        "first_published_at": "2014-09-18T09:00:00+08:00",
        "last_published_at": "2014-09-18T09:00:00+08:00",
        "index_number": "014136808/2014-00114",
        "document_number": "连政发〔2014〕114号",
        "issuing_agency": {"id": 1, "name": "连云港市人民政府", "level": "municipal"},
        "issue_date": "2014-09-18",
        "subject_words": "知识产权 试点城市 方案",
        "summary": "全面推进国家知识产权试点城市建设……",
        "validity": "valid",
        "validity_label": "有效",
        "validity_note": "",
        "repealed_by": None,
        "topics": ["试点城市"],
    },
    "transactions": {
        "id": 301,
        "section": "transaction",
        "title": "一种高纯石英砂提纯方法 专利转让",
        "url": f"{_SITE}/listings/301/",
        "description": "……",
        "organisation": "连云港石英科技有限公司",
        "industry": {"id": 3, "name": "新材料"},
        "district": {"id": 2, "name": "东海县"},
        "status": "published",
        "status_label": "已发布",
        "valid_from": "2026-10-01",
        "valid_until": "2027-03-31",
        "published_at": "2026-10-02T10:15:00+08:00",
        "updated_at": "2026-10-02T10:15:00+08:00",
        "ip_records": [
            {
                "ip_type": "patent",
                "number": "ZL201510123456.7",
                "title": "一种高纯石英砂提纯方法",
                "owner_name": "连云港石英科技有限公司",
                "legal_status": "valid",
            }
        ],
        "kind": "assignment",
        "direction": "supply",
        "ipc_class": "C01B 33/12",
        "price_kind": "range",
        "price_min": "50.00",
        "price_max": "80.00",
        "contact": None,
    },
}


def examples_for(tag, many=False, paginated=True):
    """The documented example of a tag's records, where one is written (the policy and the posting)."""
    value = EXAMPLES.get(tag)
    if value is None:
        return []
    return [OpenApiExample(tag, value=value, response_only=True, status_codes=["200"])]


def only_the_read_api(endpoints):
    """Preprocessing hook: the document describes /api/v1/ only (Wagtail's admin API is REST framework
    too), without its own schema and docs pages."""
    return [
        endpoint
        for endpoint in endpoints
        if endpoint[0].startswith("/api/v1/") and not endpoint[0].startswith(("/api/v1/schema/", "/api/v1/docs/"))
    ]
