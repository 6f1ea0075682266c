"""Cursor pagination over a listing's search (`search.listing.listing_page`).

The index decides what matches and in which order, exactly as on the human list page; the cursor is an
opaque token for a position in that order, handed out as the `next` and `previous` links. Clients follow
the links and never build a cursor themselves, so the position's form can change without breaking them.
Like the pages, a search reaches at most `MAX_RESULT_WINDOW` results deep (narrow the filters for more).
"""

import base64
import binascii
import json

from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from search.listing import MAX_RESULT_WINDOW

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


def encode_cursor(page, size):
    return base64.urlsafe_b64encode(json.dumps({"p": page, "s": size}).encode()).decode().rstrip("=")


def decode_cursor(text):
    try:
        position = json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
        page, size = position["p"], position["s"]
    except (ValueError, TypeError, KeyError, binascii.Error, UnicodeDecodeError):
        raise ValidationError({"cursor": [_("无效的游标，请使用上一次响应中的链接。")]}) from None
    if not (isinstance(page, int) and isinstance(size, int) and 1 <= size <= MAX_PAGE_SIZE and page >= 1):
        raise ValidationError({"cursor": [_("无效的游标，请使用上一次响应中的链接。")]})
    return page, size


class SearchCursorPagination(BasePagination):
    cursor_query_param = "cursor"
    page_size_query_param = "page_size"

    def position(self, request):
        """(page, page size) the request asks for: from its cursor, else the first page of `page_size`."""
        cursor = request.query_params.get(self.cursor_query_param)
        if cursor:
            return decode_cursor(cursor)
        size = request.query_params.get(self.page_size_query_param)
        if size in (None, ""):
            return 1, DEFAULT_PAGE_SIZE
        try:
            size = int(size)
        except ValueError:
            size = 0
        if not 1 <= size <= MAX_PAGE_SIZE:
            raise ValidationError(
                {self.page_size_query_param: [_("每页条数须为 1 到 %(max)d 之间的整数。") % {"max": MAX_PAGE_SIZE}]}
            )
        return 1, size

    def paginate(self, request, page):
        """Keeps the search's page (a Django `Page` from `listing_page`) for the links."""
        self.request = request
        self.page = page
        return list(page.object_list)

    def _link(self, number):
        url = remove_query_param(self.request.build_absolute_uri(), self.page_size_query_param)
        return replace_query_param(url, self.cursor_query_param, encode_cursor(number, self.page.paginator.per_page))

    def get_next_link(self):
        return self._link(self.page.number + 1) if self.page.has_next() else None

    def get_previous_link(self):
        if not self.page.has_previous():
            return None
        if self.page.number == 2:
            url = remove_query_param(self.request.build_absolute_uri(), self.cursor_query_param)
            return replace_query_param(url, self.page_size_query_param, self.page.paginator.per_page)
        return self._link(self.page.number - 1)

    def get_paginated_response(self, data):
        return Response(
            {
                "count": self.page.paginator.count,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["count", "next", "previous", "results"],
            "properties": {
                "count": {
                    "type": "integer",
                    "example": 42,
                    "description": str(_("匹配的条数（最多 %(max)d 条可翻阅）") % {"max": MAX_RESULT_WINDOW}),
                },
                "next": {
                    "type": "string",
                    "format": "uri",
                    "nullable": True,
                    "example": "http://127.0.0.1:8000/api/v1/policies/?cursor=eyJwIjogMiwgInMiOiAyMH0",
                    "description": str(_("下一页的链接")),
                },
                "previous": {
                    "type": "string",
                    "format": "uri",
                    "nullable": True,
                    "example": None,
                    "description": str(_("上一页的链接")),
                },
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": str(_("翻页游标：取自上一次响应的 next 或 previous 链接")),
                "schema": {"type": "string"},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": str(_("每页条数（默认 %(default)d）") % {"default": DEFAULT_PAGE_SIZE}),
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
            },
        ]
