"""Screens: what the app pushes, each composed of widgets from ``tui.widgets``.

- ``main`` — the reading screen (tree | reader | sidebar), with ``annotation_keys`` (its
  annotation bindings) and ``reader_popups`` (opens the footnote and word popups the reader
  asks for);
- ``help`` — every key; ``annotate`` — the highlight dialog; ``metadata_form`` — a document's
  bibliographic fields; ``tag_browser`` — tags across the library; ``citation_dialog`` — a
  citation to copy by hand.
"""
