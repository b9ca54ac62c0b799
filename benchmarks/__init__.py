"""Benchmarks: ``python -m benchmarks AREA [options]``; each area is a module here with ``main(argv)``."""
