"""The domain and the scriptable commands never load Textual or Rich (docs/design/layers.md)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHECK = (
    "import sys\n"
    "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
    "assert not bad, bad\n"
)


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code + CHECK], cwd=ROOT, capture_output=True, text=True
    )


def test_importing_every_store_module_loads_no_ui() -> None:
    code = (
        "import importlib, pkgutil, store\n"
        "for m in pkgutil.walk_packages(store.__path__, 'store.'):\n"
        "    importlib.import_module(m.name)\n"
    )
    result = _run(code)
    assert result.returncode == 0, result.stderr


def test_the_command_line_entry_loads_no_ui() -> None:
    result = _run("import tui, tui.cli\n")
    assert result.returncode == 0, result.stderr
