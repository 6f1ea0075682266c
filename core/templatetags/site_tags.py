from django import template
from django.utils.html import format_html

from core import pagecache, site
from core.naming import english_wanted
from core.navigation import section_label

register = template.Library()


@register.simple_tag
def absolute_url(path):
    """The address of `path` on the site named by SITE_URL, whatever host the request came in on."""
    return site.absolute_url(path)


@register.filter
def page_title(page):
    """A page's title for its heading or breadcrumb. In English a main section's index page is called by the
    navigation's English name; any other title is the editor's Chinese, marked so for screen readers."""
    if not english_wanted():
        return page.title
    return section_label(page) or format_html('<span lang="zh">{}</span>', page.title)


@register.filter
def page_title_text(page):
    """`page_title` as plain text, for the document's <title>."""
    if english_wanted() and (label := section_label(page)):
        return label
    return getattr(page, "seo_title", "") or getattr(page, "title", "")


@register.filter
def zh(value):
    """Text someone wrote, marked as Chinese inside an English interface string (`blocktranslate with
    name=x|zh`); a Chinese page is Chinese throughout already."""
    return format_html('<span lang="zh">{}</span>', value) if english_wanted() else value


class PublicFragmentNode(template.Node):
    def __init__(self, name, nodelist):
        self.name, self.nodelist = name, nodelist

    def render(self, context):
        request = context.get("request")
        return pagecache.public_fragment(request, self.name.resolve(context), lambda: self.nodelist.render(context))


@register.tag
def public_fragment(parser, token):
    """`{% public_fragment "name" %}…{% end_public_fragment %}`: a part of the page that shows only public
    records and nothing of the person asking, kept per language and URL until a public record changes
    (`core.pagecache.public_fragment`). Whatever depends on the person (a saved-search form, a button only
    some may use, a CSRF token) stays outside it."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("public_fragment takes one argument: the fragment's name")
    nodelist = parser.parse(("end_public_fragment",))
    parser.delete_first_token()
    return PublicFragmentNode(parser.compile_filter(bits[1]), nodelist)
