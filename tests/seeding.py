"""What the data migrations seed, put back after a transactional test's flush.

A transactional test (browser journeys, row-lock tests) ends by emptying every table, including the rows
migrations created. Django's post_migrate handler restores content types and permissions; this restores
the rest, with the same idempotent functions the migrations call.
"""


def reseed():
    from accounts.roles import ensure_roles
    from advisers.indicators import ensure_recognition_indicator
    from advisers.roles import ensure_talent_managers
    from analysis.roles import ensure_patent_analysts
    from cms.site_tree import ensure_home_page
    from copyrights.indicators import ensure_copyright_indicators
    from copyrights.roles import ensure_copyright_roles
    from funding.indicators import ensure_funding_indicators
    from funding.roles import ensure_funding_roles
    from listings.industries import ensure_industries
    from listings.models import Industry
    from reference.data import ensure_reference_data
    from reference.models import District, ResponsibleUnit
    from register.indicators import ensure_customs_indicator
    from register.roles import ensure_register_managers
    from services.categories import ensure_categories
    from services.models import ServiceCategory
    from targets.models import Indicator
    from targets.plan import ensure_plan_indicators

    ensure_roles()
    ensure_register_managers()
    ensure_reference_data(District, ResponsibleUnit)
    ensure_categories(ServiceCategory)
    ensure_industries(Industry)
    ensure_plan_indicators(Indicator, ResponsibleUnit)
    ensure_funding_roles()
    ensure_funding_indicators(Indicator, ResponsibleUnit)
    ensure_copyright_roles()
    ensure_copyright_indicators(Indicator, ResponsibleUnit)
    ensure_talent_managers()
    ensure_recognition_indicator(Indicator, ResponsibleUnit)
    ensure_customs_indicator(Indicator, ResponsibleUnit)
    ensure_home_page()
    from evaluations.indicators import ensure_evaluation_indicators
    from evaluations.roles import ensure_evaluation_roles

    ensure_evaluation_roles()
    ensure_evaluation_indicators(Indicator, ResponsibleUnit)
    ensure_patent_analysts()
