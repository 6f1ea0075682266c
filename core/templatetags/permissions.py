"""Ask the domain, from a template, whether a person may take an action on a record.

`{% may order "review" request.user as can_review %}` calls `order.may_review(user)`: the same method the
view or domain function checks before acting, so a button is shown exactly when pressing it would work.
`{% refusal institution "engage" request.user as reason %}` calls `institution.engage_refusal(user)`: the
sentence telling the person why not (None when they may), shown before the click instead of a 403.
"""

from django import template

register = template.Library()


@register.simple_tag
def may(obj, action, user):
    if obj is None:
        return False
    return getattr(obj, f"may_{action}")(user)


@register.simple_tag
def refusal(obj, action, user):
    if obj is None:
        return None
    return getattr(obj, f"{action}_refusal")(user)
