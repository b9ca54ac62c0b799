"""What a wheel carries: every package, the bundled library as ``shiori.seeds``, a version.

The wheel itself is built and installed with a ``--user`` layout by ``.ci/run``; these checks
keep the hand-written package list in ``pyproject.toml`` honest on every test run.
"""

from __future__ import annotations

import importlib.resources
import subprocess
import sys
import tomllib
from pathlib import Path

import shiori
from store import paths

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_package_on_disk_is_in_the_wheel() -> None:
    on_disk = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for top in ("shiori", "store", "tui")
        for p in (ROOT / top).rglob("*.py")
        if "__pycache__" not in p.parts
    }
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    assert on_disk <= listed, f"add {sorted(on_disk - listed)} to pyproject.toml"
    for package in on_disk:
        assert (ROOT / package.replace(".", "/") / "__init__.py").is_file(), package


def test_every_data_file_of_the_code_is_package_data() -> None:
    """A table the code reads (store/japanese/kanjidic.tsv, names.tsv) or a stylesheet left
    out of the wheel fails silently in an installed Shiori: every non-Python file beside the
    code must match a package-data pattern."""
    from fnmatch import fnmatch

    data = PYPROJECT["tool"]["setuptools"]["package-data"]
    missing = []
    for top in ("store", "tui"):
        for path in (ROOT / top).rglob("*"):
            if not path.is_file() or path.suffix in (".py", ".pyc") or "__pycache__" in path.parts:
                continue
            rel = path.relative_to(ROOT)
            covered = False
            for depth in range(1, len(rel.parts)):
                package, inner = ".".join(rel.parts[:depth]), "/".join(rel.parts[depth:])
                covered |= any(fnmatch(inner, pattern) for pattern in data.get(package, ()))
            if not covered:
                missing.append(str(rel))
    assert missing == [], f"add {missing} to [tool.setuptools.package-data]"


def test_the_bundled_library_is_package_data_read_through_importlib_resources() -> None:
    assert PYPROJECT["tool"]["setuptools"]["package-dir"] == {"shiori.seeds": "seeds"}
    assert "shiori.seeds" in PYPROJECT["tool"]["setuptools"]["packages"]
    assert paths.SEEDS_DIR == importlib.resources.files("shiori.seeds") == ROOT / "seeds"
    assert (paths.SEEDS_DIR / "library.toml").is_file()
    assert "project" in PYPROJECT and "data-files" not in PYPROJECT["tool"]["setuptools"]


def test_python_dash_m_shiori_is_the_shiori_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "shiori", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"shiori {shiori.__version__}\n"
    assert (ROOT / "LICENSE").is_file()


def test_the_licence_names_the_code_and_the_data_tables() -> None:
    # the code is MIT; the tables derived from EDRDG dictionaries are CC BY-SA 4.0, and say so
    assert PYPROJECT["project"]["license"] == "MIT AND CC-BY-SA-4.0"
    notice = (ROOT / "LICENSES" / "EDRDG-CC-BY-SA-4.0.md").read_text(encoding="utf-8")
    tables = sorted((ROOT / "store" / "japanese").glob("*.tsv"))
    assert tables
    for table in tables:
        assert f"store/japanese/{table.name}" in notice, table.name
        with table.open(encoding="utf-8") as f:
            head = [f.readline() for _ in range(6)]
        header = "".join(line for line in head if line.startswith("#"))
        assert "CC BY-SA" in header, table.name


def test_the_benchmarks_first_name_still_runs_them_from_a_checkout() -> None:
    # issues and scripts name `python -m tui.bench furigana`; the benchmarks moved to benchmarks/
    result = subprocess.run(
        [sys.executable, "-m", "tui.bench", "no-such-area"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert result.returncode == 2
    assert "usage: python -m benchmarks {" in result.stderr and "furigana" in result.stderr
