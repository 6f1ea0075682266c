from django import template

from core import site

register = template.Library()


@register.simple_tag
def absolute_url(path):
    """The address of `path` on the site named by SITE_URL, whatever host the request came in on."""
    return site.absolute_url(path)
