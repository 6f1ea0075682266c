"""What happens to the thing paid for. Each owning app registers its model's domain functions:

    register_payable(Order, on_paid=orders.record_payment, on_refunded=orders.record_refund)

`on_paid(payable, payment)` and `on_refunded(payable, payment)` run inside the transaction that records
the payment's change, once per change.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class PayableHandlers:
    on_paid: Callable
    on_refunded: Callable


_registry = {}


def register_payable(model, *, on_paid, on_refunded):
    _registry[model] = PayableHandlers(on_paid=on_paid, on_refunded=on_refunded)


def unregister_payable(model):
    _registry.pop(model, None)


def handlers_for(payable):
    try:
        return _registry[type(payable)]
    except KeyError as error:
        raise LookupError(f"{type(payable).__name__} is not registered as payable") from error
