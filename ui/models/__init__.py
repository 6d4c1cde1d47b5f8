"""Qt item models that adapt core dataclasses for views; no business logic here.

``records.RecordListModel`` is the list of the follow-up screens: rows keyed by record
id, updated in place (inserted, removed, moved, rewritten; never reset).
"""
