"""The shared workflow table, read as pages and domain functions read it (no database needed)."""

from dataclasses import dataclass

import pytest
from django.db import models

from core.workflow import ALREADY, FORBIDDEN, IMPOSSIBLE, SYSTEM, Workflow, WorkflowError, step
from funding.models import ApplicationEvent
from funding.models import Step as FundingStep


class Light(models.TextChoices):
    RED = "red", "Red"
    GREEN = "green", "Green"
    OFF = "off", "Off"


@dataclass
class Lamp:
    status: str
    keeper: str

    def __str__(self):
        return "lamp"


LAMP = Workflow(
    states=Light,
    steps=[
        step(Light.RED, Light.GREEN, who={"keeper"}, stamps=["changed_at"]),
        step(Light.GREEN, Light.RED, who={"keeper"}, setback=True),
        step({Light.RED, Light.GREEN}, Light.OFF, who={SYSTEM}),
    ],
    roles=lambda lamp, user: {"keeper"} if user == lamp.keeper else set(),
    step_labels=Light,
    messages={
        ALREADY: "%(name)s is already %(status)s",
        IMPOSSIBLE: "%(from)s cannot become %(to)s",
        FORBIDDEN: "not yours",
    },
)


def test_a_step_the_table_has_is_open_to_who_may_take_it_only():
    lamp = Lamp(Light.RED, keeper="ann")
    assert LAMP.may(lamp, Light.GREEN, "ann")
    assert LAMP.refusal(lamp, Light.GREEN, "bob") == "not yours"
    assert LAMP.check(lamp, Light.GREEN, "bob").kind == FORBIDDEN


def test_a_repeated_step_is_told_apart_from_an_impossible_one():
    lamp = Lamp(Light.OFF, keeper="ann")
    assert LAMP.check(lamp, Light.OFF, None).kind == ALREADY
    assert LAMP.refusal(lamp, Light.OFF, None) == "lamp is already Off"
    assert LAMP.check(lamp, Light.GREEN, "ann").kind == IMPOSSIBLE
    assert LAMP.refusal(lamp, Light.GREEN, "ann") == "Off cannot become Green"


def test_a_person_is_offered_the_steps_they_may_take_now_labelled_and_setbacks_marked():
    green = Lamp(Light.GREEN, keeper="ann")
    assert [(o.name, o.label, o.setback) for o in LAMP.offers(green, "ann")] == [("red", "Red", True)]
    assert LAMP.offers(green, "bob") == []
    assert [(o.name, o.setback) for o in LAMP.offers(Lamp(Light.RED, keeper="ann"), "ann")] == [("green", False)]
    assert LAMP.offers(Lamp(Light.RED, keeper="ann"), "ann", names=(Light.OFF,)) == []
    assert [o.name for o in LAMP.offers(green, None)] == ["off"]


def test_the_system_takes_the_steps_written_for_it_when_nobody_acts():
    lamp = Lamp(Light.GREEN, keeper="ann")
    assert LAMP.steps_for(lamp, None) == [Light.OFF]
    assert LAMP.steps_for(lamp, "ann") == [Light.RED]
    assert LAMP.steps_for(lamp, "bob") == []


@pytest.mark.django_db
def test_apply_refuses_before_touching_the_record_with_what_refuse_makes():
    lamp = Lamp(Light.OFF, keeper="ann")

    class LampError(Exception):
        pass

    with pytest.raises(LampError, match=IMPOSSIBLE):
        LAMP.apply(lamp, Light.GREEN, user="ann", lock=False, refuse=lambda refusal: LampError(refusal.kind))
    assert lamp.status == Light.OFF
    with pytest.raises(WorkflowError, match="not yours"):
        LAMP.apply(Lamp(Light.RED, keeper="ann"), Light.GREEN, user="bob", lock=False)


def test_an_acted_event_names_its_step_with_the_label_its_workflow_declares():
    assert ApplicationEvent(action=FundingStep.RETURNED).get_action_display() == FundingStep.RETURNED.label
    assert ApplicationEvent(action="retired_step").get_action_display() == "retired_step"
