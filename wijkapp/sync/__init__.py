"""Sharing one board between its laptops, offline-first, on Yjs (pycrdt). See docs/sync.md.

The service is :class:`wijkapp.sync.board.BoardSync`. This package file imports nothing, so
light helpers (``wijkapp.sync.numbering``) load without pycrdt or PyNaCl.
"""
