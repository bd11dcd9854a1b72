"""The build cache of converted Markdown (.briefing-cache/): a build that reuses it gives the very site a clean build
of the same inputs gives, after any sequence of edits, and a damaged or foreign cache is noticed and ignored."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ..conftest import copy_project, run, tree_digest

EPOCH = {"SOURCE_DATE_EPOCH": "1700000000"}  # the sitemap's dates: builds of the same input are byte-identical
_CACHED = re.compile(r"(\d+) pages, (\d+) from the cache, (\d+) converted")


def _build(root: Path, *extra: str) -> tuple[int, int]:
    """`briefing build` in `root`; (pages from the cache, pages converted) as its stage line says."""
    result = run(["briefing", "build", "--search", "material", *extra], cwd=root, **EPOCH)
    assert result.returncode == 0, result.stderr
    found = _CACHED.search(result.stderr + result.stdout)
    assert found, result.stderr
    return int(found.group(2)), int(found.group(3))


def _clean_site(inputs: Path, scratch: Path) -> dict[str, str]:
    """The site a clean build of the same inputs gives, in a project of its own (no cache it could share)."""
    if scratch.exists():
        shutil.rmtree(scratch)
    scratch.mkdir(parents=True)
    for name in ("briefs", "site_src/overrides"):
        shutil.copytree(inputs / name, scratch / name)
    shutil.copy(inputs / "mkdocs.yml", scratch / "mkdocs.yml")
    _build(scratch, "--clean")
    return tree_digest(scratch / "site")


def _annotations(root: Path) -> list[Path]:
    return sorted(p for p in (root / "briefs").glob("*.yml") if p.name != "topics.yml")


def _edit_summary(root: Path, index: int) -> None:
    path = _annotations(root)[index % len(_annotations(root))]
    text = path.read_text("utf-8")
    path.write_text(
        re.sub(r"^summary: *[>|]?-? *\n?", "summary: >-\n  Edited lead sentence.\n  ", text, count=1, flags=re.M),
        "utf-8",
    )


def _edit_article(root: Path, index: int) -> None:
    path = _annotations(root)[index % len(_annotations(root))].with_suffix(".txt")
    path.write_text(path.read_text("utf-8") + "\nA closing paragraph added by an editor.\n", "utf-8")


def _edit_topics(root: Path, index: int) -> None:
    path = root / "briefs" / "topics.yml"
    text = path.read_text("utf-8")
    path.write_text(text.replace('description: "', 'description: "Revised. ', 1), "utf-8")


def _edit_config(root: Path, index: int) -> None:
    path = root / "mkdocs.yml"
    text = path.read_text("utf-8")
    path.write_text(re.sub(r'^site_name: "(.*)"$', r'site_name: "\1 (edited)"', text, count=1, flags=re.M), "utf-8")


def _edit_override(root: Path, index: int) -> None:
    # a template override: every page of its kind changes
    source = Path(__file__).parents[2] / "generator" / "pages" / "templates" / "archive.md.j2"
    target = root / "site_src" / "overrides" / "templates" / "archive.md.j2"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(source.read_text("utf-8").replace("# Every brief", "# Every brief we hold"), "utf-8")


def _remove_brief(root: Path, index: int) -> None:
    annotations = _annotations(root)
    if len(annotations) > 3:
        path = annotations[index % len(annotations)]
        path.unlink()
        path.with_suffix(".txt").unlink()


EDITS = [_edit_summary, _edit_article, _edit_topics, _edit_config, _edit_override, _remove_brief]


@settings(max_examples=2, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(EDITS), st.integers(0, 20)), min_size=2, max_size=3))
def test_a_build_from_the_cache_equals_a_clean_build_after_any_edits(tmp_path_factory, edits) -> None:
    base = tmp_path_factory.mktemp("cache")
    root = copy_project(base / "project")
    first_hits, converted = _build(root)
    assert (first_hits, converted > 0) == (0, True)
    assert _build(root) == (converted, 0)  # nothing changed: every page from the cache
    for edit, index in edits:
        edit(root, index)
        hits, converted = _build(root)
        assert hits > 0, f"after {edit.__name__} nothing came from the cache"
        assert tree_digest(root / "site") == _clean_site(root, base / "clean"), f"after {edit.__name__}"


def test_an_unchanged_build_converts_nothing_and_damage_is_noticed(project: Path) -> None:
    _, converted = _build(project)
    hits, again = _build(project)
    assert (hits, again) == (converted, 0)
    first = tree_digest(project / "site")

    entries = sorted(p for p in (project / ".briefing-cache" / "pages").rglob("*") if p.is_file())
    entries[0].write_bytes(b"not an entry")
    result = run(["briefing", "build", "--search", "material"], cwd=project, **EPOCH)
    assert result.returncode == 0, result.stderr
    assert "1 damaged" in result.stderr or "damaged" in result.stderr, result.stderr
    assert _CACHED.search(result.stderr).group(3) == "1"

    (project / ".briefing-cache" / "format.json").write_text('{"format": 999}', "utf-8")
    result = run(["briefing", "build", "--search", "material"], cwd=project, **EPOCH)
    assert result.returncode == 0, result.stderr
    assert "ignored" in result.stderr, result.stderr
    assert _CACHED.search(result.stderr).group(2) == "0"

    assert _build(project, "--clean")[0] == 0
    assert tree_digest(project / "site") == first
