import io

import factory
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from reference.models import ResponsibleUnit
from rights.models import Case, Handler
from rights.roles import RIGHTS_ADMIN_GROUP, RIGHTS_HANDLER_GROUP
from tests.factories import UserFactory


def png_bytes(size=(24, 16), colour=(200, 30, 40)):
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="PNG")
    return buffer.getvalue()


def photo(name="photo.png"):
    return SimpleUploadedFile(name, png_bytes(), content_type="image/png")


def pdf(name="receipt.pdf"):
    return SimpleUploadedFile(
        name, b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n", "application/pdf"
    )


class HandlerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Handler
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory, is_staff=True)
    unit = factory.LazyFunction(lambda: ResponsibleUnit.objects.get(code="gongshangju"))

    @factory.post_generation
    def in_handlers_group(handler, create, extracted, **kwargs):
        # A handler's access to cases is the group's permission; the row names the unit.
        if create and extracted is not False:
            handler.user.groups.add(Group.objects.get(name=RIGHTS_HANDLER_GROUP))


def make_rights_admin():
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=RIGHTS_ADMIN_GROUP))
    return user


class CaseFactory(factory.django.DjangoModelFactory):
    """A case as saved, without steps; use rights.cases functions where the history matters."""

    class Meta:
        model = Case

    kind = Case.Kind.REPORT
    tracking_number = factory.Sequence(lambda n: f"JB20240101{n:05d}")
    category = "trademark"
    infringer = factory.Sequence(lambda n: f"海州区某商行{n}")
    description = "销售假冒注册商标的商品。"
