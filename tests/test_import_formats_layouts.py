"""Documents made from other text than the seeds, in three report styles, set as a typeset
PDF, a word processor's ragged PDF, a Platypus PDF, a web page, an EPUB and a Word document,
and scored as the
hold-out checks score them (``tests/formats_layouts.py``): every true heading, paragraph and
list item found whole with its markers on its notes, every note kept, no debris, the byline's
metadata, and the page a citation names for each paragraph."""

from __future__ import annotations

from pathlib import Path

import pytest
from formats_layouts import FORMATS, STYLES, run  # type: ignore[import-not-found]
from layout_texts import sample_doc  # type: ignore[import-not-found]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("style", STYLES)
def test_documents_made_from_other_text_import_whole(style: str, fmt: str, tmp_path: Path) -> None:
    for seed in (1, 2):
        result = run(sample_doc(seed), style, fmt, tmp_path, seed)
        assert result.headings == 1.0, (seed, result)
        assert result.paragraphs >= 0.95, (seed, result)
        assert result.notes == 1.0 and not result.debris, (seed, result)
        assert result.metadata == 1.0, (seed, result)
        # The PDF renderer reports each block's page: every citation names it.
        assert result.pages == (1.0 if fmt in ("pdf", "ragged") else None), (seed, result)
