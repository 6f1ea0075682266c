from datetime import date

from register.terms import EventKind, LegalStatus, PatentType, current_status, term_end, trademark_term_end

TODAY = date(2026, 11, 30)


def test_an_invention_runs_twenty_years_from_filing():
    assert term_end(PatentType.INVENTION, date(2010, 3, 5)) == date(2030, 3, 5)


def test_a_utility_model_runs_ten_years():
    assert term_end(PatentType.UTILITY_MODEL, date(2010, 3, 5)) == date(2020, 3, 5)


def test_a_design_filed_before_june_2021_runs_ten_years_and_from_then_on_fifteen():
    assert term_end(PatentType.DESIGN, date(2021, 5, 31)) == date(2031, 5, 31)
    assert term_end(PatentType.DESIGN, date(2021, 6, 1)) == date(2036, 6, 1)


def test_a_term_from_the_twenty_ninth_of_february_ends_on_the_twenty_eighth():
    assert term_end(PatentType.UTILITY_MODEL, date(2016, 2, 29)) == date(2026, 2, 28)


def test_an_application_without_grant_is_pending():
    result = current_status(PatentType.INVENTION, date(2024, 1, 1), [], TODAY)
    assert result.status == LegalStatus.PENDING
    assert not result.in_force


def test_a_grant_date_alone_makes_a_patent_valid():
    result = current_status(PatentType.INVENTION, date(2015, 1, 1), [], TODAY, grant_date=date(2017, 6, 1))
    assert (result.status, result.since) == (LegalStatus.VALID, date(2017, 6, 1))
    assert result.in_force


def test_a_grant_announced_after_today_is_not_yet_in_effect():
    result = current_status(PatentType.INVENTION, date(2024, 1, 1), [(EventKind.GRANT, date(2027, 1, 1))], TODAY)
    assert result.status == LegalStatus.PENDING


def test_an_annuity_lapse_ends_validity_and_a_restoration_brings_it_back():
    events = [(EventKind.GRANT, date(2016, 1, 1)), (EventKind.ANNUITY_LAPSE, date(2020, 3, 1))]
    assert current_status(PatentType.INVENTION, date(2014, 1, 1), events, TODAY).status == LegalStatus.LAPSED
    restored = [*events, (EventKind.RESTORATION, date(2020, 9, 1))]
    assert current_status(PatentType.INVENTION, date(2014, 1, 1), restored, TODAY).status == LegalStatus.VALID


def test_events_are_applied_in_date_order_whatever_order_they_arrive_in():
    events = [(EventKind.ANNUITY_LAPSE, date(2020, 3, 1)), (EventKind.GRANT, date(2016, 1, 1))]
    assert current_status(PatentType.INVENTION, date(2014, 1, 1), events, TODAY).status == LegalStatus.LAPSED


def test_a_transfer_keeps_the_patent_in_force_and_says_so():
    events = [(EventKind.GRANT, date(2016, 1, 1)), (EventKind.TRANSFER, date(2019, 1, 1))]
    result = current_status(PatentType.INVENTION, date(2014, 1, 1), events, TODAY)
    assert result.status == LegalStatus.TRANSFERRED
    assert result.in_force


def test_pledges_and_licences_do_not_change_validity():
    events = [
        (EventKind.GRANT, date(2016, 1, 1)),
        (EventKind.PLEDGE, date(2019, 1, 1)),
        (EventKind.LICENCE, date(2019, 2, 1)),
    ]
    assert current_status(PatentType.INVENTION, date(2014, 1, 1), events, TODAY).status == LegalStatus.VALID


def test_an_invalidated_patent_stays_invalidated_even_after_a_restoration():
    events = [
        (EventKind.GRANT, date(2016, 1, 1)),
        (EventKind.INVALIDATION, date(2018, 1, 1)),
        (EventKind.RESTORATION, date(2019, 1, 1)),
    ]
    assert current_status(PatentType.INVENTION, date(2014, 1, 1), events, TODAY).status == LegalStatus.INVALIDATED


def test_a_valid_patent_past_its_term_has_expired_on_the_terms_last_day():
    result = current_status(PatentType.UTILITY_MODEL, date(2015, 4, 1), [(EventKind.GRANT, date(2015, 12, 1))], TODAY)
    assert (result.status, result.since) == (LegalStatus.EXPIRED, date(2025, 4, 1))


def test_a_patent_whose_term_ends_tomorrow_is_still_valid_today():
    result = current_status(PatentType.UTILITY_MODEL, date(2016, 12, 1), [(EventKind.GRANT, date(2017, 5, 1))], TODAY)
    assert result.status == LegalStatus.VALID


def test_a_patent_that_lapsed_before_its_term_ended_stays_lapsed():
    events = [(EventKind.GRANT, date(2012, 1, 1)), (EventKind.ANNUITY_LAPSE, date(2014, 1, 1))]
    result = current_status(PatentType.UTILITY_MODEL, date(2011, 1, 1), events, TODAY)
    assert (result.status, result.since) == (LegalStatus.LAPSED, date(2014, 1, 1))


def test_a_trademark_registered_on_29_february_runs_to_27_february_ten_years_on():
    assert trademark_term_end(date(2016, 2, 29)) == date(2026, 2, 27)
    assert trademark_term_end(date(2015, 3, 1)) == date(2025, 2, 28)
