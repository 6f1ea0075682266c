from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import StyledFormMixin

from .models import CourseType


class CourseFilterForm(StyledFormMixin, forms.Form):
    """The course list's filters; an unknown value is ignored rather than shown as an error."""

    WHEN = [("upcoming", _("即将开课")), ("past", _("往期课程")), ("all", _("全部课程"))]
    MODE = [("", _("不限形式")), ("online", _("线上")), ("venue", _("线下"))]
    FEE = [("", _("不限费用")), ("free", _("免费")), ("paid", _("收费"))]

    when = forms.ChoiceField(label=_("时间"), choices=WHEN, required=False)
    type = forms.ChoiceField(label=_("培训类型"), choices=[("", _("全部类型")), *CourseType.choices], required=False)
    mode = forms.ChoiceField(label=_("形式"), choices=MODE, required=False)
    fee = forms.ChoiceField(label=_("费用"), choices=FEE, required=False)

    def filter(self, courses):
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        when = data.get("when") or "upcoming"
        if when == "upcoming":
            courses = courses.upcoming()
        elif when == "past":
            courses = courses.past()
        else:
            courses = courses.order_by("-starts_at")
        if data.get("type"):
            courses = courses.filter(course_type=data["type"])
        if data.get("mode"):
            courses = courses.filter(is_online=data["mode"] == "online")
        if data.get("fee") == "free":
            courses = courses.filter(fee=0)
        elif data.get("fee") == "paid":
            courses = courses.filter(fee__gt=0)
        return courses

    @property
    def selected_when(self):
        return (self.cleaned_data.get("when") if self.is_bound and self.is_valid() else "") or "upcoming"
