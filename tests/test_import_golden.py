"""Golden ``shiori inspect --json`` output for the five bundled seeds.

Each golden was read block by block against its source before it was frozen. After a
deliberate change to the importer, regenerate with::

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_import_golden.py

and read the diff before committing it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
GOLDEN = Path(__file__).resolve().parent / "golden" / "inspect"


def _inspect(path: Path, tmp_path: Path) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "tui.cli", "inspect", str(path), "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_every_seed_has_a_golden_and_every_golden_a_seed() -> None:
    assert SEEDS and sorted(p.stem for p in SEEDS) == sorted(p.stem for p in GOLDEN.glob("*.json"))


@pytest.mark.parametrize("seed", SEEDS, ids=[p.stem for p in SEEDS])
def test_inspect_matches_golden(seed: Path, tmp_path: Path) -> None:
    out = _inspect(seed, tmp_path)
    golden = GOLDEN / f"{seed.stem}.json"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(out, encoding="utf-8")
    assert golden.exists(), f"no golden for {seed.name}: run with UPDATE_GOLDEN=1"
    assert json.loads(out) == json.loads(golden.read_text(encoding="utf-8"))
