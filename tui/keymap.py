"""Keys: the user's keymap file and one list of every binding, for help and the palette.

The keymap lives in ``keymap.toml`` under ``store.paths.config_dir()`` and maps a binding id to
one key or several (comma-separated, or a TOML list)::

    "reader.search" = "slash"
    app.toggle_tree = "T"          # dotted TOML keys mean the same thing
    "reader.down" = ["j", "down"]

It is applied with Textual's ``App.set_keymap``, so the bindings themselves stay the only
source of truth: the help screen and the command palette read them back through
:func:`gather_bindings` (after the keymap is applied), never from a hand-written list.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from store import paths
from store.files import FileProblem, read_regular

if TYPE_CHECKING:
    from textual.app import App
    from textual.dom import DOMNode

FILE_NAME = "keymap.toml"


def keymap_file() -> Path:
    return paths.config_dir() / FILE_NAME


def _flatten(table: dict[str, Any], prefix: str = "") -> Iterable[tuple[str, Any]]:
    for name, value in table.items():
        if isinstance(value, dict):
            yield from _flatten(value, f"{prefix}{name}.")
        else:
            yield f"{prefix}{name}", value


def parse_keymap(text: str, source: str = FILE_NAME) -> tuple[dict[str, str], list[str]]:
    """Binding id -> key string, plus one-line notices for whatever could not be used.

    A file that is not valid TOML yields no keymap at all (defaults are kept); a single bad
    entry is skipped with a notice and the rest still apply.
    """
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return {}, [f"{source}: {exc}; using the default keys"]
    except RecursionError:
        return {}, [f"{source}: nested too deeply to read; using the default keys"]
    keymap: dict[str, str] = {}
    notices: list[str] = []
    for binding_id, value in _flatten(table):
        keys = [value] if isinstance(value, str) else value
        if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
            notices.append(f"{source}: {binding_id} must be a key name or a list of key names")
            continue
        cleaned = ",".join(k.strip() for k in ",".join(keys).split(",") if k.strip())
        if not cleaned:
            notices.append(f"{source}: {binding_id} has no key")
            continue
        keymap[binding_id] = cleaned
    return keymap, notices


def load_keymap(path: Path | None = None) -> tuple[dict[str, str], list[str]]:
    """The user's keymap (empty when there is no file) and notices about problems in it."""
    path = path or keymap_file()
    try:
        text = read_regular(path, limit=1 << 20).decode("utf-8")
    except FileProblem as exc:
        if exc.missing:
            return {}, []
        return {}, [f"{path.name}: cannot read ({exc.why}); using the default keys"]
    except (OSError, UnicodeDecodeError) as exc:
        return {}, [f"{path.name}: cannot read ({type(exc).__name__}); using the default keys"]
    return parse_keymap(text, path.name)


@dataclass(frozen=True)
class BindingInfo:
    """One action as the user can reach it: where, by which keys, doing what."""

    group: str
    keys: tuple[str, ...]
    action: str
    #: The binding's tooltip when it has one (the footer's short label otherwise).
    description: str
    binding_id: str | None
    namespace: DOMNode

    @property
    def keys_display(self) -> str:
        return " ".join(self.keys)


def _describe(action: str) -> str:
    name = action.rsplit(".", 1)[-1].split("(", 1)[0]
    return name.replace("_", " ").strip().capitalize()


#: The group of the app's and the screen's own bindings.
EVERYWHERE = "Everywhere"
#: Bindings of the app or screen whose id starts with one of these get that group instead
#: (the annotation keys live on the main screen but are their own topic); a pane's bindings
#: stay with the pane, where they apply.
ID_GROUPS = {"annotations": "Annotations"}


#: Textual's own actions that do nothing useful in Shiori's panes: the screen's copy of text
#: selected with the mouse (the reader copies its own selection: ctrl+c, y).
IDLE_ACTIONS = frozenset({"screen.copy_text"})
#: Textual's scroll actions that only work in a pane that scrolls sideways.
SIDEWAYS_ACTIONS = frozenset({"scroll_left", "scroll_right", "page_left", "page_right"})


def works_on(node: DOMNode, binding: Any) -> bool:
    """Whether ``binding`` (one of Textual's own, without an id) does anything on ``node``."""
    if binding.action in IDLE_ACTIONS:
        return False
    if binding.action in SIDEWAYS_ACTIONS:
        return bool(getattr(node, "allow_horizontal_scroll", False))
    return True


def _declared(node: DOMNode, app: App[Any]) -> tuple[dict[str, int], dict[str, list[str]]]:
    """For the bindings with an id on ``node``: the order they were declared in (the node's
    own class first) and each one's keys in the order given (the user's keymap's, if any)."""
    order: dict[str, int] = {}
    keys: dict[str, list[str]] = {}
    for cls in type(node).__mro__:
        for binding in cls.__dict__.get("BINDINGS", []):
            if isinstance(binding, tuple) or not getattr(binding, "id", None):
                continue
            order.setdefault(binding.id, len(order))
            keys.setdefault(binding.id, [k.strip() for k in binding.key.split(",")])
    for binding_id, value in (app._keymap or {}).items():
        keys[binding_id] = [k.strip() for k in value.split(",")]
    return order, keys


def _display(app: App[Any], key: str, action: str) -> str:
    """How help shows ``key`` (Textual's display, after the app's own changes)."""
    from textual.binding import Binding

    return app.get_key_display(Binding(key, action))


def gather_bindings(
    app: App[Any],
    nodes: Iterable[tuple[str, DOMNode]],
    taken: Callable[[DOMNode], set[str]] | None = None,
) -> list[BindingInfo]:
    """Every binding of ``nodes`` (group name, node) that works there, with the app's keymap
    applied.

    Keys bound to the same action on the same node are merged into one entry. The order is
    the nodes' order, then each node's own bindings (those with an id) in the order they were
    declared, each with its keys in the order given, then Textual's. ``taken(node)`` names the
    keys a priority binding elsewhere takes from ``node``: those are left out, and a binding
    left with no key at all is not listed (it never runs from the keyboard); Textual's own
    bindings that do nothing in that pane (:func:`works_on`) are not listed either.
    """
    infos: list[BindingInfo] = []
    seen_ids: set[str] = set()
    for group, node in nodes:
        bindings = node._bindings.copy()
        if app._keymap:
            bindings.apply_keymap(app._keymap)
        merged: dict[str, list[Any]] = {}
        lost = taken(node) if taken is not None else set()
        order, declared_keys = _declared(node, app)
        node_infos: list[tuple[int, BindingInfo]] = []
        for key, binding in bindings:
            if binding.system or key in lost:
                continue
            if not binding.id and not works_on(node, binding):
                continue
            entry = merged.setdefault(binding.action, [binding, [], []])
            if binding.id and not entry[0].id:
                entry[0] = binding  # describe the action by our own binding, not Textual's
            display = app.get_key_display(binding)
            # Our own binding's keys first (``g home``, ``q ^q``): they are the ones we name.
            keys = entry[1] if binding.id else entry[2]
            if display not in entry[1] and display not in entry[2]:
                keys.append(display)
        for action, (binding, own_keys, other_keys) in merged.items():
            if binding.id:
                seen_ids.add(binding.id)
                given = [_display(app, k, action) for k in declared_keys.get(binding.id, [])]
                own_keys.sort(key=lambda k: given.index(k) if k in given else len(given))
            group_name = group
            if group == EVERYWHERE:
                group_name = ID_GROUPS.get((binding.id or "").split(".", 1)[0], group)
            info = BindingInfo(
                group=group_name,
                keys=tuple(own_keys + other_keys),
                action=action,
                description=binding.tooltip or binding.description or _describe(action),
                binding_id=binding.id,
                namespace=node,
            )
            rank = order.get(binding.id, len(order)) if binding.id else len(order) + 1
            node_infos.append((rank, info))
        node_infos.sort(key=lambda item: item[0])  # stable: Textual's keep their order
        infos.extend(info for _, info in node_infos)
    return infos


def unknown_ids(keymap: dict[str, str], declared: Iterable[str]) -> list[str]:
    """Binding ids in ``keymap`` that no binding declares (usually a typo in the file)."""
    return sorted(set(keymap) - set(declared))
