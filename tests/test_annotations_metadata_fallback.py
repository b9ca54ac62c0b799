"""Citing must not fail because the data dir cannot be read."""

from __future__ import annotations

from typing import Any

from store.annotations.metadata import load_user_metadata


class _UnreadableStore:
    def user_metadata(self, doc_key: str) -> dict[str, Any] | None:
        raise PermissionError(13, "Permission denied", "/data/annotations.json")


def test_unreadable_store_means_no_user_metadata_not_an_error() -> None:
    assert load_user_metadata("seed:x.txt", _UnreadableStore()) is None  # type: ignore[arg-type]  # a fake
