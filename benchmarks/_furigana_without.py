"""``python -m benchmarks._furigana_without RULE[,RULE...] [shiori furigana options]``.

``shiori furigana`` with the named context rules turned off (``store.japanese.rules.skip_rules``):
the command the furigana benchmark's ablation hands the shared evaluator, so the switch lives
here rather than in the analysis code.
"""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    from store.japanese.rules import skip_rules
    from tui.cli import main as shiori

    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        skip_rules([name for name in argv[0].split(",") if name])
    except ValueError as exc:
        print(f"benchmarks._furigana_without: {exc}", file=sys.stderr)
        return 2
    return shiori(["furigana", *argv[1:]])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
