"""The platform's main public pages, as paths on the demo data: the pages every page-wide check (the HTML
validator, the accessibility walk) visits."""

from django.urls import reverse

from cms.models import NewsPage, PatentInfoPage, PolicyPage
from listings.models import Listing
from services.models import Institution, Offering
from training.models import CoursePage


def main_pages():
    return [
        "/",
        "/policies/",
        PolicyPage.objects.live().first().url,
        "/news/",
        NewsPage.objects.live().first().url,
        "/patent-info/",
        PatentInfoPage.objects.live().first().url,
        "/training/",
        CoursePage.objects.live().first().url,
        reverse("services:directory"),
        Institution.objects.public().first().get_absolute_url(),
        reverse("services:offering_list"),
        Offering.objects.public().first().get_absolute_url(),
        reverse("listings:index"),
        reverse("listings:transactions"),
        reverse("listings:financing"),
        Listing.objects.public().first().get_absolute_url(),
        reverse("rights:index"),
        reverse("rights:report"),
        reverse("search:results") + "?q=专利",
        reverse("targets:summary"),
        reverse("account_login"),
        reverse("account_signup"),
    ]
