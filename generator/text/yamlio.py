"""Safe YAML loading that keeps every scalar as the string the editor wrote and the line of every key and item.

PyYAML's resolver silently turns `no` into False, `010` into 8 and `3.10` into 3.1, keeps the last of two
duplicate keys, and expands alias bombs. We therefore walk libyaml's event stream ourselves (iteratively, so
deep nesting cannot crash the process) and build plain dicts, lists and strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..errors import BriefingError, Location, Problem, ValidationFailed

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
    # problems found while loading that did not stop it (every duplicate key, ...): reported together at the end
    problems: list[Problem] = field(default_factory=list, compare=False, repr=False)

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


_NESTING = (
    f"nesting too deep: more than {MAX_DEPTH} levels of lists and mappings (an annotation needs at most 4); "
    "remove the extra brackets or indentation"
)
_HINT = "check the indentation (spaces, not tabs), and that every quote is closed"
# what libyaml's reader refuses (YAML 1.1 printable characters); we find them all at once, not the first only
_UNPRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8}))")
MAX_ESCAPE_ERRORS = 100
_NULLS = ("", "~", "null", "Null", "NULL")


def _error(where: str, line: int, message: str) -> BriefingError:
    return BriefingError(Location(where, line), message)


def load(text: str, where: str) -> Document:
    """Parse one YAML document; raise BriefingError with the file and line of every problem found.

    Problems that need not stop the parser (each unprintable character, each bad escape, each duplicate key) are
    all collected, so an editor meets them in one run; the first one that does stop it comes with them."""
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.split("\n")):
        raise _error(where, 1, "file is empty; write the annotation fields (see README, 'Annotation reference')")
    doc = Document(data=None, where=where)
    text = _unprintable(text, doc)
    try:
        text = _bad_escapes(text, doc)
        _compose(yaml.parse(text, Loader=_Loader), doc)
    except BriefingError as exc:
        doc.problems.extend(exc.problems)
    except yaml.MarkedYAMLError as exc:
        doc.problems.append(_syntax_problem(exc, text, where))
    except yaml.reader.ReaderError as exc:  # pragma: no cover - _unprintable replaced what the reader refuses
        line = text[: exc.position].count("\n") + 1
        code = ord(exc.character) if isinstance(exc.character, str) else exc.character
        doc.problems.append(Problem(Location(where, line), f"character U+{code:04X} is not allowed in YAML; delete it"))
    except yaml.YAMLError as exc:
        first = str(exc).split("\n")[0]
        doc.problems.append(Problem(Location(where, 1), f"invalid YAML: {first}; {_HINT}"))
    if doc.problems:
        raise ValidationFailed(doc.problems)
    return doc


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str, where: str) -> Problem:
    # libyaml's scanner looks ahead and may refuse deep flow nesting (with wording of its own, which
    # changes between releases) before our composer has seen the events; measure the depth ourselves.
    deep = nesting_problem(text, where)
    if deep:
        return deep
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    problem = (exc.problem or exc.context or "invalid YAML").rstrip(".")
    if exc.context and exc.context_mark and exc.problem:
        problem += f" ({exc.context} that started on line {exc.context_mark.line + 1})"
    if "\t" in ([*text.split("\n"), ""])[line - 1]:
        problem += " (this line holds a tab character; YAML indents with spaces)"
    return Problem(Location(where, line), f"invalid YAML: {problem}; {_HINT}")


def _unprintable(text: str, doc: Document) -> str:
    """Report every character YAML does not allow (one problem per line), and blank them to parse the rest."""
    reported: set[int] = set()
    for match in _UNPRINTABLE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        if line not in reported:
            reported.add(line)
            code = ord(match.group())
            doc.problems.append(
                Problem(Location(doc.where, line), f"character U+{code:04X} is not allowed in YAML; delete it")
            )
    return _UNPRINTABLE.sub(" ", text) if reported else text


def nesting_problem(text: str, where: str) -> Problem | None:
    """The nesting error for a text whose `[`/`{` brackets open deeper than MAX_DEPTH, before any other check."""
    deep_line = _line_of_flow_nesting_beyond(text, MAX_DEPTH)
    return Problem(Location(where, deep_line), _NESTING) if deep_line else None


def _bad_escapes(text: str, doc: Document) -> str:
    """Report every escape that names no character (a lone surrogate such as \\uD800, or beyond U+10FFFF).

    libyaml stops at the first one; each is found, reported and replaced by U+FFFD, and parsing starts again."""
    if "\\u" not in text and "\\U" not in text:
        return text
    for _ in range(MAX_ESCAPE_ERRORS):
        try:
            for _event in yaml.parse(text, Loader=_Loader):
                pass
            return text
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark
            if exc.problem != "found invalid Unicode character escape code" or mark is None:
                return text  # another problem: load() reports it
            start = text.rfind("\\", 0, mark.index + 1)
            match = _ESCAPE.match(text, start) if start >= 0 else None
            if match is None:
                return text
            code = int(match.group(1) or match.group(2), 16)
            what = (
                "a lone surrogate (half of a UTF-16 pair)"
                if 0xD800 <= code <= 0xDFFF
                else "beyond U+10FFFF, the last character"
            )
            doc.problems.append(
                Problem(
                    Location(doc.where, mark.line + 1),
                    f"escape {match.group()} is {what}, not a character; write the character itself "
                    "(or, for a character beyond U+FFFF, one \\U escape of 8 hex digits instead of a \\u pair)",
                )
            )
            text = text[:start] + ("\\uFFFD" if match.group(1) else "\\U0000FFFD") + text[match.end() :]
        except yaml.YAMLError:
            return text
    return text


def _line_of_flow_nesting_beyond(text: str, limit: int) -> int | None:
    """The line where `[`/`{` brackets, outside quotes and comments, first open more than `limit` deep."""
    depth, line, quote, previous = 0, 1, "", "\n"
    chars = iter(text)
    for char in chars:
        if char == "\n":
            line += 1
        if quote:
            if char == "\\" and quote == '"':
                next(chars, None)
            elif char == quote:
                quote = ""
        elif char in "\"'" and previous in " \t\n[{,:":  # an apostrophe inside a word opens nothing
            quote = char
        elif char == "#" and previous in " \t\n":
            for skipped in chars:
                if skipped == "\n":
                    line += 1
                    break
            previous = "\n"
            continue
        elif char in "[{":
            depth += 1
            if depth > limit:
                return line
        elif char in "]}":
            depth = max(depth - 1, 0)
        previous = char
    return None


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
            # a plain null (`~`, `null`) is empty, as every YAML tool and the JSON Schema see it; the rest is text
            value = None if (event.value in _NULLS and not event.style) else event.value
            _attach(stack, doc, value, line, scalar=True)
            continue
        if len(stack) >= MAX_DEPTH:
            raise _error(doc.where, line, _NESTING)
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
            doc.problems.append(
                Problem(Location(doc.where, line), f"duplicate key '{value}' (first set on line {first}); keep one")
            )
        else:
            doc.lines[(*top.path, value)] = line
        top.key, top.key_line, top.expecting_key = value, line, False
        return
    top.container[top.key] = value
    top.expecting_key = True
