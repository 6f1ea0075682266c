"""Signals the register sends for other apps to act on."""

from django.dispatch import Signal

# Sent once an import batch has been written and committed (`register.imports.run_import`), with
# `batch`: the early-warning watches (`analysis`) are evaluated against the register as it now stands.
import_finished = Signal()
