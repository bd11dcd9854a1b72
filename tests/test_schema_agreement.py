"""The shipped JSON Schemas accept exactly what `briefing check` accepts.

Editors' tools (VS Code's YAML extension, check-jsonschema in pre-commit) read an annotation as YAML 1.2 typed
data: `2024` is a number, `true` a boolean, `null` and `~` nothing, `2024-01-05` a date; the generator keeps every
scalar as the text written. The same generated annotations, one YAML-typing variant of one field each, go through
the real check-jsonschema and through the generator's own check (the functions `briefing check` runs), and the
verdicts are compared. Everything else being valid, the articles hold every variant, so provenance never decides.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from generator.errors import BriefingError
from generator.stages.load import load_one, load_topics
from generator.stages.validate import validate_brief, validate_topics
from generator.text import textio, yamlio

from .conftest import BIN, REPO, copy_project, run

SCHEMAS = REPO / "generator" / "schemas"

# Scalars as an editor may type them, unquoted unless quoted here.
VARIANTS = [
    "2024",
    "3.10",
    "010",
    "0o10",
    "0x1F",
    "1e3",
    ".inf",
    "-5",
    "+1",
    "1_000",
    "0999",
    "yes",
    "no",
    "true",
    "True",
    "off",
    "null",
    "~",
    "",
    "2024-01-05",
    "2024-06",
    "12:30",
    "plain words",
    "nk-troops",
    '"2024"',
    "'3.10'",
    '"null"',
    '""',
    "https://example.org/a",
]

ANNOTATION = """\
title: {title}
status: {status}
source:
  name: {name}
  author: {author}
  url: {url}
  published: {published}
summary: {summary}
key_figures:
  - value: {value}
    label: {label}
    metric: {metric}
quotes:
  - text: {text}
    speaker: {speaker}
    role: {role}
events:
  - date: {date}
    what: {what}
    sentence: {sentence}
topics:
  - {topic}
"""
DEFAULTS = {
    "title": '"A title"',
    "status": "draft",
    "name": '"Outlet"',
    "author": '"Ann Writer"',
    "url": '"https://example.org/a"',
    "published": '"2024-07"',
    "summary": '"What the article says."',
    "value": '"12,000"',
    "label": '"soldiers deployed"',
    "metric": "nk-troops",
    "text": '"We will win"',
    "speaker": '"Kim"',
    "role": '"leader"',
    "date": '"2024-06"',
    "what": '"Treaty signed"',
    "sentence": '"The treaty was signed in June 2024."',
    "topic": '"Alpha"',
}

TOPICS = """\
topics:
  - name: {name}
    kind: {kind}
    aliases: [{alias}]
    description: {description}
metrics:
  - id: {id}
    label: {mlabel}
"""
TOPIC_DEFAULTS = {
    "name": "Alpha",
    "kind": "place",
    "alias": '"Alpha region"',
    "description": '"A place."',
    "id": "nk-troops",
    "mlabel": '"Troops"',
}

# Where YAML typing loses what the editor wrote, so no JSON Schema can tell: an unquoted 1_000, +1 or 0x1F is the
# number 1000, 1 or 31 to an editor's tool, while the generator sees the spelling (and refuses it as a metric id or
# a year); 0999 is 999 (the generator reads the year 0999), 1e3 is 1000.0; `true` is a boolean to them, an id
# the generator accepts (a schema allowing booleans would accept `True` too, which the id pattern refuses).
# Quoting the value ends each difference.
KNOWN = {
    ("annotation", "metric", "true"),
    ("topics", "id", "true"),
    ("annotation", "metric", "0x1F"),
    ("annotation", "metric", "1_000"),
    ("annotation", "metric", "+1"),
    ("topics", "id", "0x1F"),
    ("topics", "id", "1_000"),
    ("topics", "id", "+1"),
    *(("annotation", field, value) for field in ("published", "date") for value in ("1_000", "0999", "1e3")),
}
# The calendar is not the schema's business: `briefing check` refuses 2024-02-30, a schema cannot. None of the
# variants above is such a date, nor a figure or quote missing from its article.


def _article() -> str:
    words = " ".join(v.strip("'\"") for v in VARIANTS if v.strip("'\""))
    return f"Tokens: {words} . We will win. The treaty was signed in June 2024. Around 12,000 soldiers.\n"


def _cases() -> list[tuple[str, str, str]]:
    return [
        *(("annotation", field, value) for field in DEFAULTS for value in VARIANTS),
        *(("topics", field, value) for field in TOPIC_DEFAULTS for value in VARIANTS),
    ]


def _schema_verdicts(files: list[Path], schema: str) -> dict[str, bool]:
    result = subprocess.run(
        [str(BIN / "check-jsonschema"), "--schemafile", str(SCHEMAS / f"{schema}.schema.json"), "-o", "json"]
        + [str(f) for f in files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(result.stdout)
    assert not report["parse_errors"], report["parse_errors"]
    failed = {Path(e["filename"]).name for e in report["errors"]}
    return {f.name: f.name not in failed for f in files}


@pytest.fixture(scope="module")
def verdicts(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str, str], tuple[bool, bool]]:
    """(schema, field, variant) -> (check-jsonschema accepts, the generator accepts)."""
    root = tmp_path_factory.mktemp("agreement")
    briefs = root / "briefs"
    briefs.mkdir()
    (briefs / "topics.yml").write_text(TOPICS.format(**TOPIC_DEFAULTS), "utf-8")
    registry, lookup, problems = validate_topics(load_topics(root, briefs)[0])
    assert not problems, problems
    cases = _cases()
    files: dict[str, list[Path]] = {"annotation": [], "topics": []}
    for number, (schema, field, value) in enumerate(cases):
        if schema == "annotation":
            path = briefs / f"v{number:04d}.yml"
            path.write_text(ANNOTATION.format(**{**DEFAULTS, field: value}), "utf-8")
            path.with_suffix(".txt").write_text(_article(), "utf-8")
        else:
            (root / "registries").mkdir(exist_ok=True)
            path = root / "registries" / f"v{number:04d}.yml"
            path.write_text(TOPICS.format(**{**TOPIC_DEFAULTS, field: value}), "utf-8")
        files[schema].append(path)
    by_schema = {name: _schema_verdicts(paths, name) for name, paths in files.items()}
    answers = {}
    for number, (schema, field, value) in enumerate(cases):
        if schema == "annotation":
            raw = load_one(root, briefs, briefs / f"v{number:04d}.yml")
            if isinstance(raw, tuple):
                tool = not [p for p in raw if p.severity == "error"]
            else:
                tool = not [p for p in validate_brief(raw, lookup, registry)[1] if p.severity == "error"]
            schema_ok = by_schema["annotation"][f"v{number:04d}.yml"]
        else:
            path = root / "registries" / f"v{number:04d}.yml"
            tool = _registry_accepted(path)
            schema_ok = by_schema["topics"][path.name]
        answers[(schema, field, value)] = (schema_ok, tool)
    return answers


def _registry_accepted(path: Path) -> bool:
    """What `briefing check` says of a topics.yml: loaded as it loads it, validated as it validates it."""
    try:
        document = yamlio.load(textio.read_text(path, path.name, textio.MAX_ANNOTATION_BYTES), path.name)
    except BriefingError:
        return False
    return not [p for p in validate_topics(document)[2] if p.severity == "error"]


def test_the_defaults_are_valid_for_both(verdicts: dict[tuple[str, str, str], tuple[bool, bool]]) -> None:
    for schema, field, value in verdicts:
        if value == (DEFAULTS if schema == "annotation" else TOPIC_DEFAULTS)[field]:
            assert verdicts[(schema, field, value)] == (True, True), (schema, field)


def test_the_schema_and_the_generator_agree_on_every_yaml_typing_variant(
    verdicts: dict[tuple[str, str, str], tuple[bool, bool]],
) -> None:
    differ = {case for case, (schema_ok, tool_ok) in verdicts.items() if schema_ok != tool_ok}
    assert differ == KNOWN, "\n".join(
        f"{case}: check-jsonschema {'accepts' if verdicts[case][0] else 'rejects'}, "
        f"briefing {'accepts' if verdicts[case][1] else 'rejects'}"
        for case in sorted(differ ^ KNOWN)
    )
    # the cases the issue found: an unquoted number as a figure's value, a title or a label
    for field in ("value", "title", "label"):
        assert verdicts[("annotation", field, "2024")] == (True, True)
    # and both refuse what neither can use
    for field in ("title", "value", "speaker", "topic"):
        for empty in ("null", "~", ""):
            assert verdicts[("annotation", field, empty)] == (False, False), (field, empty)


def test_briefing_check_and_check_jsonschema_accept_unquoted_numbers(tmp_path: Path) -> None:
    """The issue's own case through both command lines: `value: 2024`, a number the article states."""
    project = copy_project(tmp_path / "project")
    path = project / "briefs" / "nk-troops-defecting.yml"
    text = path.read_text("utf-8")
    lines = [
        "title: 2024" if line.startswith("title:") else "    label: 2024" if line.startswith("    label:") else line
        for line in text.replace('value: "12,000"', "value: 2024").split("\n")
    ]
    text = "\n".join(lines)
    path.write_text(text, "utf-8")
    assert "value: 2024\n    label: 2024\n    metric:" in text
    result = run(["briefing", "check"], cwd=project)
    assert result.returncode == 0, result.stderr
    schema = subprocess.run(
        [str(BIN / "check-jsonschema"), "--schemafile", str(SCHEMAS / "annotation.schema.json"), str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert schema.returncode == 0, schema.stdout + schema.stderr
