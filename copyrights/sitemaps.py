from core.sitemaps import ModelSitemap

from .models import Filing


class WorkSitemap(ModelSitemap):
    def items(self):
        return Filing.objects.public_works().order_by("pk")

    def location(self, item):
        return item.get_public_url()
