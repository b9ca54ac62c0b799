"""Tab and shift+tab in a form move to the next field before the next key is read.

Textual hands each key to the widget focused when the app reads it, and resolves an ordinary
binding later, in that widget's own queue. Keys that reach the app in one burst — typed over a
slow SSH link, sent by tmux, pasted as keystrokes — went to the field being left: "note, Tab,
tags" all ended in the note. As priority bindings, the app runs them as it reads them, so the
keys after a Tab go to the field it moved to.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

FIELD_KEYS: list[BindingType] = [
    Binding("tab", "app.focus_next", "Next field", show=False, priority=True, id="form.next"),
    Binding(
        "shift+tab",
        "app.focus_previous",
        "Previous field",
        show=False,
        priority=True,
        id="form.previous",
    ),
]
