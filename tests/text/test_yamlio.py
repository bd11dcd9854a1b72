"""generator.text.yamlio: scalars kept as written, line numbers, and every unsafe or broken document rejected."""

from __future__ import annotations

import json
import re

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.errors import BriefingError
from generator.text import yamlio

WHERE = "briefs/a.yml"
LOADERS = [pytest.param(yaml.SafeLoader, id="pure")]
if getattr(yaml, "__with_libyaml__", False):
    LOADERS.append(pytest.param(yaml.CSafeLoader, id="libyaml"))


@pytest.fixture(params=LOADERS, autouse=True)
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> type:
    """Run every test with libyaml and with PyYAML's pure-Python parser (the fallback when libyaml is missing)."""
    monkeypatch.setattr(yamlio, "_Loader", request.param)
    return request.param


def load(text: str) -> yamlio.Document:
    return yamlio.load(text, WHERE)


def error(text: str) -> BriefingError:
    with pytest.raises(BriefingError) as info:
        load(text)
    return info.value


# --- scalars -------------------------------------------------------------------------------------------------------

SCALARS = ["no", "yes", "off", "010", "0o17", "0x1F", "1e3", "3.10", ".inf", "12:30", "2024-02-30", "nil", "None"]


@pytest.mark.parametrize("scalar", SCALARS)
def test_plain_scalar_is_kept_as_written(scalar: str) -> None:
    assert load(f"value: {scalar}\n").data == {"value": scalar}


@pytest.mark.parametrize("scalar", ["~", "null", "Null", "NULL", ""])
def test_plain_null_is_empty_as_every_yaml_tool_reads_it(scalar: str) -> None:
    """The JSON Schema (and so an editor's YAML tool) cannot tell `title:` from `title: null`: neither can we."""
    assert load(f"value: {scalar}\nquoted: '{scalar}'\n").data == {"value": None, "quoted": scalar}


@pytest.mark.parametrize("scalar", SCALARS)
def test_scalar_in_a_list_is_kept_as_written(scalar: str) -> None:
    assert load(f"- {scalar}\n- [{scalar}]\n").data == [scalar, [scalar]]


def test_quoted_and_block_scalars_are_strings() -> None:
    doc = load("a: '010'\nb: \"it's\"\nc: |\n  one\n  two\nd: >\n  p\n  q\n")
    assert doc.data == {"a": "010", "b": "it's", "c": "one\ntwo\n", "d": "p q\n"}


def test_keys_are_kept_as_written() -> None:
    assert load("no: 1\n010: 2\n").data == {"no": "1", "010": "2"}


def test_empty_quoted_value_is_an_empty_string() -> None:
    assert load("a: ''\nb: \"\"\n").data == {"a": "", "b": ""}


def test_empty_plain_value_is_none(loader: type) -> None:
    assert load("a:\nb: x\nc:\n").data == {"a": None, "b": "x", "c": None}
    assert load("- \n- x\n").data == [None, "x"]


@settings(max_examples=100, deadline=None)
@given(
    st.text(
        alphabet=st.characters(categories=("L", "N", "P", "S", "Zs"), exclude_characters="\ufeff\x85"),
        max_size=40,
    )
)
def test_any_double_quoted_text_round_trips(text: str) -> None:
    assert yamlio.load(f"value: {json.dumps(text, ensure_ascii=False)}\n", WHERE).data == {"value": text}


# --- line numbers --------------------------------------------------------------------------------------------------

NESTED = """\
title: T
source:
  name: N
  url: https://example.org/a
quotes:
  - text: hello
    speaker: S
  -
    text: again
    speaker: Z
topics: [one,
  two]
matrix:
- x
- - y
  - z
"""


def test_lines_of_keys_and_items() -> None:
    doc = load(NESTED)
    expected = {
        (): 1,
        ("title",): 1,
        ("source",): 2,
        ("source", "name"): 3,
        ("source", "url"): 4,
        ("quotes",): 5,
        ("quotes", 0): 6,
        ("quotes", 0, "text"): 6,
        ("quotes", 0, "speaker"): 7,
        ("quotes", 1): 9,
        ("quotes", 1, "text"): 9,
        ("quotes", 1, "speaker"): 10,
        ("topics",): 11,
        ("topics", 0): 11,
        ("topics", 1): 12,
        ("matrix",): 13,
        ("matrix", 0): 14,
        ("matrix", 1): 15,
        ("matrix", 1, 0): 15,
        ("matrix", 1, 1): 16,
    }
    assert doc.lines == expected


def test_line_falls_back_to_the_nearest_ancestor() -> None:
    doc = load(NESTED)
    assert doc.line(("quotes", 1, "role")) == 9
    assert doc.line(("source", "published")) == 2
    assert doc.line(("nothing", "here")) == 1
    assert str(doc.location(("quotes", 0, "speaker"))) == f"{WHERE}:7"


def test_lines_after_leading_comments_and_blank_lines() -> None:
    doc = load("# a comment\n\n---\n# another\ntitle: T\n\nsummary: S\n")
    assert doc.line(("title",)) == 5
    assert doc.line(("summary",)) == 7


# --- errors --------------------------------------------------------------------------------------------------------


def test_duplicate_key_names_both_lines() -> None:
    exc = error("title: A\nsummary: S\ntitle: B\n")
    assert exc.location.line == 3
    assert "duplicate key 'title'" in exc.message
    assert "line 1" in exc.message


def test_nested_duplicate_key_names_both_lines() -> None:
    exc = error("title: T\nsource:\n  name: A\n  url: https://x.org\n  name: B\n")
    assert exc.location.line == 5
    assert "duplicate key 'name'" in exc.message
    assert "line 3" in exc.message


def test_same_key_in_sibling_mappings_is_fine() -> None:
    assert load("- name: A\n- name: B\n").data == [{"name": "A"}, {"name": "B"}]


def test_anchor_is_rejected() -> None:
    exc = error("title: T\nsummary: &s Summary\nother: x\n")
    assert exc.location.line == 2
    assert "anchor '&s'" in exc.message


def test_alias_without_anchor_is_rejected() -> None:
    exc = error("title: T\nsummary: *s\n")
    assert exc.location.line == 2
    assert "alias" in exc.message


def test_billion_laughs_is_rejected() -> None:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for name, previous in zip("bcdefghi", "abcdefgh", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    bomb = "\n".join(lines) + "\n"  # 9**9 "lol"s if aliases were expanded
    exc = error(bomb)
    assert exc.location.line == 1
    assert "anchor" in exc.message


@pytest.mark.parametrize(
    "text",
    [
        "cmd: !!python/object/apply:os.system ['echo pwned']\n",
        "n: !!int 3\n",
        "s: !!str 3\n",
        "m: !!map {a: 1}\n",
        "c: !custom x\n",
        "l: !!python/name:os.system\n",
    ],
)
def test_explicit_tags_are_rejected(text: str) -> None:
    exc = error(text)
    assert exc.location.line == 1
    assert "tag" in exc.message


def test_non_specific_tag_is_harmless() -> None:
    assert load("a: ! 010\n").data == {"a": "010"}


def test_tag_on_a_later_line_is_reported_there() -> None:
    exc = error("title: T\nsummary: S\nn: !!int 3\n")
    assert exc.location.line == 3


def assert_nesting_error(exc: BriefingError, line: int) -> None:
    """The project's own error, whatever the YAML backend (libyaml refuses deep flow nesting in words of its own)."""
    assert exc.location.path == WHERE
    assert exc.location.line == line
    assert "nesting" in exc.message
    assert str(yamlio.MAX_DEPTH) in exc.message


def test_flow_nesting_100000_deep_is_an_error_not_a_crash() -> None:
    assert_nesting_error(error("[" * 100_000), line=1)


def test_flow_mapping_nesting_100000_deep_is_an_error_not_a_crash() -> None:
    assert_nesting_error(error("a: " + "{b: " * 100_000), line=1)


def test_flow_nesting_on_a_later_line_is_reported_there() -> None:
    text = "title: 'a [ in quotes' # and [ in a comment\nsummary: don't [\nlist: " + "[" * 5_000 + "\n"
    assert_nesting_error(error(text), line=3)


def test_block_nesting_1000_deep_is_an_error() -> None:
    text = "".join(" " * level + f"k{level}:\n" for level in range(1000))
    assert_nesting_error(error(text), line=yamlio.MAX_DEPTH + 1)


def test_nesting_at_the_limit_is_accepted() -> None:
    text = "".join(" " * level + f"k{level}:\n" for level in range(yamlio.MAX_DEPTH))
    doc = load(text)
    assert doc.line(tuple(f"k{level}" for level in range(yamlio.MAX_DEPTH))) == yamlio.MAX_DEPTH


def test_too_many_values_are_rejected(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlio, "MAX_NODES", 10)
    exc = error("".join(f"- {i}\n" for i in range(20)))
    assert "more than 10 values" in exc.message


def test_tab_indentation_mentions_the_tab() -> None:
    exc = error("title: T\nsource:\n\tname: N\n")
    assert exc.location.line == 3
    assert "holds a tab character" in exc.message


def test_error_without_a_tab_does_not_blame_tabs() -> None:
    assert "tab character" not in error("title: T\nsummary: [a, b\n").message


def test_unclosed_quote_names_where_it_started() -> None:
    exc = error('title: T\nsummary: "never closed\nquotes: x\ntopics: y\n')
    assert "started on line 2" in exc.message


def test_mapping_in_plain_value_points_at_its_line() -> None:
    exc = error("title: T\nsummary: a: b\n")
    assert exc.location.line == 2
    assert "invalid YAML" in exc.message


def test_collection_as_key_is_rejected() -> None:
    exc = error("title: T\n? [a, b]\n: value\n")
    assert exc.location.line == 2
    assert "mapping key" in exc.message


def test_second_document_is_rejected() -> None:
    exc = error("title: A\n---\ntitle: B\n")
    assert exc.location.line == 2
    assert "more than one YAML document" in exc.message


def test_single_document_with_markers_is_accepted() -> None:
    assert load("---\ntitle: A\n...\n").data == {"title": "A"}


@pytest.mark.parametrize("text", ["", "\n\n", "   \n\t\n", "# only a comment\n", "# one\n\n   # two\n"])
def test_empty_or_comment_only_file_is_rejected(text: str) -> None:
    exc = error(text)
    assert exc.location.line == 1
    assert "empty" in exc.message


def test_control_character_is_reported_on_its_line() -> None:
    exc = error("title: T\nsummary: bad \x07 bell\n")
    assert exc.location.line == 2
    assert "\n" not in str(exc)


BROKEN = [
    "title: A\ntitle: B\n",
    "a: &x 1\n",
    "a: *x\n",
    "a: !!int 1\n",
    "[" * 1000,
    "a:\n\tb: 1\n",
    'a: "open\n',
    "a: 'open\n",
    "a: 1\n---\nb: 2\n",
    "",
    "# nothing\n",
    "a: [1, 2\n",
    "a: {b: 1\n",
    "- a\nb: c\n",
    "a: b: c\n",
    "? [k]\n: v\n",
    "a: 1\n  b: 2\n",
    "a: `x`\n",
    "a: @x\n",
    "%YAML 1.1\n%YAML 1.1\n---\na: 1\n",
]


@pytest.mark.parametrize("text", BROKEN)
def test_every_error_starts_with_file_and_line(text: str) -> None:
    exc = error(text)
    assert re.match(rf"^{re.escape(WHERE)}:[1-9][0-9]*: \S", str(exc)), str(exc)
    assert exc.location.line >= 1
    assert exc.location.path == WHERE
