"""The shipped guide: every page exists in Dutch and English, links resolve, and every
menu item or button a "Hoe doe ik…?" page names still exists in the app."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from wijkapp import guide
from wijkapp.i18n_tools import extract, po_path
from wijkapp.paths import resources_dir

ROOT = Path(__file__).resolve().parents[2]
_rules = importlib.util.spec_from_file_location("wijkapp_pruning_guide",
                                                ROOT / "packaging" / "pruning.py")
assert _rules and _rules.loader
pruning = importlib.util.module_from_spec(_rules)
_rules.loader.exec_module(pruning)
LANGUAGES = ("nl", "en")


def ui_strings(language: str) -> set[str]:
    """Every UI string of the app in ``language``, in the form a page cites it."""
    if language == "nl":
        texts = [t for m in extract() if m.id
                 for t in (m.id if isinstance(m.id, tuple) else (m.id,))]
    else:
        with open(po_path(language), "rb") as handle:
            catalog = read_po(handle, locale=language)
        texts = [t for m in catalog if m.id and m.string
                 for t in (m.string if isinstance(m.string, tuple) else (m.string,))]
    return {guide.ui_form(t) for t in texts}


def test_the_manual_in_the_app_is_the_one_in_docs() -> None:
    shipped = guide.page_path(guide.MANUAL, "nl").read_text(encoding="utf-8")
    assert shipped == (ROOT / "docs" / "handleiding.md").read_text(encoding="utf-8"), (
        "copy docs/handleiding.md to resources/guide/nl/handleiding.md")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_exists_with_a_title(language: str) -> None:
    for name in guide.PAGES:
        path = guide.page_path(name, language)
        assert path.parent.name == language, f"{name} has no {language} page"
        assert guide.page_title(path.read_text(encoding="utf-8")), name


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_task_list_links_every_task_and_every_task_links_back(language: str) -> None:
    index = [guide.link_target(h) for h in guide.links(guide.read_page(guide.INDEX, language))]
    assert [t for t in index if t in guide.TASKS] == list(guide.TASKS)
    assert guide.MANUAL in index
    for name in guide.TASKS:
        text = guide.read_page(name, language)
        targets = [guide.link_target(h) for h in guide.links(text)]
        assert guide.INDEX in targets, f"{language}/{name} has no link back to the list"
        assert all(t in guide.PAGES for t in targets), (name, targets)
        steps = [line for line in text.splitlines() if line[:3] in ("1. ", "2. ", "3. ")]
        assert len(steps) >= 3, f"{language}/{name} has no numbered steps"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_name_a_task_page_cites_exists_in_the_app(language: str) -> None:
    known = ui_strings(language)
    stale = [(name, cited) for name in (guide.INDEX, *guide.TASKS)
             for cited in guide.cited_names(guide.read_page(name, language))
             if guide.ui_form(cited) not in known]
    assert stale == []


def test_a_renamed_button_is_caught() -> None:
    assert "Nieuwe vergadering" in ui_strings("nl")
    assert "Nieuwe bijeenkomst" not in ui_strings("nl")
    page = "1. Klik op **Bestand → Exporteren…** en dan op **Nieuwe bijeenkomst** (**Ctrl+E**)."
    assert guide.cited_names(page) == ["Bestand", "Exporteren…", "Nieuwe bijeenkomst"]
    assert guide.ui_form("Exporteren…") == "Exporteren"
    assert guide.ui_form("1. Wat wilt u &maken?") == "Wat wilt u maken?"
    assert guide.ui_form("Volgend punt →") == "Volgend punt"


def test_english_falls_back_to_dutch_and_names_never_leave_the_folder() -> None:
    assert guide.page_path(guide.INDEX, "fr").parent.name == "nl"
    for bad in ("../RESOURCES", "..", "/etc/passwd", "Hoe", ""):
        with pytest.raises(FileNotFoundError):
            guide.page_path(bad)
    assert guide.link_target("notuleren.md") == "notuleren"
    assert guide.link_target("../x.md") is None
    assert guide.link_target("https://example.org") is None


def test_the_guide_travels_in_the_frozen_bundle_and_the_wheel() -> None:
    spec = (ROOT / "packaging" / "wijkapp.spec").read_text(encoding="utf-8")
    assert '(str(ROOT / "resources"), "resources")' in spec
    assert '"resources" = "wijkapp/_resources"' in (ROOT / "pyproject.toml").read_text()
    for path in (resources_dir() / "guide").rglob("*"):
        relative = Path("resources") / path.relative_to(resources_dir())
        assert pruning.drop_reason(relative) is None, relative


def test_the_selftest_of_a_build_misses_a_missing_page(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.selftest import SelftestError, _guide_is_there

    _guide_is_there()  # the source tree has every page
    bundle = tmp_path / "resources"
    (bundle / "guide").mkdir(parents=True)
    (bundle / "RESOURCES").write_text("marker", encoding="utf-8")
    for language in ("nl", "en"):
        (bundle / "guide" / language).mkdir()
        for name in guide.PAGES:
            (bundle / "guide" / language / f"{name}.md").write_text("# x\n", encoding="utf-8")
    (bundle / "guide" / "en" / "notuleren.md").unlink()
    monkeypatch.setenv("WIJKAPP_RESOURCES", str(bundle))
    with pytest.raises(SelftestError, match="en/notuleren.md"):
        _guide_is_there()


def test_the_task_pages_are_plain_dutch() -> None:
    from tests.plainlang.test_own_words_pass import _unexplained
    from wijkapp.plainlang import Level, analyse_text

    for name in (guide.INDEX, *guide.TASKS):
        paragraphs = guide.read_page(name, "nl").split("\n\n")
        assert _unexplained(paragraphs) == {}, name
        hard = [s.text for p in paragraphs for s in analyse_text(p).sentences
                if s.level is Level.MOEILIJK]
        assert hard == [], name
