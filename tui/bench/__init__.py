"""Benchmarks: ``python -m tui.bench AREA [options]``; each area is a module here with ``main(argv)``."""
