"""Markdown's own structure, read before the line rules: front matter, fences, setext
underlines, thematic breaks, link reference definitions, HTML comments.

- YAML (``---`` … ``---``/``...``) or TOML (``+++`` … ``+++``) front matter at the top: its
  flat keys (``title``, ``author``, ``date``…) go into ``Document.metadata``, never into the text.
- A fenced code block (```` ``` ```` or ``~~~``, three or more, an info string allowed) is kept
  verbatim as one ``code`` block (tabs expanded), closed by a fence of the same character at
  least as long, or by the end of the file.
- ``Title`` over ``===`` or ``---`` is a setext heading (level 1 or 2); a ``---``/``***``/``___``
  line on its own is a thematic break and is dropped.
- ``[label]: url "title"`` lines are link reference definitions: dropped, and ``[text][label]``,
  ``[text][]`` and ``[label]`` read as their text.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field

from store.patterns import compiled

_FENCE = compiled(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})(?P<info>[^`]*)$")
_SETEXT = compiled(r"^ {0,3}(?P<mark>=+|-+)[ \t]*$")
_BREAK = compiled(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")
_LINK_DEF = compiled(r"^ {0,3}\[(?P<label>[^\]\^][^\]]*)\]:[ \t]*(?P<url>\S+)(?:[ \t]+.*)?$")
_FULL_REF = compiled(r"(?<!!)\[(?P<text>[^\]\n]+)\]\[(?P<label>[^\]\n]*)\]")
_YAML_KEY = compiled(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]*(?P<value>.*)$")
_YAML_ITEM = compiled(r"^[ \t]+-[ \t]+(?P<value>.+)$")
_COMMENT_OPEN = "<!--"
_COMMENT_CLOSE = "-->"


@dataclass
class Prepared:
    """What the front matter said, and the link labels the file defines."""

    metadata: dict[str, str] = field(default_factory=dict)
    labels: set[str] = field(default_factory=set)


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def _flat(data: dict[str, object]) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in data.items():
        if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
            joined = ", ".join(str(v) for v in value)
            if joined:
                out[key.lower()] = joined
        elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
            if str(value).strip():
                out[key.lower()] = str(value).strip()
        elif hasattr(value, "isoformat"):  # TOML dates
            out[key.lower()] = value.isoformat()
    if "authors" in out and "author" not in out:
        out["author"] = out.pop("authors")
    return out


def _yaml(lines: list[str]) -> dict[str, str]:
    """The flat part of a YAML front matter: ``key: value`` and ``key:`` with ``- item`` lists
    (nested maps and multi-line strings are left out)."""
    data: dict[str, object] = {}
    key = ""
    for line in lines:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = _YAML_KEY.match(line)
        if m:
            key = m.group("key")
            value = m.group("value").strip()
            if value.startswith("[") and value.endswith("]"):
                data[key] = [_unquote(v) for v in value[1:-1].split(",") if v.strip()]
            elif value and value not in ("|", ">", "|-", ">-"):
                data[key] = _unquote(value.split(" #", 1)[0])
            else:
                data[key] = []
            continue
        item = _YAML_ITEM.match(line)
        items = data.get(key)
        if item and key and isinstance(items, list):
            items.append(_unquote(item.group("value")))
    return _flat(data)


def front_matter(lines: list[str]) -> tuple[dict[str, str], int]:
    """``(metadata, lines it takes)`` of a front matter block opening the file (0 if none)."""
    if not lines:
        return {}, 0
    first = lines[0].strip()
    if first not in ("---", "+++"):
        return {}, 0
    closers = ("---", "...") if first == "---" else ("+++",)
    for end in range(1, min(len(lines), 200)):
        if lines[end].strip() in closers:
            body = lines[1:end]
            if first == "+++":
                try:
                    meta = _flat(tomllib.loads("\n".join(body)))
                except tomllib.TOMLDecodeError:
                    meta = {}
            else:
                if not any(_YAML_KEY.match(line) for line in body):
                    return {}, 0  # a thematic break and some text, not front matter
                meta = _yaml(body)
            return meta, end + 1
    return {}, 0


def prepare(lines: list[str]) -> Prepared:
    """Read the front matter and the link reference definitions, blanking their lines (and
    HTML comments) in place; fenced code is left for :func:`fence_end` to read."""
    prepared = Prepared()
    prepared.metadata, taken = front_matter(lines)
    for i in range(taken):
        lines[i] = ""
    fence = ""
    in_comment = False
    for i in range(taken, len(lines)):
        line = lines[i]
        m = _FENCE.match(line)
        if fence:
            if (
                m
                and m.group("fence")[0] == fence[0]
                and len(m.group("fence")) >= len(fence)
                and not m.group("info").strip()
            ):
                fence = ""
            continue
        if m:
            fence = m.group("fence")
            continue
        if in_comment or line.lstrip().startswith(_COMMENT_OPEN):
            in_comment = _COMMENT_CLOSE not in line
            lines[i] = ""
            continue
        d = _LINK_DEF.match(line)
        if d:
            prepared.labels.add(d.group("label").strip().lower())
            lines[i] = ""
    return prepared


def fence_end(lines: list[str], i: int) -> tuple[int, str] | None:
    """``(index after the block, its text)`` when line ``i`` opens a fenced code block."""
    m = _FENCE.match(lines[i])
    if m is None:
        return None
    fence = m.group("fence")
    indent = len(m.group("indent"))
    body: list[str] = []
    j = i + 1
    while j < len(lines):
        close = _FENCE.match(lines[j])
        if (
            close
            and close.group("fence")[0] == fence[0]
            and len(close.group("fence")) >= len(fence)
            and not close.group("info").strip()
        ):
            return j + 1, "\n".join(body)
        line = lines[j]
        strip = min(indent, len(line) - len(line.lstrip(" ")))
        body.append(line[strip:].expandtabs(4))
        j += 1
    while body and not body[-1].strip():  # unclosed: the file's last newline is not code
        body.pop()
    return j, "\n".join(body)


def setext_level(line: str) -> int:
    """1 for a ``===`` underline, 2 for ``---``, 0 otherwise."""
    m = _SETEXT.match(line)
    if m is None:
        return 0
    return 1 if m.group("mark")[0] == "=" else 2


def is_break(line: str) -> bool:
    """A thematic break (``---``, ``***``, ``___``, spaced or not)."""
    return bool(_BREAK.match(line))


def resolve_references(text: str, labels: set[str]) -> str:
    """``[text][label]`` and ``[text][]`` read as ``text``; ``[label]`` as ``label`` when the
    file defines it."""
    if "[" not in text:
        return text
    text = _FULL_REF.sub(lambda m: m.group("text"), text)
    if labels:
        text = re.sub(
            r"(?<![!\]\\])\[(?P<label>[^\]\^\n][^\]\n]*)\](?![(\[:])",
            lambda m: (
                m.group("label") if m.group("label").strip().lower() in labels else m.group(0)
            ),
            text,
        )
    return text
