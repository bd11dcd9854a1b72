"""SECURITY.md's numbers are the code's: every limit it states names the constant (or the JSON Schema keyword) it
comes from, and equals it; the limits the loaders and the importer enforce are all stated; the policy it prints is
the one the build writes."""

from __future__ import annotations

import importlib
import json
import re
from pathlib import Path
from typing import Any

from generator.mkdocs import csp

ROOT = Path(__file__).resolve().parents[1]
DOC = (ROOT / "SECURITY.md").read_text("utf-8")
SCHEMAS = ROOT / "generator" / "schemas"
ROW = re.compile(r"^\| (?P<what>[^|]+) \| (?P<limit>[^|]+) \| (?P<where>[^|]+) \|$", re.MULTILINE)
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
# every module whose limits guard untrusted input: each of its MAX_* constants must be in SECURITY.md
GUARDS = (
    "generator.text.textio",
    "generator.text.yamlio",
    "generator.drafting.fetch",
    "generator.drafting.feed",
    "generator.drafting.webpage",
)


def limit_rows() -> list[tuple[str, float, str]]:
    section = DOC.split("## Limits", 1)[1].split("\n## ", 1)[0]
    rows = []
    for row in ROW.finditer(section):
        if row["limit"].strip() in ("Limit", "---"):
            continue
        numbers = NUMBER.findall(row["limit"])
        assert len(numbers) == 1, f"one number per limit: {row[0]}"
        rows.append((row["what"].strip(), float(numbers[0].replace(",", "")), row["where"].strip()))
    return rows


def schema_value(file: str, path: str, keyword: str) -> Any:
    schema = json.loads((SCHEMAS / file).read_text("utf-8"))
    node = schema
    for part in path.split("."):
        node = node["items"] if part == "[]" else node["properties"][part]
        while "$ref" in node:
            node = schema["$defs"][node["$ref"].rsplit("/", 1)[1]]
    return node[keyword]


def code_value(where: str) -> Any:
    names = re.findall(r"`([^`]+)`", where)
    if names[0].endswith(".schema.json"):
        file, path, keyword = names
        return schema_value(file, path, keyword)
    module, constant = names
    return getattr(importlib.import_module(module.removesuffix(".py").replace("/", ".")), constant)


def test_every_limit_stated_is_the_codes() -> None:
    rows = limit_rows()
    assert len(rows) >= 30
    wrong = [
        f"{what}: SECURITY.md says {limit:g}, the code {value}"
        for what, limit, where in rows
        if (value := code_value(where)) != limit
    ]
    assert not wrong, "\n".join(wrong)


def test_every_guarding_limit_is_stated() -> None:
    stated = {re.findall(r"`([^`]+)`", where)[-1] for _, _, where in limit_rows()}
    missing = [
        f"{module}.{name}"
        for module in GUARDS
        for name in vars(importlib.import_module(module))
        if name.startswith("MAX_") and name not in stated
    ]
    assert not missing, f"limits not in SECURITY.md: {missing}"


def test_every_length_limit_of_the_schemas_is_stated() -> None:
    stated = {tuple(re.findall(r"`([^`]+)`", where)) for _, _, where in limit_rows()}

    def limits(file: str) -> set[tuple[str, str, str]]:
        schema = json.loads((SCHEMAS / file).read_text("utf-8"))
        found: set[tuple[str, str, str]] = set()

        def walk(node: dict[str, Any], path: list[str]) -> None:
            while "$ref" in node:
                node = schema["$defs"][node["$ref"].rsplit("/", 1)[1]]
            for keyword in ("maxLength", "maxItems"):
                if keyword in node and "drafted" not in path:  # the drafter's own bookkeeping: one row says it
                    found.add((file, ".".join(path), keyword))
            for key, child in node.get("properties", {}).items():
                walk(child, [*path, key])
            if isinstance(node.get("items"), dict):
                walk(node["items"], [*path, "[]"])
            for alternative in node.get("anyOf", []) + node.get("oneOf", []):
                walk(alternative, path)

        walk(schema, [])
        return found

    # the registry's aliases share the name's limit (one row says both)
    expected = (limits("annotation.schema.json") | limits("topics.schema.json")) - {
        ("topics.schema.json", "topics.[].aliases.[]", "maxLength"),
    }
    missing = sorted(expected - stated)
    assert not missing, f"schema limits not in SECURITY.md: {missing}"
    assert schema_value("topics.schema.json", "topics.[].aliases.[]", "maxLength") == schema_value(
        "topics.schema.json", "topics.[].name", "maxLength"
    )


def test_the_policy_printed_is_the_one_the_build_writes() -> None:
    assert f"\n{csp.policy()}\n" in DOC
    assert "'wasm-unsafe-eval'" in DOC and csp.policy(wasm=True) != csp.policy()
