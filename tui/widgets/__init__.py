"""Textual widgets: the panes (library tree, reader, annotation sidebar), the header and footer,
and the popups the screens push (footnote, word, search)."""
