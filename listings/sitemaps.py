from core.sitemaps import ModelSitemap

from .models import Listing


class ListingSitemap(ModelSitemap):
    def items(self):
        return Listing.objects.public().order_by("pk")
