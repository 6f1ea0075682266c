"""Factories shared across apps' tests."""

import factory
from allauth.account.models import EmailAddress

from accounts.credit_code import ALPHABET, check_character
from accounts.models import Membership, Organisation, User
from reference.models import District

DEFAULT_PASSWORD = "correct-horse-battery"


def make_credit_code(serial):
    """A valid unified social credit code, different for each serial number."""
    body = "91320700" + "".join(ALPHABET[(serial // 31**i) % 31] for i in range(9))
    return body + check_character(body)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    name = factory.Sequence(lambda n: f"用户{n}")
    password = factory.PostGenerationMethodCall("set_password", DEFAULT_PASSWORD)

    @factory.post_generation
    def verified(user, create, extracted, **kwargs):
        if create:
            user.save()
            EmailAddress.objects.create(user=user, email=user.email, verified=extracted is not False, primary=True)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    kind = Organisation.Kind.ENTERPRISE
    name = factory.Sequence(lambda n: f"连云港测试科技有限公司{n}")
    credit_code = factory.Sequence(lambda n: make_credit_code(n + 1000))
    district = factory.LazyFunction(lambda: District.objects.get(code="haizhou"))
    contact_name = "张三"
    contact_phone = "0518-88880000"
    contact_email = factory.Sequence(lambda n: f"contact{n}@example.com")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Membership.Role.OWNER
