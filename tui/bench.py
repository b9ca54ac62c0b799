"""``python -m tui.bench AREA``: the benchmarks' first name, kept for the scripts and issues
that use it. The benchmarks live in ``benchmarks/`` of a source checkout (they read the shared
bench data beside it and are not installed): this forwards to ``python -m benchmarks AREA``."""

from __future__ import annotations

import sys


def main() -> int:
    try:
        from benchmarks.__main__ import main as run_benchmark
    except ImportError:
        print(
            "shiori: the benchmarks are in the source checkout: run "
            "`python -m benchmarks AREA` at its top",
            file=sys.stderr,
        )
        return 2
    return run_benchmark()


if __name__ == "__main__":
    sys.exit(main())
