"""``python -m benchmarks seed_readings --tsv``: the review's rows stay rows to diff."""

from __future__ import annotations

import pytest

from benchmarks import seed_readings


def test_every_reading_is_one_row_of_eight_fields(capsys: pytest.CaptureFixture[str]) -> None:
    # this paper has table cells of several lines: their context once split rows
    assert seed_readings.main(["--tsv", "--seed", "nakabayashi"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert len(rows) > 500
    assert all(len(row.split("\t")) == 8 for row in rows)
    assert any("⏎" in row.split("\t")[7] for row in rows)
