from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from core.site import absolute_url

from . import delivery, profiles, searches
from .forms import EditSearchForm, ProfileForm, SaveSearchForm
from .models import SavedSearch, Subscriber


def _back(request, fallback="subscriptions:index"):
    target = request.POST.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return redirect(target)
    return redirect(fallback)


def _own(request, pk):
    saved = get_object_or_404(SavedSearch, pk=pk)
    if not saved.may_change(request.user):
        raise Http404
    return saved


@login_required
def index(request):
    subscriber, new_count = searches.new_since_last_visit(request.user)
    saved = request.user.saved_searches.select_related("page")
    return render(
        request,
        "subscriptions/index.html",
        {
            "subscriber": subscriber,
            "saved_searches": saved,
            "new_count": new_count,
            "suggestions": profiles.suggestions(subscriber),
            "feed_url": absolute_url(reverse("subscriptions:feed", args=[subscriber.feed_token])),
        },
    )


@login_required
@require_POST
def save(request):
    form = SaveSearchForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("请填写检索名称并选择提醒频率。"))
        return _back(request)
    data = form.cleaned_data
    try:
        saved = searches.save_search(
            request.user,
            name=data["name"],
            source=data["source"],
            querystring=data["querystring"],
            frequency=data["frequency"],
            page_id=data["page"],
            language=request.LANGUAGE_CODE,
        )
    except searches.SaveError as error:
        messages.error(request, str(error))
        return _back(request)
    messages.success(request, _("已保存检索“%(name)s”，有新内容时会通知您。") % {"name": saved.name})
    return _back(request)


@login_required
def edit(request, pk):
    saved = _own(request, pk)
    form = EditSearchForm(request.POST or None, instance=saved)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("检索已更新。"))
        return redirect("subscriptions:index")
    return render(request, "subscriptions/edit.html", {"form": form, "saved": saved})


@login_required
@require_POST
def pause(request, pk):
    saved = _own(request, pk)
    paused = request.POST.get("paused") != "0"
    if searches.set_paused(saved, paused):
        messages.success(request, _("已暂停。") if paused else _("已恢复。"))
    return redirect("subscriptions:index")


@login_required
@require_POST
def delete(request, pk):
    saved = _own(request, pk)
    saved.delete()
    messages.success(request, _("已删除检索“%(name)s”。") % {"name": saved.name})
    return redirect("subscriptions:index")


@login_required
def profile(request):
    # Reading the form creates nothing: the profile is stored when it is first saved.
    subscriber = Subscriber.objects.filter(user=request.user).first() or Subscriber(user=request.user)
    form = ProfileForm(request.POST or None, instance=subscriber)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("企业画像已保存，下方是据此推荐的订阅。"))
        return redirect("subscriptions:index")
    return render(request, "subscriptions/profile.html", {"form": form})


@login_required
@require_POST
def accept(request):
    subscriber, _created = Subscriber.objects.get_or_create(user=request.user)
    saved = profiles.accept(subscriber, request.POST.get("key", ""))
    if saved is None:
        messages.info(request, _("该推荐已不可用或已订阅。"))
    else:
        messages.success(request, _("已订阅“%(name)s”。") % {"name": saved.name})
    return redirect("subscriptions:index")


@login_required
@require_POST
def feed_reset(request):
    subscriber, _created = Subscriber.objects.get_or_create(user=request.user)
    subscriber.revoke_feed_token()
    messages.success(request, _("已生成新的订阅源地址，旧地址不再有效。"))
    return redirect("subscriptions:index")


# Reached from an e-mail without logging in: the signed token is the authority. A mail client's one-click
# unsubscribe (RFC 8058) posts without a CSRF token; a GET only asks, so a link scanner unsubscribes nobody.
@csrf_exempt
def unsubscribe(request, token):
    found = delivery.read_unsubscribe_token(token)
    if found is None:
        return render(request, "subscriptions/unsubscribe.html", {"invalid": True}, status=400)
    owner_id, frequency = found
    label = SavedSearch.Frequency(frequency).label
    if request.method == "POST":
        delivery.unsubscribe(owner_id, frequency)
        return render(request, "subscriptions/unsubscribe.html", {"done": True, "frequency": label})
    return render(request, "subscriptions/unsubscribe.html", {"frequency": label})
