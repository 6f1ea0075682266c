"""Factories for postings; organisations and users come from tests.factories."""

from datetime import timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from accounts.models import Organisation
from listings.models import Industry, Listing, ListingIP
from reference.models import District
from tests.factories import MembershipFactory, OrganisationFactory


def owner_of(organisation):
    """A user who owns `organisation`."""
    return MembershipFactory(organisation=organisation).user


class ListingFactory(factory.django.DjangoModelFactory):
    """A published patent licence offer, valid for a year."""

    class Meta:
        model = Listing

    section = Listing.Section.TRANSACTION
    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"高性能碳纤维复合材料制备方法专利许可{n}")
    description = "一种高强度碳纤维预浸料的制备方法，已在生产线上验证。"
    industry = factory.LazyFunction(lambda: Industry.objects.get(code="materials"))
    district = factory.LazyFunction(lambda: District.objects.get(code="kaifaqu"))
    valid_from = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=10))
    valid_until = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=200))
    kind = Listing.Kind.PATENT_LICENCE_EXCLUSIVE
    direction = Listing.Direction.OFFER
    price_kind = Listing.PriceKind.FIXED
    price_min = Decimal("80")
    price_max = Decimal("80")
    contact_name = "王建华"
    contact_phone = "0518-85661234"
    contact_email = "ip@example.com"
    status = Listing.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


class ListingIPFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ListingIP

    listing = factory.SubFactory(ListingFactory)
    ip_type = "patent"
    number = "201410123456.7"
    title = "一种碳纤维预浸料的制备方法"
    owner_name = "连云港恒瑞新材料科技有限公司"


class FinancingNeedFactory(ListingFactory):
    section = Listing.Section.FINANCING_NEED
    title = factory.Sequence(lambda n: f"以发明专利质押融资500万元{n}")
    kind = ""
    direction = ""
    price_kind = ""
    price_min = None
    price_max = None
    amount = Decimal("500")
    term_months = 12
    purpose = "购置生产设备、补充流动资金"


class FinancingProductFactory(ListingFactory):
    section = Listing.Section.FINANCING_PRODUCT
    organisation = factory.SubFactory(OrganisationFactory, kind=Organisation.Kind.INSTITUTION)
    title = factory.Sequence(lambda n: f"知识产权质押贷{n}")
    industry = None
    kind = ""
    direction = ""
    price_kind = ""
    price_min = None
    price_max = None
    amount_min = Decimal("100")
    amount_max = Decimal("1000")
    rate_min = Decimal("4.35")
    rate_max = Decimal("6.00")
    term_min_months = 6
    term_max_months = 36
    accepts_patent = True
    accepts_trademark = True
