"""Developer tool: extract the UI's messages and keep the catalogs in step (babel).

    python -m wijkapp.i18n_tools          extract, update every .po, compile the .mo files
    python -m wijkapp.i18n_tools --check  exit 1 when a catalog lacks a translation
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from .i18n import DOMAIN, LANGUAGES, compile_catalog, locale_dir

ROOT = Path(__file__).resolve().parent.parent
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
#: In the core, also the field labels and undo step names given as plain text to these
#: functions (``ws.store.write("Besluit toegevoegd")``, ``clean_text(x, "De naam")``), which
#: translate them when they are shown (wijkapp.base, wijkapp.timeutil, Workspace.undo_name).
CORE_KEYWORDS = {
    **KEYWORDS,
    "write": (1,), "clean_text": (2,), "check_choice": (3,), "to_iso_date": (2,),
    "to_iso_datetime": (2,), "parse_date": (2,), "parse_datetime": (2,),
    "_require_ref": (3,), "_ref": (2,), "clean_labels": (2,),
}


def extract() -> Catalog:
    """Every message marked with ``_``, ``N_`` or ``ngettext`` in wijkapp/ and ui/."""
    catalog = Catalog(project="Wijkapp", domain=DOMAIN, charset="utf-8")
    for folder in ("wijkapp", "ui"):
        for filename, lineno, message, comments, context in extract_from_dir(
            ROOT / folder, keywords=CORE_KEYWORDS if folder == "wijkapp" else KEYWORDS,
            comment_tags=("Translators:",)
        ):
            texts = message if isinstance(message, tuple) else (message,)
            if not any(ch.isalpha() for text in texts for ch in text or ""):
                continue  # "\n" written to a stream: nothing to translate
            catalog.add(message, None, [(f"{folder}/{filename}", lineno)],
                        auto_comments=comments, context=context)
    return catalog


def po_path(language: str) -> Path:
    """The catalog file of one language."""
    return locale_dir() / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def update(language: str, template: Catalog) -> Catalog:
    """Merge the template into the language's .po (new messages added, old ones kept obsolete)."""
    path = po_path(language)
    if path.exists():
        with open(path, "rb") as handle:
            catalog = read_po(handle, locale=language)
    else:
        catalog = Catalog(locale=language, domain=DOMAIN, project="Wijkapp", charset="utf-8")
    catalog.update(template, no_fuzzy_matching=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        write_po(handle, catalog, omit_header=False, sort_output=True, include_lineno=False,
                 ignore_obsolete=True, width=100)
    return catalog


def missing(language: str, template: Catalog) -> list[str]:
    """Messages of the template without a translation in the language's catalog."""
    path = po_path(language)
    if not path.exists():
        return [m.id for m in template if m.id]  # type: ignore[misc]
    with open(path, "rb") as handle:
        catalog = read_po(handle, locale=language)
    gaps = []
    for message in template:
        if not message.id:
            continue
        found = catalog.get(message.id, message.context)
        strings = found.string if found is not None else None
        if isinstance(strings, tuple):
            ok = all(strings)
        else:
            ok = bool(strings)
        if found is None or not ok or found.fuzzy:
            gaps.append(message.id if isinstance(message.id, str) else message.id[0])
    return gaps


def main(argv: list[str] | None = None) -> int:
    """Run the tool; see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    template = extract()
    code = 0
    for language in LANGUAGES:
        if language == "nl":
            continue  # the source text is Dutch
        if args.check:
            gaps = missing(language, template)
            if gaps:
                print(f"{language}: {len(gaps)} berichten zonder vertaling, bijv. {gaps[:3]}")
                code = 1
            continue
        update(language, template)
        compile_catalog(language)
        print(f"{language}: {len(missing(language, template))} berichten nog te vertalen")
    return code


if __name__ == "__main__":
    sys.exit(main())
