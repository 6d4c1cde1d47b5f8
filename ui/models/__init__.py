"""Qt item models that adapt core dataclasses for views; no business logic here."""
