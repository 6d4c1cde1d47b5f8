"""Wijkapp: the memory and the voice of a Dutch neighbourhood platform (wijkplatform).

The core never imports Qt. Everything goes through :class:`wijkapp.workspace.Workspace`.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
