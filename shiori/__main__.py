"""``python -m shiori``: the ``shiori`` command."""

from tui.cli import entry

entry()
