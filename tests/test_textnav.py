"""Where a selection or the cursor goes on from the end of a sentence (``past_sentence_end``):
after a highlight the cursor sat on its 。, and `v )` from there selected 「。参考のため…」."""

from __future__ import annotations

import pytest

from tui.layout.textnav import past_sentence_end, sentence_starts

TEXT = "狼が人の子を乳育する。「猫だ。」と言った。\n参考のため述べよう。 次の文"


def next_start(pos: int) -> int:
    return next(s for s in sentence_starts(TEXT) if s > pos)


@pytest.mark.parametrize(
    ("at", "goes_on_at"),
    [
        ("。「猫", "「猫"),  # on a sentence's 。: the next sentence
        ("。」と", "と言"),  # on a 。 inside brackets: past the 」 too
        ("」と", "と言"),  # on the closing bracket after a 。
        ("。\n参", "参考"),  # on the 。 that ends the paragraph: the next paragraph's first
        ("。 次", "次の"),  # spaces after the 。 are passed over too
    ],
)
def test_from_the_end_of_a_sentence_reading_goes_on_at_the_next(at: str, goes_on_at: str) -> None:
    pos = TEXT.index(at)
    assert past_sentence_end(TEXT, pos, next_start(pos)) == TEXT.index(goes_on_at)


@pytest.mark.parametrize("at", ["狼が", "乳育", "「猫", "猫だ", "言った"])
def test_inside_a_sentence_the_position_stays(at: str) -> None:
    pos = TEXT.index(at)
    assert past_sentence_end(TEXT, pos, next_start(pos)) == pos
