from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms.admin_views import CreatePageWithoutAutosave
from copyrights.sitemaps import WorkSitemap
from core import views as core_views
from core.sitemaps import PagesSitemap, StaticViewSitemap
from listings.sitemaps import ListingSitemap
from services.sitemaps import InstitutionSitemap, OfferingSitemap

SITEMAPS = {
    "pages": PagesSitemap,
    "views": StaticViewSitemap(
        [
            "services:directory",
            "services:offering_list",
            "listings:index",
            "listings:transactions",
            "listings:financing",
            "rights:index",
            "rights:report",
            "targets:summary",
            "copyrights:works",
            "copyrights:verify",
        ]
    ),
    "institutions": InstitutionSitemap,
    "offerings": OfferingSitemap,
    "listings": ListingSitemap,
    "copyright_works": WorkSitemap,
}

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    # Claims the path of Wagtail's own page creation view (see CreatePageWithoutAutosave).
    path(
        "admin/pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/<int:parent_page_id>/",
        require_admin_access(CreatePageWithoutAutosave.as_view()),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("allauth.urls")),
    path("account/", include("accounts.urls")),
    path("language/<str:language>/", core_views.switch_language, name="switch_language"),
    path("payments/", include("payments.urls")),
    path("institutions/", include("services.urls")),
    path("training/", include("training.urls")),
    path("listings/", include("listings.urls")),
    path("register/", include("register.urls")),
    path("rights/", include("rights.urls")),
    path("search/", include("search.urls")),
    path("subscriptions/", include("subscriptions.urls")),
    path("targets/", include("targets.urls")),
    path("api/", include("api.urls")),
    path("funding/", include("funding.urls")),
    path("copyright/", include("copyrights.urls")),
    path("evaluations/", include("evaluations.urls")),
    path("advisers/", include("advisers.urls")),
    path("analysis/", include("analysis.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("favicon.ico", core_views.favicon, name="favicon"),
]

if settings.S3_BUCKET:
    from django.urls import re_path

    # Public uploads kept in the bucket, streamed by the web tier (core.storage.PublicMediaBucketStorage).
    urlpatterns += [
        re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.+)$", core_views.public_media, name="public_media")
    ]
elif settings.DEBUG or settings.SERVE_MEDIA:
    from django.urls import re_path
    from django.views.static import serve

    # Public uploads (images, documents' files) where no web server is in front (the embedded default).
    urlpatterns += [
        re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    ]

# Wagtail serves every path the apps above do not claim, so it comes last.
urlpatterns += [path("", include(wagtail_urls))]

handler403 = "core.views.permission_denied"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
