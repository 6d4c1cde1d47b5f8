"""Small GUI operations over the core, run off the GUI thread (like Anki's aqt/operations)."""

from .base import CoreOp, run_in_background

__all__ = ["CoreOp", "run_in_background"]
