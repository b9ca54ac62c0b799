"""The ``shiori`` subcommands, one module each with ``register(subparsers)`` and ``run(args)``
(``tui.cli`` imports only the one asked for, and none imports Textual at module level)."""
