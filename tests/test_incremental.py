"""A preview server's run after any edit gives exactly the pages of a clean build: Hypothesis edits a random field
of a random annotation or of topics.yml (a random text, or a value the same field has elsewhere, which is often
still valid), then an incremental run (the memo of the run before) is compared with a fresh one."""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.build import Project, generate
from generator.errors import ValidationFailed
from generator.memo import Memo
from generator.stages.write import MANIFEST

from .conftest import REPO, copy_project

_FIELD = re.compile(r"^(\s*(?:- )?)([a-z_]+): (\S.*)$")
_ITEM = re.compile(r"^(\s+- )(\S.*)$")
FILES = sorted(p.name for p in (REPO / "briefs").glob("*.yml"))


def _fields(text: str) -> list[tuple[int, str, str]]:
    """(line index, key, prefix) of every `key: value` line and every `- item` line of a file."""
    found = []
    for index, line in enumerate(text.splitlines()):
        if match := _FIELD.match(line):
            found.append((index, match[2], f"{match[1]}{match[2]}: "))
        elif match := _ITEM.match(line):
            found.append((index, "-", match[1]))
    return found


def _values_of(key: str) -> list[str]:
    """Every value the field has anywhere in the seed briefs, as written."""
    values = []
    for name in FILES:
        for line in (REPO / "briefs" / name).read_text("utf-8").splitlines():
            match = _FIELD.match(line) if key != "-" else _ITEM.match(line)
            if match and (key == "-" or match[2] == key):
                values.append(match.groups()[-1])
    return sorted(set(values))


@st.composite
def edits(draw: st.DrawFn) -> tuple[str, int, str]:
    name = draw(st.sampled_from(FILES))
    fields = _fields((REPO / "briefs" / name).read_text("utf-8"))
    index, key, prefix = draw(st.sampled_from(fields))
    random_text = st.text(st.characters(codec="utf-8", categories=["L", "N", "Zs", "P"]), min_size=1, max_size=30)
    value = draw(st.one_of(st.sampled_from(_values_of(key)), random_text.map(json.dumps)))
    return name, index, prefix + value


def _pages(project: Path, memo: Memo | None) -> dict[str, str] | str:
    try:
        return generate(Project.at(project), memo=memo).pages
    except ValidationFailed as exc:
        return str(exc)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits())
def test_an_incremental_run_after_a_random_edit_equals_a_clean_build(edit: tuple[str, int, str]) -> None:
    name, index, line = edit
    with tempfile.TemporaryDirectory() as folder:
        project = copy_project(Path(folder) / "project")
        memo = Memo()
        generate(Project.at(project), memo=memo)
        path = project / "briefs" / name
        lines = path.read_text("utf-8").splitlines()
        lines[index] = line
        path.write_text("\n".join(lines) + "\n", "utf-8")
        incremental = _pages(project, memo)
        written = {
            p.relative_to(project / "site_src").as_posix(): p.read_text("utf-8")
            for p in (project / "site_src").rglob("*")
            if p.is_file() and "overrides" not in p.parts and p.suffix != ""
        }
        clean = _pages(project, None)
    assert incremental == clean
    if isinstance(clean, dict):
        assert {k: v for k, v in written.items() if k != MANIFEST} == clean
