"""``python -m benchmarks AREA ...`` runs one area's benchmark (``--help`` on an area for its options)."""

from __future__ import annotations

import importlib
import pkgutil
import sys

import benchmarks


def main() -> int:
    areas = sorted(
        m.name for m in pkgutil.iter_modules(benchmarks.__path__) if not m.name.startswith("_")
    )
    if len(sys.argv) < 2 or sys.argv[1] not in areas:
        print(f"usage: python -m benchmarks {{{'|'.join(areas)}}} [options]", file=sys.stderr)
        return 2
    module = importlib.import_module(f"benchmarks.{sys.argv[1]}")
    return int(module.main(sys.argv[2:]) or 0)


if __name__ == "__main__":
    sys.exit(main())
