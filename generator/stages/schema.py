"""The annotation and topic-registry fields, declared once as JSON Schema files that editors' tools also read."""

from __future__ import annotations

import difflib
import json
from functools import cache
from importlib import resources
from typing import Any

import fastjsonschema
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from ..errors import Problem
from ..text.yamlio import Document

SCHEMA_NAMES = ("annotation", "topics")
_TYPE_WORDS = {"object": "a mapping of fields", "array": "a list", "string": "text"}


@cache
def schema(name: str) -> dict[str, Any]:
    """The JSON Schema `name` ('annotation' or 'topics'), as shipped in the package."""
    text = (resources.files("generator") / "schemas" / f"{name}.schema.json").read_text("utf-8")
    return json.loads(text)


@cache
def plain_fields(name: str = "annotation") -> tuple[str, ...]:
    """The optional fields of plain text that schema `name` marks `"x-briefing-plain": true`: validation carries
    them onto the Brief (`Brief.extra`) and the open data shows them, so such a field needs no code of its own."""
    properties = schema(name)["properties"]
    return tuple(key for key, field in properties.items() if field.get("x-briefing-plain"))


def max_length(name: str, *path: str) -> int:
    """The longest text schema `name` allows in a field: max_length("annotation", "quotes", "speaker")."""
    node = schema(name)
    for key in path:
        node = node.get("items", node)["properties"][key]
    return int(node["maxLength"])


@cache
def _validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(schema(name))


@cache
def _fast_validator(name: str) -> Any:
    """The same schema compiled to Python code, about 50x faster than jsonschema on a valid document.

    fastjsonschema knows drafts 4-7 only; the keywords our schemas use (type, properties, required,
    additionalProperties, items, pattern, enum, min/max length and items) mean the same in draft 7 and 2020-12,
    which tests/test_schema.py checks. It answers only valid or not: jsonschema then explains every error."""
    return fastjsonschema.compile({**schema(name), "$schema": "http://json-schema.org/draft-07/schema#"})


def is_valid(data: Any, name: str) -> bool:
    """Whether `data` satisfies schema `name` (the fast check)."""
    try:
        _fast_validator(name)(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


def check(doc: Document, name: str) -> list[Problem]:
    """Every schema problem of `doc`, each at the line of the offending field."""
    if is_valid(doc.data, name):  # the common case, a valid annotation, without jsonschema's cost
        return []
    errors = sorted(_validator(name).iter_errors(doc.data), key=lambda e: [str(p) for p in e.absolute_path])
    errors = [e for e in errors if not (e.validator == "pattern" and e.instance == "")]  # minLength says it
    # jsonschema reports each missing required field as its own error, but each names them all: say each once
    return list(dict.fromkeys(problem for error in errors for problem in _problems(doc, error)))


def _problems(doc: Document, error: ValidationError) -> list[Problem]:
    path = tuple(error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = sorted(error.schema.get("properties", {}))
        unknown = sorted(str(key) for key in error.instance if key not in allowed)
        return [Problem(doc.location((*path, key)), _unknown_field(key, allowed, _field(error))) for key in unknown]
    if error.validator == "required" and isinstance(error.instance, dict):
        # from the schema and the document, not from jsonschema's wording of the message
        missing = [name for name in error.validator_value if name not in error.instance]
        return [Problem(doc.location(path), _missing_field(name, _field(error))) for name in missing]
    return [Problem(doc.location(path), _message(error))]


def _missing_field(name: str, where: str) -> str:
    return f"missing required field '{name}' in {where}; add it (see README, 'Annotation reference')"


def _unknown_field(key: str, allowed: list[str], where: str) -> str:
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'?" if close else f"allowed fields are: {', '.join(allowed)}"
    return f"unknown field '{key}' in {where}; {hint}"


def _field(error: ValidationError) -> str:
    parts = [f"[{p + 1}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path]
    return "".join(parts).lstrip(".") or "the file"


def _message(error: ValidationError) -> str:
    where = _field(error)
    kind = error.validator
    if kind == "type":
        first = error.validator_value[0] if isinstance(error.validator_value, list) else error.validator_value
        wanted = _TYPE_WORDS.get(str(first), str(first))  # ["string", "number", ...]: text, as written
        got = _describe(error.instance)
        return f"{where} must be {wanted}, not {got}; {_type_hint(error)}"
    if kind == "minLength" or (kind == "minItems" and not error.instance):
        return f"{where} must not be empty"
    if kind in ("maxLength", "maxItems"):
        return f"{where} is too long (limit {error.validator_value}); shorten it"
    if kind == "enum":
        options = ", ".join(repr(v) for v in error.validator_value)
        return f"{where} is {error.instance!r}; use one of {options}"
    if kind == "pattern" and error.validator_value == "\\S":
        return f"{where} must not be blank"
    if kind == "pattern":
        return f"{where} {error.instance!r} is not valid: {_pattern_hint(error)}"
    return f"{where}: {error.message}"


def _describe(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"the text {str(value)[:40]!r}"


def _type_hint(error: ValidationError) -> str:
    if error.validator_value == "array":
        return "write one item per line starting with '- '"
    if error.validator_value == "object":
        return "write its fields indented below it (e.g. 'value:' and 'label:')"
    return "write it as plain text"


def _pattern_hint(error: ValidationError) -> str:
    field = error.absolute_path[-1] if error.absolute_path else ""
    return {
        "url": "use a full http:// or https:// address",
        "published": "write the date as YYYY, YYYY-MM or YYYY-MM-DD (in quotes)",
        "metric": "use lowercase letters, digits and single hyphens, e.g. 'nk-troops-deployed'",
    }.get(str(field), f"it must match {error.validator_value}")
