"""One way to move a record from state to state, for every app that has a workflow.

An app declares its table once, next to its model: the states, each allowed step (from which states, to
which state, who may take it, which timestamps it stamps), how a person's roles on a record are found (the
app's own named-permission and organisation-membership checks) and the event row each step leaves. Domain
functions call `Workflow.apply`; pages ask `Workflow.refusal` / `Workflow.allows` / `Workflow.steps_for`, so
a button is offered exactly when pressing it would work.

    WORKFLOW = Workflow(
        states=Status,
        steps=[step(Status.DRAFT, Status.SUBMITTED, who={"owner"}, stamps=["submitted_at"]), ...],
        roles=roles_on_listing,           # (record, user) -> set of role names; user None is SYSTEM
        event="listings.ListingEvent",    # a `core.models.WorkflowEvent`; its foreign key to the record:
        event_record="listing",
        event_fields=lambda move: {"actor": move.user, "note": move.note},
        messages={ALREADY: _("…%(status)s…"), IMPOSSIBLE: _("…%(status)s…%(to)s…"), FORBIDDEN: _("…")},
    )
    WORKFLOW.apply(listing, Status.SUBMITTED, user=user, refuse=_refused)

`apply` locks the record, re-reads its state, refuses a repeated step (ALREADY), a step the table has not
from this state (IMPOSSIBLE) and a step the person may not take (FORBIDDEN), then sets the state, the stamps
and the caller's other changes, saves, writes the event row and calls the app's notification hook, all in
one transaction. A refusal is raised as what the app's `refuse` makes of a `Refusal` (its own exception
types and messages), `WorkflowError` by default.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from core.models import ActedEvent

SYSTEM = "system"

ALREADY = "already"
IMPOSSIBLE = "impossible"
FORBIDDEN = "forbidden"


class WorkflowError(Exception):
    """A step was refused; the message is shown to the person who tried."""


@dataclass(frozen=True)
class Step:
    """One allowed step: from any of `sources` to `target` (None: the state stays, only the event is kept).

    `name` is what callers ask for: the target state, or an action's name where the app names its steps
    (a rights case is "accepted", "transferred", or just sent a message). `who` holds the roles that may take
    it (empty: anyone the calling domain function let through); `stamps` the datetime fields set to now.
    `unless(record, user)` refuses one person a step their role allows, by the record's history (four eyes:
    who took one step may not take the next); it returns the sentence saying why, or None. A `setback` sends
    the record back or ends it against the applicant (a refusal, a return for correction): its button warns.
    """

    sources: frozenset
    target: str | None
    name: str
    who: frozenset = frozenset()
    stamps: tuple = ()
    unless: object = None
    setback: bool = False


def step(sources, target, *, name=None, who=(), stamps=(), unless=None, setback=False):
    if isinstance(sources, str):
        sources = {sources}
    if name is None:
        name = target
    return Step(frozenset(sources), target, name, frozenset(who), tuple(stamps), unless, setback)


@dataclass(frozen=True)
class Offer:
    """A step offered to a person as a button: its name (the form's value), its label, and whether it warns."""

    name: str
    label: str
    setback: bool


@dataclass(frozen=True)
class Refusal:
    """Why a step cannot be taken: `kind` is ALREADY, IMPOSSIBLE or FORBIDDEN; `message` is for the person."""

    kind: str
    message: str
    record: object

    @property
    def already_done(self):
        return self.kind == ALREADY


@dataclass
class Move:
    """A step being taken, as the event and notification hooks see it."""

    record: object
    step: Step
    from_state: str
    to_state: str
    user: object
    role: str | None
    note: str
    at: object
    extra: dict = field(default_factory=dict)


def _refuse_with_workflow_error(refusal):
    return WorkflowError(refusal.message)


class Workflow:
    """One app's table. `states`: its TextChoices; `steps`: `step(...)`s; `messages`: the refusal sentences by
    kind (`%(name)s %(status)s %(from)s %(to)s %(target)s %(action)s %(actor)s` are filled in; ALREADY falls
    back to IMPOSSIBLE); `roles(record, user)`: the roles a person holds on the record, from the app's own
    permission and membership checks; `role_labels` / `step_labels`: TextChoices naming roles and steps in
    messages; `stamps`: fields every step stamps; `event`: the `core.models.WorkflowEvent` model (or its
    "app.Model" label), `event_record` its foreign key to the record, `event_fields(move)` what else it keeps;
    `notify(move, event)`: run after each step in the same transaction."""

    def __init__(
        self,
        *,
        states,
        steps,
        messages,
        field="status",
        roles=None,
        role_labels=None,
        step_labels=None,
        stamps=(),
        event=None,
        event_record=None,
        event_fields=None,
        notify=None,
    ):
        self.states = states
        self.steps = list(steps)
        self.messages = messages
        self.field = field
        self._roles = roles
        self.role_labels = role_labels
        self.step_labels = step_labels
        # Fields every step stamps (a case's "last step at").
        self.stamps = tuple(stamps)
        self._event = event
        if step_labels is not None and isinstance(event, type) and issubclass(event, ActedEvent):
            # An acted event shows its step with the labels declared here, in the table.
            event.STEPS = step_labels
        self.event_record = event_record
        self.event_fields = event_fields or (lambda move: {})
        self.notify = notify

    # --- Reading the table --------------------------------------------------------------------------------

    def state_of(self, record):
        return getattr(record, self.field) or ""

    def step_from(self, state, name):
        """The step called `name` that may start from `state`, or None."""
        return next((s for s in self.steps if s.name == name and state in s.sources), None)

    def names_from(self, state):
        """Every step name possible from `state`, in the table's order."""
        return list(dict.fromkeys(s.name for s in self.steps if state in s.sources))

    def roles(self, record, user):
        if user is None:
            return {SYSTEM}
        return set(self._roles(record, user)) if self._roles else set()

    def allows(self, record, name, *, state=None):
        """Whether the table has step `name` from the record's state (who may take it aside)."""
        return self.step_from(self.state_of(record) if state is None else state, name) is not None

    def steps_for(self, record, user=None, *, role=None):
        """The step names `user` (or `role`) may take on the record now, in the table's order."""
        roles = {role} if role is not None else self.roles(record, user)
        state = self.state_of(record)
        return [
            s.name
            for s in self.steps
            if state in s.sources and (not s.who or s.who & roles) and not (s.unless and s.unless(record, user))
        ]

    def offers(self, record, user, names=None):
        """The steps `user` may take on the record now, as `Offer`s in the table's order; `names`, if given,
        keeps those a page shows together (the others have forms of their own)."""
        offered = []
        for name in self.steps_for(record, user):
            if (names is None or name in names) and name not in {offer.name for offer in offered}:
                setback = any(s.setback for s in self.steps if s.name == name)
                offered.append(Offer(name, self._label(self.step_labels, name), setback))
        return offered

    def check(self, record, name, user=None, *, role=None):
        """The `Refusal` of step `name` by `user` (or `role`) on the record as it is, or None: it may be taken."""
        state = self.state_of(record)
        chosen = self.step_from(state, name)
        if chosen is None:
            already = name == state or state in {s.target for s in self.steps if s.name == name}
            return self._refusal(ALREADY if already else IMPOSSIBLE, record, state, name, role)
        roles = {role} if role is not None else self.roles(record, user)
        if chosen.who and not chosen.who & roles:
            return self._refusal(FORBIDDEN, record, state, name, role or next(iter(roles), None))
        personal = chosen.unless(record, user) if chosen.unless else None
        if personal:
            return Refusal(FORBIDDEN, str(personal), record)
        return None

    def refusal(self, record, name, user=None, *, role=None):
        """The sentence telling `user` why not (None when they may), for pages and `{% refusal %}`."""
        refused = self.check(record, name, user, role=role)
        return None if refused is None else refused.message

    def may(self, record, name, user=None, *, role=None):
        return self.check(record, name, user, role=role) is None

    def _label(self, choices, value):
        if choices is None or value in (None, ""):
            return value or ""
        try:
            return choices(value).label
        except ValueError:
            return value

    def _refusal(self, kind, record, state, name, role):
        template = self.messages.get(kind) or self.messages[IMPOSSIBLE]
        target = next((s.target for s in self.steps if s.name == name), name)
        status = self._label(self.states, state)
        context = {
            "name": str(record),
            "status": status,
            "from": status,
            "to": self._label(self.states, target),
            "target": self._label(self.states, target),
            "action": self._label(self.step_labels, name),
            "actor": self._label(self.role_labels, role),
        }
        return Refusal(kind, str(template) % context, record)

    # --- Taking a step ------------------------------------------------------------------------------------

    @property
    def event_model(self):
        if isinstance(self._event, str):
            return apps.get_model(self._event)
        return self._event

    def apply(
        self,
        record,
        name,
        *,
        user=None,
        role=None,
        note="",
        changes=None,
        extra=None,
        lock=True,
        refuse=_refuse_with_workflow_error,
        before=None,
        after=None,
    ):
        """Take step `name` on `record` as `user` (or as `role`, e.g. SYSTEM for a task); return the record.

        `lock`: lock the row and re-read the state first (pass False when the caller holds the lock and has
        re-read the record itself). `changes` are other fields the step sets; `extra` goes to the event and
        notification hooks; `before(move)` runs after the checks and before anything is saved (a refund
        that must succeed first); `after(move, event)`, in the same transaction, replaces the workflow's
        `notify` hook for this call. A refusal raises `refuse(Refusal)`.
        """
        with transaction.atomic():
            if lock:
                model = type(record)
                current = model.objects.select_for_update().values_list(self.field, flat=True).get(pk=record.pk)
                setattr(record, self.field, current)
            refused = self.check(record, name, user, role=role)
            if refused is not None:
                raise refuse(refused)
            chosen = self.step_from(self.state_of(record), name)
            if role is None:
                held = self.roles(record, user)
                role = next((r for r in chosen.who if r in held), None) if chosen.who else next(iter(held), None)
            now = timezone.now()
            from_state = self.state_of(record)
            to_state = chosen.target if chosen.target is not None else from_state
            move = Move(record, chosen, from_state, to_state, user, role, (note or "").strip(), now, extra or {})
            if before is not None:
                before(move)
            setattr(record, self.field, to_state)
            fields = {self.field}
            for stamp in (*self.stamps, *chosen.stamps):
                setattr(record, stamp, now)
                fields.add(stamp)
            for attribute, value in (changes or {}).items():
                setattr(record, attribute, value)
                fields.add(attribute)
            if any(f.name == "updated_at" for f in record._meta.concrete_fields):
                fields.add("updated_at")
            record.save(update_fields=sorted(fields))
            event = self.record_event(move)
            after = after or self.notify
            if after is not None:
                after(move, event)
        return record

    def record_event(self, move):
        """Write the event row of `move` (None when the app keeps none)."""
        model = self.event_model
        if model is None:
            return None
        return model.objects.create(
            **{self.event_record: move.record},
            from_status=move.from_state,
            to_status=move.to_state,
            created_at=move.at,
            **self.event_fields(move),
        )
