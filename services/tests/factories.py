"""Factories for the services app's tests."""

import factory
from django.utils import timezone

from accounts.models import Organisation
from reference.models import District
from services.models import Institution, InstitutionType, Offering, ServiceCategory
from tests.factories import MembershipFactory, OrganisationFactory


class InstitutionOrganisationFactory(OrganisationFactory):
    kind = Organisation.Kind.INSTITUTION
    name = factory.Sequence(lambda n: f"连云港测试知识产权服务所{n}")


class InstitutionFactory(factory.django.DjangoModelFactory):
    """An approved, active institution (status can be overridden)."""

    class Meta:
        model = Institution
        skip_postgeneration_save = True

    organisation = factory.SubFactory(InstitutionOrganisationFactory)
    institution_type = InstitutionType.TRADEMARK_AGENCY
    district = factory.LazyFunction(lambda: District.objects.get(code="haizhou"))
    address = "连云港市海州区朝阳东路1号"
    contact_name = "李四"
    contact_phone = "0518-85550000"
    contact_email = factory.Sequence(lambda n: f"institution{n}@example.com")
    description = "提供商标注册、续展与维权服务。"
    status = Institution.Status.APPROVED
    submitted_at = factory.LazyFunction(timezone.now)
    approved_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def categories(self, create, extracted, **kwargs):
        if create:
            self.categories.set(extracted or [ServiceCategory.objects.get(code="trademark")])


class OfferingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Offering

    institution = factory.SubFactory(InstitutionFactory)
    title = factory.Sequence(lambda n: f"商标注册代理服务{n}")
    category = factory.LazyFunction(lambda: ServiceCategory.objects.get(code="trademark"))
    description = "含商标查询、申请文件撰写与递交。"
    price_type = Offering.PriceType.FIXED
    price = 120000
    delivery_days = 10
    status = Offering.Status.PUBLISHED


def member_of(organisation, **kwargs):
    """A user who is an owner of `organisation`."""
    return MembershipFactory(organisation=organisation, **kwargs).user


def enterprise_member():
    return MembershipFactory().user


def application_form_data(**overrides):
    """What a patent agency types into the listing application form (without its licence file)."""
    return {
        "institution_type": "patent_agency",
        "categories": [ServiceCategory.objects.get(code="patent-filing").pk],
        "licence_number": "32231",
        "credit_grade": "A",
        "credit_grade_year": "2024",
        "district": District.objects.get(code="haizhou").pk,
        "address": "连云港市海州区朝阳东路66号",
        "contact_name": "李明",
        "contact_phone": "0518-85512345",
        "contact_email": "apply@example.com",
        "description": "专利申请代理与检索分析。",
    } | overrides
