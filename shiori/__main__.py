"""``python -m shiori``: the ``shiori`` command."""

import sys

from tui.cli import main

sys.exit(main())
