"""Two people taking the last place at the same moment: the course row lock lets only one in."""

import threading

import pytest
from django.db import connection, connections

from tests.factories import UserFactory
from training import enrolments
from training.models import Enrolment

from .factories import make_course


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_enrolments_cannot_both_take_the_last_place():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (SQLite has no row locks): set DATABASE_URL to run it")
    course = make_course(capacity=1)
    people = [UserFactory(), UserFactory()]
    start = threading.Barrier(2)
    errors = []

    def take_place(person):
        try:
            start.wait()
            enrolments.enrol(course, person)
        except Exception as error:  # surfaced below; a thread must not swallow it
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=take_place, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    statuses = sorted(Enrolment.objects.filter(course=course).values_list("status", flat=True))
    assert statuses == [Enrolment.Status.CONFIRMED, Enrolment.Status.WAITING]
