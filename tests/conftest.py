"""Every test runs against its own data, cache and config folders, never the user's, and as if
outside SSH and tmux (so the clipboard route does not depend on where the suite runs).

Tests need no set-up of their own for this (monkeypatch in a test still wins); subprocesses a
test starts inherit the folders through the environment. Annotation stores opened through
``default_repository()`` during a test are closed after it. Each pytest-xdist worker is its own
process with its own temporary root, so this holds per worker too. What the store writes
while the suite is collected (the compiled patterns, ``store.patterns``) goes to a cache dir of
the session's own, set before anything of Shiori's is imported.

Markers (registered in pyproject.toml), given here by rule so a new test gets them without
asking: ``e2e`` for the tests of ``test_e2e_*.py`` (the installed ``shiori`` in tmux); ``slow``
for those and for every ``async`` test (each drives the whole app through Textual's Pilot,
seconds apiece). A test that is slow for another reason says ``@pytest.mark.slow`` itself.
"""

from __future__ import annotations

import inspect
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ["SHIORI_CACHE_DIR"] = tempfile.mkdtemp(prefix="shiori-tests-cache-")

from store.annotations import repository  # noqa: E402 - after the session's cache dir is set
from tui import line_breaking  # noqa: E402

# Every widget wraps text as the app makes it (ShioriApp installs this at start-up), so a test
# app of a few widgets shows what the real one shows, whatever ran before it.
line_breaking.install()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.name.startswith("test_e2e_"):
            item.add_marker(pytest.mark.e2e)
            item.add_marker(pytest.mark.slow)
        elif isinstance(item, pytest.Function) and inspect.iscoroutinefunction(item.obj):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def _isolated_shiori_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    root: Path = tmp_path_factory.mktemp("shiori-home")
    for name in ("DATA", "CACHE", "CONFIG"):
        monkeypatch.setenv(f"SHIORI_{name}_DIR", str(root / name.lower()))
    for name in ("SSH_CONNECTION", "SSH_TTY", "SSH_CLIENT", "TMUX"):
        monkeypatch.delenv(name, raising=False)
    opened = set(repository._default)
    yield
    for path, repo in list(repository._default.items()):
        if path not in opened:
            repo.close()
            del repository._default[path]


@pytest.fixture
def doc_path(tmp_path: Path) -> Path:
    """A short document of our own (two chapters, the harness's ``TEXT``) outside the library."""
    from annotations_harness import TEXT

    path = tmp_path / "docs" / "hokubei.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(TEXT, encoding="utf-8")
    return path
