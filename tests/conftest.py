"""Every test runs against its own data, cache and config folders, never the user's.

Tests that care set these themselves (monkeypatch wins over this fixture); subprocesses a test
starts inherit them through the environment.
"""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _isolated_shiori_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    root: Path = tmp_path_factory.mktemp("shiori-home")
    for name in ("DATA", "CACHE", "CONFIG"):
        monkeypatch.setenv(f"SHIORI_{name}_DIR", str(root / name.lower()))
