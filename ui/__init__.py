"""The PySide6 desktop front end of Wijkapp. The only package that imports Qt."""
