"""The analysis app's records in the authorisation matrix's world (`tests/authorisation_world.py`):
enterprise A's portfolio comparison and a platform watch of the superuser's."""

from analysis.models import PortfolioComparison, Watch


def add_analysis(w):
    w.comparison = PortfolioComparison.objects.create(
        organisation=w.ent_a,
        name="矩阵对比",
        competitors=["连云港乙方制药有限公司"],
        created_by=w.users["enterprise_a"],
    )
    w.watch = Watch.objects.create(name="矩阵预警", ipc_classes=["C03B"], created_by=w.users["superuser"])
