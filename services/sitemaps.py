from core.sitemaps import ModelSitemap

from .models import Institution, Offering


class InstitutionSitemap(ModelSitemap):
    def items(self):
        return Institution.objects.public().order_by("pk")


class OfferingSitemap(ModelSitemap):
    def items(self):
        return Offering.objects.public().order_by("pk")
