"""``resources/`` is found from the source tree, an installed wheel and a frozen bundle."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from wijkapp.paths import resource_path, resources_dir

ROOT = Path(__file__).resolve().parents[2]


def test_source_tree_resources_are_found() -> None:
    assert resources_dir() == ROOT / "resources" or (resources_dir() / "RESOURCES").is_file()
    assert resource_path("RESOURCES").is_file()


def test_wheel_carries_resources_and_finds_them(tmp_path: Path) -> None:
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp_path / "dist"), str(ROOT)],
        capture_output=True, text=True, check=False,
    )
    assert build.returncode == 0, build.stderr
    wheel = next((tmp_path / "dist").glob("wijkapp-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "wijkapp/_resources/RESOURCES" in names
    assert "wijkapp/_resources/guide/nl/handleiding.md" in names  # Help → Handleiding
    assert "wijkapp/_resources/guide/en/hoe-doe-ik.md" in names
    assert "wijkapp/_resources/demo/geleen-zuid.json" in names  # the demo works from a wheel
    assert "ui/__init__.py" in names
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    found = subprocess.run(
        [sys.executable, "-I", "-c",
         "import sys; sys.path.insert(0, sys.argv[1]); from wijkapp.paths import resources_dir; "
         "print(resources_dir())", str(site)],
        capture_output=True, text=True, check=False,
    )
    assert found.returncode == 0, found.stderr
    assert Path(found.stdout.strip()) == site / "wijkapp" / "_resources"


def test_frozen_bundle_resources_are_found(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    (bundle / "resources").mkdir(parents=True)
    (bundle / "resources" / "RESOURCES").write_text("marker", encoding="utf-8")
    found = subprocess.run(
        [sys.executable, "-c",
         "import sys; sys._MEIPASS = sys.argv[1]; from wijkapp.paths import resources_dir; "
         "print(resources_dir())", str(bundle)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert found.returncode == 0, found.stderr
    assert Path(found.stdout.strip()) == bundle / "resources"
