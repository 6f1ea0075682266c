"""The figure the targets app counts from its own records: enterprises certified by staff."""

from core.figures import Figure

from .models import DemonstrationCertification


def certified_enterprises():
    """知识产权管理标准化示范企业: certifications entered with evidence, each counted from the day of
    certification until the day it is revoked, in the enterprise's district."""
    return Figure(
        DemonstrationCertification.objects.all(),
        date_field="certified_on",
        end_field="revoked_on",
        district_lookup="enterprise__district",
    )
