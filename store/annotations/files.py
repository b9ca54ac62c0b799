"""The annotation store's file names, in one place.

Cheap to import on purpose: ``shiori search`` asks whether there is a store at all before it
loads TinyDB and the storage (format and recovery: ``storage.py``).
"""

from __future__ import annotations

from pathlib import Path


def journal_path(snapshot: Path) -> Path:
    """``annotations.journal``: the changes since the snapshot, one line per save."""
    return snapshot.with_suffix(".journal")


def lock_path(snapshot: Path) -> Path:
    return snapshot.with_suffix(".lock")


def backup_path(snapshot: Path, n: int) -> Path:
    """``annotations.json.N``: the N-th newest previous snapshot."""
    return snapshot.with_name(f"{snapshot.name}.{n}")


def store_exists(snapshot: Path) -> bool:
    """Whether the store holds anything: a snapshot, or only a journal (a first session still
    open, or one that ended before folding it), or only a backup to restore."""
    return any(p.exists() for p in (snapshot, journal_path(snapshot), backup_path(snapshot, 1)))
