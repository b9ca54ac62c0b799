"""Textual widgets: each pane of the app is one widget here."""
