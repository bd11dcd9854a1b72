"""Safe YAML loading that keeps every scalar as the string the editor wrote and the line of every key and item.

PyYAML's resolver silently turns `no` into False, `010` into 8 and `3.10` into 3.1, keeps the last of two
duplicate keys, and expands alias bombs. We therefore walk libyaml's event stream ourselves (iteratively, so
deep nesting cannot crash the process) and build plain dicts, lists and strings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from ..errors import BriefingError, Location

try:  # libyaml is ~10x faster; the pure-Python parser is a faithful fallback
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 20
MAX_NODES = 50_000

Path_ = tuple[Any, ...]


@dataclass
class Document:
    """A parsed YAML file: plain data plus the 1-based line of every mapping key and sequence item."""

    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    where: str = ""

    def line(self, path: Path_) -> int:
        """The line of `path`, or of its nearest ancestor that has one."""
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)

    def location(self, path: Path_) -> Location:
        return Location(self.where, self.line(path))


@dataclass
class _Frame:
    container: Any
    path: Path_
    key: Any = None
    key_line: int = 0
    expecting_key: bool = True


_HINT = "check the indentation (spaces, not tabs), and that every quote is closed"


def _error(where: str, line: int, message: str) -> BriefingError:
    return BriefingError(Location(where, line), message)


def load(text: str, where: str) -> Document:
    """Parse one YAML document; raise BriefingError with the file and line of the first problem."""
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.split("\n")):
        raise _error(where, 1, "file is empty; write the annotation fields (see README, 'Annotation reference')")
    doc = Document(data=None, where=where)
    try:
        _compose(yaml.parse(text, Loader=_Loader), doc)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        problem = (exc.problem or exc.context or "invalid YAML").rstrip(".")
        if exc.context and exc.context_mark and exc.problem:
            problem += f" ({exc.context} that started on line {exc.context_mark.line + 1})"
        if "\t" in ([*text.split("\n"), ""])[line - 1]:
            problem += " (this line holds a tab character; YAML indents with spaces)"
        raise _error(where, line, f"invalid YAML: {problem}; {_HINT}") from None
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        code = ord(exc.character) if isinstance(exc.character, str) else exc.character
        raise _error(where, line, f"character U+{code:04X} is not allowed in YAML; delete it") from None
    except yaml.YAMLError as exc:
        first = str(exc).split("\n")[0]
        raise _error(where, 1, f"invalid YAML: {first}; {_HINT}") from None
    return doc


def _compose(events: Any, doc: Document) -> None:
    stack: list[_Frame] = []
    documents = 0
    nodes = 0
    for event in events:
        line = event.start_mark.line + 1 if event.start_mark else 1
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise _error(doc.where, line, "more than one YAML document (a second '---'); keep one per file")
            continue
        if isinstance(event, yaml.AliasEvent):
            raise _error(doc.where, line, f"alias '*{event.anchor}' is not allowed; write the value out in full")
        if not isinstance(
            event,
            (
                yaml.ScalarEvent,
                yaml.SequenceStartEvent,
                yaml.MappingStartEvent,
                yaml.SequenceEndEvent,
                yaml.MappingEndEvent,
            ),
        ):
            continue
        if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            finished = stack.pop()
            _attach(stack, doc, finished.container, line)
            continue
        nodes += 1
        if nodes > MAX_NODES:
            raise _error(doc.where, line, f"document has more than {MAX_NODES:,} values; split or shorten it")
        if getattr(event, "anchor", None):
            raise _error(doc.where, line, f"anchor '&{event.anchor}' is not allowed; write each value out in full")
        tag = getattr(event, "tag", None)
        if tag is not None and tag != "!":
            raise _error(doc.where, line, f"YAML tag '{tag}' is not allowed; remove it")
        if isinstance(event, yaml.ScalarEvent):
            value = None if (event.value == "" and not event.style) else event.value
            _attach(stack, doc, value, line, scalar=True)
            continue
        if len(stack) >= MAX_DEPTH:
            raise _error(doc.where, line, f"nested deeper than {MAX_DEPTH} levels; annotations are shallow")
        container: Any = [] if isinstance(event, yaml.SequenceStartEvent) else {}
        path = _child_path(stack)
        if stack:
            _record_line(stack, doc, path, line)
        else:
            doc.lines[()] = line
        stack.append(_Frame(container, path))


def _child_path(stack: list[_Frame]) -> Path_:
    if not stack:
        return ()
    top = stack[-1]
    if isinstance(top.container, list):
        return (*top.path, len(top.container))
    return (*top.path, top.key)


def _record_line(stack: list[_Frame], doc: Document, path: Path_, line: int) -> None:
    top = stack[-1]
    if isinstance(top.container, list):
        doc.lines.setdefault(path, line)
    else:
        doc.lines.setdefault(path, top.key_line)


def _attach(stack: list[_Frame], doc: Document, value: Any, line: int, scalar: bool = False) -> None:
    if not stack:
        doc.data = value
        return
    top = stack[-1]
    if isinstance(top.container, list):
        if scalar:
            doc.lines.setdefault((*top.path, len(top.container)), line)
        top.container.append(value)
        return
    if top.expecting_key:
        if not scalar or value is None:
            raise _error(doc.where, line, "a mapping key must be a plain name; check the indentation")
        if value in top.container:
            first = doc.lines.get((*top.path, value), line)
            raise _error(doc.where, line, f"duplicate key '{value}' (first set on line {first}); keep one")
        top.key, top.key_line, top.expecting_key = value, line, False
        doc.lines[(*top.path, value)] = line
        return
    top.container[top.key] = value
    top.expecting_key = True
