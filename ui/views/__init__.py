"""The screens of the main window; each view follows the contract in ``ui/main_window.py``.

``class XView(QWidget)`` with ``(ws, bus, parent=None)``, a Dutch ``nav_title``,
``refresh(changes=None)`` and ``open_record(kind, record_id)``.
"""
