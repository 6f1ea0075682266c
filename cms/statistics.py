"""The policies the platform counts (the home page's figure)."""

from core.figures import Figure

from .models import PolicyPage


def valid_policies():
    """Live policy documents still in force."""
    return Figure(PolicyPage.objects.live().valid())
