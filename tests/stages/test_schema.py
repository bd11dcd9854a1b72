"""generator.stages.schema: the JSON Schema files and the editor-facing problems they produce, each at its line."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from generator.errors import Problem
from generator.stages import schema
from generator.text import yamlio

WHERE = "briefs/a.yml"
VALID = """\
title: Troops
status: draft
source:
  name: Outlet
  url: https://example.org/a?b=1
  author: A. Writer
  published: "2024-05-07"
summary: Two sentences.
key_figures:
  - value: at least 11,000
    label: soldiers
    metric: nk-troops-deployed
quotes:
  - text: We will win.
    speaker: Someone
    role: Minister
topics:
  - North Korea
"""


def problems(text: str, name: str = "annotation") -> list[Problem]:
    return schema.check(yamlio.load(text, WHERE), name)


def only(text: str, name: str = "annotation") -> Problem:
    found = problems(text, name)
    assert len(found) == 1, [str(p) for p in found]
    return found[0]


def replace(old: str, new: str) -> str:
    assert old in VALID
    return VALID.replace(old, new)


# --- the schema files ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", schema.SCHEMA_NAMES)
def test_schema_file_is_a_valid_draft_2020_12_schema(name: str) -> None:
    loaded = schema.schema(name)
    assert loaded["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(loaded)


@pytest.mark.parametrize("name", schema.SCHEMA_NAMES)
def test_schema_file_on_disk_is_what_check_uses(name: str) -> None:
    path = resources.files("generator") / "schemas" / f"{name}.schema.json"
    assert json.loads(path.read_text("utf-8")) == schema.schema(name)


def test_schemas_reject_unknown_fields_everywhere() -> None:
    def objects(node: object) -> list[dict]:
        if isinstance(node, dict):
            found = [node] if node.get("type") == "object" else []
            return found + [o for child in node.values() for o in objects(child)]
        return []

    for name in schema.SCHEMA_NAMES:
        for obj in objects(schema.schema(name)):
            assert obj.get("additionalProperties") is False, (name, sorted(obj.get("properties", {})))


# --- valid input ---------------------------------------------------------------------------------------------------


def test_valid_annotation_has_no_problems() -> None:
    assert problems(VALID) == []


def test_minimal_annotation_has_no_problems() -> None:
    assert problems("title: T\nsource:\n  name: N\nsummary: S\ntopics: [x]\n") == []


def test_valid_topic_registry_has_no_problems() -> None:
    text = "topics:\n  - name: Kim Jong Un\n    kind: person\n    aliases: [Kim]\n    description: Leader.\n"
    assert problems(text, "topics") == []


# --- missing and unknown fields ------------------------------------------------------------------------------------


@pytest.mark.parametrize("field", ["title", "summary", "source", "topics"])
def test_missing_required_field(field: str) -> None:
    lines = VALID.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{field}:"))
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith(" "))
    problem = only("\n".join(lines[:start] + lines[end:]))
    assert f"missing required field '{field}'" in problem.message
    assert problem.location.line == 1


def test_missing_field_in_a_list_item_points_at_the_item() -> None:
    problem = only(replace("    speaker: Someone\n", ""))
    assert "missing required field 'speaker' in quotes[1]" in problem.message
    assert problem.location.line == 14


def test_unknown_top_level_field_suggests_the_right_one() -> None:
    found = problems(replace("summary:", "sumary:"))
    unknown = [p for p in found if "unknown field" in p.message]
    assert len(unknown) == 1
    assert "unknown field 'sumary'" in unknown[0].message
    assert "did you mean 'summary'?" in unknown[0].message
    assert unknown[0].location.line == 8
    assert any("missing required field 'summary'" in p.message for p in found)


def test_unknown_field_in_a_quote_suggests_speaker() -> None:
    found = problems(replace("    speaker: Someone", "    speeker: Someone"))
    unknown = next(p for p in found if "unknown field" in p.message)
    assert "unknown field 'speeker' in quotes[1]; did you mean 'speaker'?" in unknown.message
    assert unknown.location.line == 15


def test_unknown_field_in_source_points_at_the_field() -> None:
    problem = only(replace("  author: A. Writer", "  autor: A. Writer"))
    assert "unknown field 'autor' in source; did you mean 'author'?" in problem.message
    assert problem.location.line == 6


def test_unknown_field_without_a_close_match_lists_the_allowed_ones() -> None:
    problem = only(VALID + "zzzzzz: x\n")
    assert "unknown field 'zzzzzz'" in problem.message
    assert "did you mean" not in problem.message
    allowed = sorted(schema.schema("annotation")["properties"])
    assert f"allowed fields are: {', '.join(allowed)}" in problem.message and "summary" in allowed
    assert problem.location.line == 19


def test_every_unknown_field_is_reported() -> None:
    found = problems(VALID + "sumary: x\ntopicz: y\n")
    messages = " ".join(p.message for p in found)
    assert "'sumary'" in messages
    assert "'topicz'" in messages


# --- wrong types ---------------------------------------------------------------------------------------------------


def test_quotes_as_a_string() -> None:
    problem = only(
        replace("quotes:\n  - text: We will win.\n    speaker: Someone\n    role: Minister\n", "quotes: We will win\n")
    )
    assert problem.message.startswith("quotes must be a list, not the text 'We will win'")
    assert "- " in problem.message
    assert problem.location.line == 13


def test_figure_item_as_a_bare_scalar() -> None:
    problem = only(replace("    metric: nk-troops-deployed\n", "    metric: nk-troops-deployed\n  - 12,000\n"))
    assert problem.message.startswith("key_figures[2] must be a mapping of fields, not the text '12,000'")
    assert problem.location.line == 13


def test_topics_as_a_string() -> None:
    problem = only(replace("topics:\n  - North Korea\n", "topics: North Korea\n"))
    assert problem.message.startswith("topics must be a list, not the text 'North Korea'")
    assert problem.location.line == 17


def test_title_as_a_list() -> None:
    problem = only(replace("title: Troops", "title: [Troops]"))
    assert problem.message.startswith("title must be text, not a list")
    assert problem.location.line == 1


def test_source_as_a_string() -> None:
    text = "title: T\nsource: Outlet\nsummary: S\ntopics: [x]\n"
    problem = only(text)
    assert problem.message.startswith("source must be a mapping of fields, not the text 'Outlet'")
    assert problem.location.line == 2


def test_whole_file_as_a_list() -> None:
    problem = only("- title: T\n")
    assert problem.message.startswith("the file must be a mapping of fields, not a list")
    assert problem.location.line == 1


def test_empty_list_of_topics() -> None:
    problem = only(replace("topics:\n  - North Korea\n", "topics: []\n"))
    assert problem.message == "topics must not be empty"
    assert problem.location.line == 17


def test_empty_summary() -> None:
    problem = only(replace("summary: Two sentences.", "summary: ''"))
    assert problem.message == "summary must not be empty"
    assert problem.location.line == 8


def test_bad_status() -> None:
    problem = only(replace("status: draft", "status: done"))
    assert problem.message == "status is 'done'; use one of 'draft', 'published'"
    assert problem.location.line == 2


def test_too_long_title() -> None:
    problem = only(replace("title: Troops", "title: " + "x" * 301))
    assert "title is too long (limit 300)" in problem.message


# --- patterns ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "ftp://example.org/a", "example.org/a", "https://exa mple.org", "data:text/html,x"]
)
def test_bad_url(url: str) -> None:
    problem = only(replace("https://example.org/a?b=1", f"'{url}'"))
    assert problem.message.startswith(f"source.url {url!r} is not valid")
    assert "http:// or https://" in problem.message
    assert problem.location.line == 5


@pytest.mark.parametrize("date", ["2024-1-5", "24-05-07", "2024/05/07", "May 2024", "2024-05-07T10:00"])
def test_bad_published_pattern(date: str) -> None:
    problem = only(replace('"2024-05-07"', f'"{date}"'))
    assert problem.message.startswith(f"source.published {date!r} is not valid")
    assert "YYYY-MM-DD" in problem.message
    assert problem.location.line == 7


@pytest.mark.parametrize("date", ["2024", "2024-05", "2024-05-07"])
def test_good_published_patterns(date: str) -> None:
    assert problems(replace('"2024-05-07"', f'"{date}"')) == []


@pytest.mark.parametrize("metric", ["NK-troops", "nk_troops", "nk--troops", "-nk", "nk-", "nk troops"])
def test_bad_metric_id(metric: str) -> None:
    problem = only(replace("metric: nk-troops-deployed", f"metric: '{metric}'"))
    assert problem.message.startswith(f"key_figures[1].metric {metric!r} is not valid")
    assert "lowercase letters, digits and single hyphens" in problem.message
    assert problem.location.line == 12


# --- many problems at once -----------------------------------------------------------------------------------------


def test_every_problem_is_at_its_own_line() -> None:
    text = (
        "title: T\n"
        "source:\n"
        "  url: javascript:x\n"
        "summary: S\n"
        "key_figures:\n"
        "  - value: '1'\n"
        "    label: l\n"
        "    metric: Bad_Metric\n"
        "topics: x\n"
    )
    found = {p.location.line: p.message for p in problems(text)}
    assert sorted(found) == [3, 8, 9]
    assert found[3].startswith("source.url")
    assert found[8].startswith("key_figures[1].metric")
    assert found[9].startswith("topics must be a list")
    assert all(str(p).startswith(f"{WHERE}:") for p in problems(text))


# --- topic registry ------------------------------------------------------------------------------------------------


def test_topic_without_description() -> None:
    problem = only("topics:\n  - name: Kim\n  - name: Seoul\n    description: City.\n", "topics")
    assert "missing required field 'description' in topics[1]" in problem.message
    assert problem.location.line == 2


def test_topic_with_bad_kind_and_misspelt_alias_field() -> None:
    text = "topics:\n  - name: Kim\n    kind: human\n    description: Leader.\n  - name: X\n    alias: [Y]\n"
    found = problems(text, "topics")
    by_line = {p.location.line: p.message for p in found}
    assert "topics[1].kind is 'human'" in by_line[3]
    assert "unknown field 'alias' in topics[2]; did you mean 'aliases'?" in by_line[6]


# Any JSON-like value, and annotation-shaped documents with every field's value drawn from it: the fast check
# (fastjsonschema, draft 7) must agree with jsonschema (2020-12) on each.
_ANY = st.recursive(
    st.one_of(st.none(), st.text(max_size=8), st.sampled_from(["", " ", "2024-02-30", "https://a.b", "m-1", "draft"])),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=6), inner, max_size=3)),
    max_leaves=12,
)
_FIELDS = ["title", "source", "summary", "key_figures", "quotes", "topics", "events", "status", "tilte"]
_NESTED = ["value", "label", "metric", "text", "speaker", "role", "date", "what", "sentence", "name", "url"]


@st.composite
def _documents(draw: st.DrawFn) -> object:
    def shaped(keys: list[str]) -> dict:
        return {key: draw(_ANY) for key in draw(st.lists(st.sampled_from(keys), unique=True, max_size=len(keys)))}

    doc = shaped(_FIELDS)
    for field in ("key_figures", "quotes", "events"):
        if draw(st.booleans()):
            doc[field] = [shaped(_NESTED) for _ in range(draw(st.integers(0, 2)))]
    if draw(st.booleans()):
        doc["source"] = shaped(["name", "url", "author", "published", "site"])
    return doc


@settings(max_examples=400, deadline=None)
@given(doc=st.one_of(_documents(), _ANY))
def test_the_fast_check_agrees_with_jsonschema(doc: object) -> None:
    slow = not list(Draft202012Validator(schema.schema("annotation")).iter_errors(doc))
    assert schema.is_valid(doc, "annotation") == slow


def test_the_fast_check_accepts_the_corpus() -> None:
    for path in sorted((Path(__file__).resolve().parents[2] / "briefs").glob("*.yml")):
        doc = yamlio.load(path.read_text("utf-8"), path.name)
        assert schema.is_valid(doc.data, "topics" if path.name == "topics.yml" else "annotation"), path


def _keywords(node: object) -> set[str]:
    """Every JSON Schema keyword used in `node` (property names are not keywords)."""
    if isinstance(node, dict):
        found = set(node) - {"properties"}
        for key, value in node.items():
            found |= set().union(*(_keywords(v) for v in value.values())) if key == "properties" else _keywords(value)
        return found
    if isinstance(node, list):
        return set().union(*(_keywords(v) for v in node)) if node else set()
    return set()


def test_our_schemas_use_only_keywords_that_mean_the_same_in_draft_7() -> None:
    same = {"$schema", "$id", "title", "description", "type", "properties", "required", "additionalProperties"}
    same |= {"items", "pattern", "enum", "minLength", "maxLength", "minItems", "maxItems", "examples", "default"}
    same |= {"minimum", "maximum"}
    same |= {"x-briefing-plain"}  # ours: every draft ignores an x- keyword (schema.plain_fields reads it)
    for name in schema.SCHEMA_NAMES:
        assert _keywords(schema.schema(name)) <= same, name


# Every message is the project's own: none passes on jsonschema's wording, which changes between releases.
JSONSCHEMA_WORDING = (
    "is not of type",
    "is a required property",
    "does not match",
    "is not one of",
    "is too short",
    "should be non-empty",
    "Additional properties",
    "was unexpected",
    "is not valid under",
)
# Keywords that only annotate or hold subschemas: they never fail by themselves.
_NOT_FAILING = {"$schema", "$id", "title", "description", "examples", "default", "properties", "items"}
# Bounds on numbers: editors' tools read an unquoted `published: 2024` as a number, the generator never does (it keeps
# every scalar as the text written), so these can only fail in an editor (tests/test_schema_agreement.py).
_NOT_FAILING |= {"minimum", "maximum"}
_NOT_FAILING |= {"x-briefing-plain"}  # marks a field for the generator, never fails
_TOPIC = "topics:\n  - name: Kim\n    description: Leader.\n"
INVALID = [
    ("annotation", replace("title: Troops", "title: [Troops]")),  # type
    ("annotation", "- title: T\n"),  # type, of the whole file
    ("annotation", "title: T\nsummary: S\n"),  # required, twice
    ("annotation", replace("    speaker: Someone\n", "")),  # required, in a list item
    ("annotation", VALID + "sumary: x\n"),  # additionalProperties
    ("annotation", replace("  author: A. Writer", "  autor: A. Writer")),  # additionalProperties, nested
    ("annotation", replace("https://example.org/a?b=1", "javascript:x")),  # pattern
    ("annotation", replace("title: Troops", "title: '   '")),  # pattern \S
    ("annotation", replace('"2024-05-07"', '"May 2024"')),  # pattern
    ("annotation", replace("status: draft", "status: done")),  # enum
    ("annotation", replace("summary: Two sentences.", "summary: ''")),  # minLength
    ("annotation", replace("title: Troops", "title: " + "x" * 301)),  # maxLength
    ("annotation", replace("topics:\n  - North Korea\n", "topics: []\n")),  # minItems
    ("annotation", replace("topics:\n  - North Korea\n", "topics: [" + ", ".join(["x"] * 51) + "]\n")),  # maxItems
    ("annotation", VALID + "events:\n  - {date: '2024', what: w, sentence: s, topics: []}\n"),  # minItems, nested
    ("topics", _TOPIC.replace("    description: Leader.\n", "")),  # required
    ("topics", _TOPIC + "    kind: human\n"),  # enum
    ("topics", _TOPIC + "    alias: [K]\n"),  # additionalProperties
    ("topics", _TOPIC + "    aliases: K\n"),  # type
    ("topics", "topics:\n  - name: ''\n    description: " + "x" * 501 + "\n"),  # minLength, maxLength
    ("topics", "topicz: []\n"),  # required and additionalProperties at the top
]


@pytest.mark.parametrize(("name", "text"), INVALID)
def test_every_message_is_our_own_wording(name: str, text: str) -> None:
    found = problems(text, name)
    assert found, text
    for problem in found:
        assert not [phrase for phrase in JSONSCHEMA_WORDING if phrase in problem.message], problem.message


def test_the_invalid_documents_fail_every_keyword_our_schemas_use() -> None:
    for name in schema.SCHEMA_NAMES:
        failing = _keywords(schema.schema(name)) - _NOT_FAILING
        assert failing >= {"type", "required", "additionalProperties"}, name
        hit = {
            error.validator
            for case, text in INVALID
            if case == name
            for error in schema._validator(name).iter_errors(yamlio.load(text, WHERE).data)
        }
        assert failing <= hit, (name, sorted(failing - hit))


@settings(max_examples=200, deadline=None)
@given(doc=_documents())
def test_messages_for_any_document_are_our_own_wording(doc: object) -> None:
    text = yaml.safe_dump(doc, allow_unicode=True)
    for problem in problems(text):
        assert not [phrase for phrase in JSONSCHEMA_WORDING if phrase in problem.message], problem.message


def test_each_missing_field_is_reported_once() -> None:
    found = problems("title: T\nsummary: S\n")
    assert [p.message.split(";")[0] for p in found] == [
        "missing required field 'source' in the file",
        "missing required field 'topics' in the file",
    ]
