"""Every problem of a file in one run: each hostile case is built into a site that was good, and must fail with
exactly the expected `file:line: message` lines (no round of fix-and-rebuild hides the next one), write nothing,
and leave the previous site and its generated pages byte-identical."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import run, tree_digest

TARGET = "nk-troops-defecting"
OTHER = "nk-upgrades-army-in-ukraine"


@pytest.fixture
def project(built_project: Path, tmp_path: Path) -> Path:
    """A copy of the good site (conftest's built_project), for a case to break."""
    return Path(shutil.copytree(built_project, tmp_path / "project", symlinks=True))


def path_of(project: Path, name: str) -> Path:
    return project / "briefs" / name


def edit(project: Path, name: str, old: str, new: str) -> None:
    path = path_of(project, name)
    text = path.read_text("utf-8")
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, 1), "utf-8")


def line_of(project: Path, name: str, needle: str, nth: int = 1) -> int:
    lines = path_of(project, name).read_text("utf-8").split("\n")
    found = [number for number, line in enumerate(lines, start=1) if needle in line]
    assert len(found) >= nth, (name, needle)
    return found[nth - 1]


def build_fails(project: Path, expected: list[tuple[str, int, str]]) -> list[str]:
    """`briefing build` fails with exactly these errors (file, line, start of the message), writes nothing and
    leaves site/ and site_src/ as they were."""
    before = (tree_digest(project / "site"), tree_digest(project / "site_src"))
    result = run(["briefing", "build"], cwd=project)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("briefs/") and ": warning: " not in ln]
    for name, line, message in expected:
        prefix = f"briefs/{name}:{line}: {message}"
        assert any(e.startswith(prefix) for e in errors), f"{prefix!r} not in:\n" + "\n".join(errors)
    assert len(errors) == len(expected), "\n".join(errors)
    count = len(expected)
    assert f"{count} error{'s' if count != 1 else ''}; nothing was written." in result.stderr, result.stderr
    assert (tree_digest(project / "site"), tree_digest(project / "site_src")) == before
    return errors


Case = Callable[[Path], list[tuple[str, int, str]]]
Y = f"{TARGET}.yml"
T = f"{TARGET}.txt"


# --- loading: every problem of the YAML file at once ----------------------------------------------------------------


def three_duplicate_keys(p: Path) -> list[tuple[str, int, str]]:
    edit(p, Y, "topics:\n", "title: Again\nsummary: Again\nstatus: draft\ntopics:\n")
    first = {key: line_of(p, Y, f"{key}:") for key in ("title", "summary", "status")}
    return [
        (Y, line_of(p, Y, f"{key}:", 2), f"duplicate key '{key}' (first set on line {first[key]}); keep one")
        for key in first
    ]


def nested_and_top_level_duplicates(p: Path) -> list[tuple[str, int, str]]:
    edit(p, Y, "    metric: nk-troops-deployed\n", "    metric: nk-troops-deployed\n    label: twice\n")
    edit(p, Y, "quotes: []\n", "quotes: []\nquotes: []\n")
    return [
        (Y, line_of(p, Y, "label: twice"), f"duplicate key 'label' (first set on line {line_of(p, Y, 'label:')})"),
        (Y, line_of(p, Y, "quotes: []", 2), f"duplicate key 'quotes' (first set on line {line_of(p, Y, 'quotes:')})"),
    ]


def lone_surrogates_in_three_fields(p: Path) -> list[tuple[str, int, str]]:
    edit(p, Y, 'title: "North', 'title: "\\uD800North')
    edit(p, Y, "  - Russia\n", '  - "Rus\\uDC00sia"\n')
    edit(p, Y, 'what: "Putin visits', 'what: "Putin \\uDBFF visits')
    message = "escape \\u{} is a lone surrogate (half of a UTF-16 pair), not a character; write the character itself"
    return [
        (Y, line_of(p, Y, "title:"), message.format("D800")),
        (Y, line_of(p, Y, "Rus\\uDC00sia"), message.format("DC00")),
        (Y, line_of(p, Y, "Putin \\uDBFF"), message.format("DBFF")),
    ]


def surrogate_pair_and_escape_beyond_unicode(p: Path) -> list[tuple[str, int, str]]:
    edit(p, Y, 'title: "North', 'title: "\\uD83D\\uDE00 North')
    edit(p, Y, "  - Russia\n", '  - "Russia \\U00110000"\n')
    title = line_of(p, Y, "title:")
    return [
        (Y, title, "escape \\uD83D is a lone surrogate"),
        (Y, title, "escape \\uDE00 is a lone surrogate"),
        (Y, line_of(p, Y, "U00110000"), "escape \\U00110000 is beyond U+10FFFF, the last character, not a character"),
    ]


def raw_control_characters_and_a_duplicate_key(p: Path) -> list[tuple[str, int, str]]:
    edit(p, Y, "  - Russia\n", "  - Rus\x01sia\n")
    edit(p, Y, "  - Ukraine\n", "  - Ukr\x7faine\n")
    edit(p, Y, "  - Defectors\n", "  - Defec\x1btors\n")
    edit(p, Y, "quotes: []\n", "quotes: []\nquotes: []\n")
    return [
        (Y, line_of(p, Y, "Rus\x01"), "character U+0001 is not allowed in YAML; delete it"),
        (Y, line_of(p, Y, "Ukr\x7f"), "character U+007F is not allowed in YAML; delete it"),
        (Y, line_of(p, Y, "Defec\x1b"), "character U+001B is not allowed in YAML; delete it"),
        (Y, line_of(p, Y, "quotes: []", 2), "duplicate key 'quotes'"),
    ]


def control_character_and_syntax_error(p: Path) -> list[tuple[str, int, str]]:
    edit(p, Y, "  - Russia\n", "  - Rus\x02sia\n")
    edit(p, Y, "quotes: []\n", "quotes: a: b\n")
    return [
        (Y, line_of(p, Y, "Rus\x02"), "character U+0002 is not allowed in YAML; delete it"),
        (Y, line_of(p, Y, "quotes: a: b"), "invalid YAML: mapping values are not allowed"),
    ]


def nul_in_article_and_control_characters_in_three_fields(p: Path) -> list[tuple[str, int, str]]:
    path_of(p, T).write_bytes(path_of(p, T).read_bytes() + b"\n\x00tail")
    edit(p, Y, 'title: "North', 'title: "\\x01North')
    edit(p, Y, "  - Russia\n", '  - "Ru\\x7fssia"\n')
    edit(p, Y, 'what: "Putin visits', 'what: "\\x02Putin visits')
    nul = path_of(p, T).read_text("utf-8").split("\n").index("\x00tail") + 1
    return [
        (T, nul, "NUL byte in file; remove it (the file may be binary)"),
        (Y, line_of(p, Y, "title:"), "contains a control character; delete it"),
        (Y, line_of(p, Y, "Ru\\x7f"), "contains a control character; delete it"),
        (Y, line_of(p, Y, "\\x02Putin"), "contains a control character; delete it"),
    ]


def missing_article_and_a_schema_error(p: Path) -> list[tuple[str, int, str]]:
    path_of(p, T).unlink()
    edit(p, Y, "status: published", "status: publish")
    return [
        (Y, 1, f"no article for this annotation; put its text in briefs/{T}"),
        (Y, line_of(p, Y, "status:"), "status is 'publish'; use one of 'draft', 'published'"),
    ]


def empty_article_and_a_zero_width_topic(p: Path) -> list[tuple[str, int, str]]:
    path_of(p, T).write_text("  \n", "utf-8")
    edit(p, Y, "  - Russia\n", '  - "Rus\\u200bsia"\n')
    return [
        (T, 1, "article is empty; paste the article text into it"),
        (Y, line_of(p, Y, "Rus\\u200b"), "contains an invisible zero-width character; delete it"),
    ]


def deep_flow_nesting_on_one_huge_line(p: Path) -> list[tuple[str, int, str]]:
    path_of(p, Y).write_text("title: " + "[" * 60_000 + "]" * 60_000 + "\n", "utf-8")
    return [
        (Y, 1, "line is 120,007 characters, over the limit of 100,000"),
        (Y, 1, "nesting too deep: more than 20 levels of lists and mappings"),
    ]


def deep_nesting_below_the_line_limit(p: Path) -> list[tuple[str, int, str]]:
    edit(p, Y, "quotes: []\n", "quotes: []\nx: " + "[" * 30 + "]" * 30 + "\n")
    return [(Y, line_of(p, Y, "x: [["), "nesting too deep: more than 20 levels")]


def deep_block_nesting(p: Path) -> list[tuple[str, int, str]]:
    path_of(p, Y).write_text("".join("  " * i + f"k{i}:\n" for i in range(400)), "utf-8")
    return [(Y, 21, "nesting too deep: more than 20 levels")]


# --- checks against the article run beside schema errors ---------------------------------------------------------


def schema_error_does_not_hide_a_missing_figure(p: Path) -> list[tuple[str, int, str]]:
    edit(p, Y, "status: published", "status: publish")
    edit(p, Y, 'value: "12,000"', 'value: "13,000"')
    return [
        (Y, line_of(p, Y, "status:"), "status is 'publish'; use one of 'draft', 'published'"),
        (Y, line_of(p, Y, "value:"), 'figure value not found in article: "13,000"'),
    ]


def unknown_field_does_not_hide_a_missing_quote_or_event_sentence(p: Path) -> list[tuple[str, int, str]]:
    edit(p, Y, "quotes: []\n", 'quotes:\n  - text: "We shall overcome"\n    speaker: Kim Jong Un\n    mood: x\n')
    edit(p, Y, "cementing a strategic partnership.", "sealing a partnership.")
    return [
        (Y, line_of(p, Y, "mood:"), "unknown field 'mood' in quotes[1]"),
        (Y, line_of(p, Y, "We shall"), 'quote not found in article: "We shall overcome" (speaker: Kim Jong Un)'),
        (Y, line_of(p, Y, "sealing a partnership"), "event sentence not found in article"),
    ]


def broken_entries_are_skipped_but_the_others_checked(p: Path) -> list[tuple[str, int, str]]:
    edit(
        p,
        Y,
        "quotes: []\n",
        'quotes:\n  - text: [not, text]\n    speaker: A\n  - text: "Nobody said this"\n    speaker: B\n',
    )
    edit(p, Y, "key_figures:\n", "key_figures:\n  - 99\n")
    return [
        (Y, line_of(p, Y, "  - 99"), "key_figures[1] must be a mapping of fields, not the text '99'"),
        (Y, line_of(p, Y, "text: [not"), "quotes[1].text must be text, not a list"),
        (Y, line_of(p, Y, "Nobody said"), 'quote not found in article: "Nobody said this" (speaker: B)'),
    ]


def two_quotes_alike_are_told_apart_by_speaker(p: Path) -> list[tuple[str, int, str]]:
    edit(
        p,
        OTHER + ".yml",
        'speaker: "Yaroslav Chepurnyi"',
        'speaker: "Yaroslav Chepurnyi"\n  - text: "They are young, motivated"\n    speaker: "Andrii Yusov"',
    )
    edit(p, OTHER + ".yml", "They are young, motivated, physically", "They are old, motivated, physically")
    name = OTHER + ".yml"
    return [
        (name, line_of(p, name, "They are old"), 'quote not found in article: "They are old, motivated, physically'),
    ]


def null_and_tilde_are_empty(p: Path) -> list[tuple[str, int, str]]:
    edit(p, Y, 'title: "North Korean Troops Defecting from Russia\'s War in Ukraine"', "title: null")
    edit(p, Y, "  - Casualties\n", "  - ~\n")
    edit(p, Y, "metric: nk-troops-deployed", 'metric: ""')
    return [
        (Y, line_of(p, Y, "title: null"), "title must be text, not empty"),
        (Y, line_of(p, Y, 'metric: ""'), "key_figures[1].metric must not be empty"),
        (Y, line_of(p, Y, "  - ~"), "topics[5] must be text, not empty"),
    ]


# --- look-alike topics: every pair in one run ------------------------------------------------------------------


def lookalike_topics_in_the_registry(p: Path) -> list[tuple[str, int, str]]:
    registry = "topics.yml"
    edit(
        p,
        registry,
        "topics:\n",
        "topics:\n"
        '  - name: "KURSK"\n    description: "Twice."\n'
        '    aliases: ["Kursk\u2011Region", "DPRK!", "Kur\u0455k Oblast"]\n'
        '  - name: "Casualties\u00a0"\n    description: "Twice."\n',
    )
    kursk = line_of(p, registry, "  - name: Kursk")
    first = line_of(p, registry, '"KURSK"')
    return [
        (
            registry,
            line_of(p, registry, "  - name: Casualties"),
            "topic 'Casualties' has the same page name 'casualties' as 'Casualties\\xa0'",
        ),
        (registry, kursk, "topic 'Kursk' has the same page name 'kursk' as 'KURSK'"),
        (
            registry,
            kursk,
            f"'Kursk region' looks like 'Kursk\u2011Region' of topic 'KURSK' (briefs/{registry}:{first})",
        ),
        (
            registry,
            kursk,
            f"'Kursk Oblast' looks like 'Kur\u0455k Oblast' of topic 'KURSK' (briefs/{registry}:{first})",
        ),
        (registry, line_of(p, registry, "  - name: North Korea"), "'DPRK' looks like 'DPRK!' of topic 'KURSK'"),
    ]


def lookalike_topics_in_briefs(p: Path) -> list[tuple[str, int, str]]:
    variants = ["Ukra\u00efne", "North\u00a0Korea", "R\u0443ssia", "Kursk\u2011region", "DPRK.", "KIM JONG-UN"]
    edit(p, Y, "topics:\n", "topics:\n" + "".join(f'  - "{v}"\n' for v in variants))
    edit(p, Y, "topics:\n", 'topics:\n  - "New Front"\n  - "new\u2013front"\n  - "N\u0435w Front!"\n')
    edit(p, OTHER + ".yml", "topics:\n", 'topics:\n  - "Kursk\u2019s Oblast"\n')
    edit(p, Y, "topics:\n", 'topics:\n  - "Kursk\'s Oblast"\n')
    new = line_of(p, Y, '"New Front"')
    same_page = "would share the page 'new-front'; write them the same way or add one to topics.yml"
    return [
        (
            Y,
            line_of(p, Y, "Ukra\u00efne"),
            "topic 'Ukra\u00efne' is not in topics.yml but has the same page name as 'Ukraine'",
        ),
        (
            Y,
            line_of(p, Y, "North\u00a0Korea"),
            "topic 'North\\xa0Korea' is not in topics.yml but has the same page name",
        ),
        (
            Y,
            line_of(p, Y, "R\u0443ssia"),
            "topic 'R\u0443ssia' is not in topics.yml but has the same page name as 'Russia'",
        ),
        (
            Y,
            line_of(p, Y, "Kursk\u2011region"),
            "topic 'Kursk\u2011region' is not in topics.yml but looks like 'kursk region'",
        ),
        (
            Y,
            line_of(p, Y, "DPRK."),
            "topic 'DPRK.' is not in topics.yml but looks like 'dprk', a name of topic 'North Korea'",
        ),
        (Y, line_of(p, Y, "new\u2013front"), f"topic 'new\u2013front' and 'New Front' (briefs/{Y}:{new}) {same_page}"),
        (
            Y,
            line_of(p, Y, "N\u0435w Front!"),
            f"topic 'N\u0435w Front!' and 'New Front' (briefs/{Y}:{new}) {same_page}",
        ),
        (
            OTHER + ".yml",
            line_of(p, OTHER + ".yml", "Kursk\u2019s Oblast"),
            "topic 'Kursk\u2019s Oblast' and \"Kursk's Oblast\" "
            f"(briefs/{Y}:{line_of(p, Y, 'Kursk' + chr(39))}) look alike but would get a page each",
        ),
    ]


# --- figures in languages written without spaces -------------------------------------------------------------------


def figure_beside_korean_japanese_and_chinese_text(p: Path) -> list[tuple[str, int, str]]:
    with path_of(p, T).open("a", encoding="utf-8") as article:
        article.write("\n탈영병은 3,870건이었다. 兵士3,870人が逃げた。共有4,125名士兵。 总数为3,8700。\n")
    edit(
        p,
        Y,
        "key_figures:\n",
        "key_figures:\n"
        + "".join(f'  - value: "{v}"\n    label: "x"\n' for v in ("3,870", "4,125", "3,870人", "8,700", "3,8700"))
        + '  - value: "3,87"\n    label: "x"\n',
    )
    return [
        (Y, line_of(p, Y, 'value: "8,700"'), 'figure value not found in article: "8,700"'),
        (Y, line_of(p, Y, 'value: "3,87"'), 'figure value not found in article: "3,87"'),
    ]


CASES: dict[str, Case] = {
    case.__name__.replace("_", " "): case
    for case in (
        three_duplicate_keys,
        nested_and_top_level_duplicates,
        lone_surrogates_in_three_fields,
        surrogate_pair_and_escape_beyond_unicode,
        raw_control_characters_and_a_duplicate_key,
        control_character_and_syntax_error,
        nul_in_article_and_control_characters_in_three_fields,
        missing_article_and_a_schema_error,
        empty_article_and_a_zero_width_topic,
        deep_flow_nesting_on_one_huge_line,
        deep_nesting_below_the_line_limit,
        deep_block_nesting,
        schema_error_does_not_hide_a_missing_figure,
        unknown_field_does_not_hide_a_missing_quote_or_event_sentence,
        broken_entries_are_skipped_but_the_others_checked,
        two_quotes_alike_are_told_apart_by_speaker,
        null_and_tilde_are_empty,
        lookalike_topics_in_the_registry,
        lookalike_topics_in_briefs,
        figure_beside_korean_japanese_and_chinese_text,
    )
}


@pytest.mark.parametrize("case", list(CASES))
def test_every_problem_of_a_file_comes_out_in_one_run(project: Path, case: str) -> None:
    expected = CASES[case](project)
    errors = build_fails(project, expected)
    assert not any("check the indentation" in e for e in errors if "escape" in e or "character U+" in e)


def test_figures_beside_unspaced_scripts_build(project: Path) -> None:
    with path_of(project, T).open("a", encoding="utf-8") as article:
        article.write("\n탈영병은 3,870건이었다. 兵士2,222人が逃げた。共有4,125名士兵。\n")
    edit(
        project,
        Y,
        "key_figures:\n",
        "key_figures:\n" + "".join(f'  - value: "{v}"\n    label: "x"\n' for v in ("3,870", "2,222", "4,125")),
    )
    result = run(["briefing", "build"], cwd=project)
    assert result.returncode == 0, result.stderr
    page = (project / "site_src" / "briefs" / f"{TARGET}.md").read_text("utf-8")
    assert all(v in page for v in ("3,870", "2,222", "4,125"))
