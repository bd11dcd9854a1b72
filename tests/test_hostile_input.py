"""Hostile and broken editor input: clear file:line errors, bounded resources, and a site that shows only text."""

from __future__ import annotations

import codecs
import json
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .conftest import BIN, copy_project, run, tree_digest

TARGET = "nk-troops-defecting"


def annotation(project: Path, slug: str = TARGET) -> Path:
    return project / "briefs" / f"{slug}.yml"


def replace(project: Path, old: str, new: str, slug: str = TARGET) -> None:
    path = annotation(project, slug)
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def check_fails(project: Path, *messages: str) -> str:
    """`briefing check` exits 1 with a file:line error for the target file, containing every message."""
    result = run(["briefing", "check"], cwd=project)
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith(f"briefs/{TARGET}.yml:")]
    assert lines, result.stderr
    assert lines[0].split(":")[1].isdigit(), "every error names a line"
    for message in messages:
        assert message in result.stderr, result.stderr
    return result.stderr


# --- malformed YAML and wrong shapes -------------------------------------------------------------------------

MALFORMED = {
    "tab indentation": ("topics:\n", "topics:\n\t- Tabbed\n", "this line holds a tab character"),
    # on the file's last line (36), so that no later quote closes it
    "unclosed quote": ("[North Korea, Russia]\n", '[North Korea, "Russia]\n', "that started on line 36"),
    "bad indentation": ("summary: >-\n", "summary: >-\n  text\n key: x\n", "invalid YAML"),
    "duplicate key": ("topics:", "title: Again\ntopics:", "duplicate key 'title'"),
    "quotes as a string": ("quotes: []", "quotes: just a string", "quotes must be a list"),
    "figure as a bare number": ("key_figures:\n", "key_figures:\n  - 12000\n", "key_figures[1] must be a mapping"),
    "missing required field": ("title:", "headline:", "missing required field 'title'"),
    "unknown field": ("topics:", "topcs: []\ntopics:", "did you mean 'topics'"),
    "impossible date": ("source: {}", 'source: {published: "2024-02-30"}', "not a real date"),
    "javascript url": ("source: {}", 'source: {url: "javascript:alert(1)"}', "http:// or https://"),
    "alias bomb": ("topics:", "a: &a [x, x]\nb: [*a, *a]\ntopics:", "not allowed"),
    "python tag": ("topics:", "x: !!python/object/apply:os.system [ls]\ntopics:", "tag"),
    "bidi override in a speaker": (
        "quotes: []",
        'quotes:\n  - {text: "12,000", speaker: "Ann\u202eX"}',
        "text-direction",
    ),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_broken_annotation_gets_a_clear_error(project: Path, case: str) -> None:
    old, new, message = MALFORMED[case]
    replace(project, old, new)
    check_fails(project, message)


def test_empty_annotation_is_an_error(project: Path) -> None:
    annotation(project).write_text("# only a comment\n", "utf-8")
    check_fails(project, "file is empty")


def test_other_briefs_are_still_reported_when_one_is_broken(project: Path) -> None:
    replace(project, "topics:", "topicz:")
    replace(project, "They are young,", "They are old,", slug="nk-upgrades-army-in-ukraine")
    stderr = check_fails(project)
    assert "briefs/nk-upgrades-army-in-ukraine.yml:" in stderr


def test_implicit_yaml_types_are_read_as_written(project: Path) -> None:
    path = annotation(project)
    lines = path.read_text("utf-8").split("\n")
    lines = ["title: no" if line.startswith("title:") else line for line in lines]
    path.write_text("\n".join(lines).replace("source: {}", "source: {published: 2024-01-05}"), "utf-8")
    result = run(["briefing", "build"], cwd=project)
    assert result.returncode == 0, result.stderr
    page = (project / "site_src" / "briefs" / f"{TARGET}.md").read_text("utf-8")
    assert 'title: "no"' in page and "# no\n" in page
    assert "5 January 2024" in page


# --- resource limits -------------------------------------------------------------------------------------------


def _peak_check_rss_mb(project: Path) -> float:
    """Peak memory of one `briefing check` (and any process it starts), measured from a fresh parent: this
    process's own children statistic would report the largest of every command the test session ran."""
    measure = (
        "import resource, subprocess, sys; "
        "subprocess.run([sys.argv[1], 'check'], capture_output=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    result = subprocess.run(
        [str(BIN / "python"), "-c", measure, str(BIN / "briefing")], cwd=project, capture_output=True, text=True
    )
    return int(result.stdout) / 1024


LIMITS = {
    "billion laughs": lambda: (
        "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        + "".join(f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True))
    ),
    "deep flow nesting": lambda: "title: " + "[" * 60_000 + "]" * 60_000 + "\n",
    "deep block nesting": lambda: "".join("  " * i + f"k{i}:\n" for i in range(3000)),
    "50 MB scalar": lambda: "title: " + "x" * 50_000_000 + "\n",
    "1 MB single line": lambda: "summary: " + "word " * 200_000 + "\n",
}


# each bomb stops at the first limit it meets, before anything parses it where it can
LIMIT_MESSAGES = {
    "billion laughs": "anchor '&a' is not allowed",
    "deep flow nesting": "line is 120,007 characters, over the limit of 100,000",
    "deep block nesting": "file is 9,016,890 bytes, over the limit of 256,000",
    "50 MB scalar": "file is 50,000,008 bytes, over the limit of 256,000",
    "1 MB single line": "file is 1,000,010 bytes, over the limit of 256,000",
}


@pytest.mark.parametrize("case", sorted(LIMITS))
def test_resource_bombs_are_rejected_with_bounded_memory(project: Path, case: str) -> None:
    annotation(project).write_text(LIMITS[case](), "utf-8")
    stderr = check_fails(project)
    assert f"briefs/{TARGET}.yml:1: {LIMIT_MESSAGES[case]}" in stderr, stderr
    assert _peak_check_rss_mb(project) < 400


def test_huge_article_is_rejected(project: Path) -> None:
    (project / "briefs" / f"{TARGET}.txt").write_text("word " * 10_000_000, "utf-8")
    result = run(["briefing", "check"], cwd=project)
    assert result.returncode == 1
    assert f"briefs/{TARGET}.txt:1: file is" in result.stderr and "over the limit" in result.stderr


# --- encodings ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), id="utf-8 with BOM"),
        pytest.param(lambda t: t.encode("utf-16"), id="utf-16 with BOM"),
        pytest.param(lambda t: t.replace("\n", "\r\n").encode("utf-8"), id="CRLF"),
    ],
)
def test_articles_and_annotations_in_other_encodings_are_read(project: Path, encode: object) -> None:
    for suffix in (".txt", ".yml"):
        path = project / "briefs" / f"nk-upgrades-army-in-ukraine{suffix}"
        path.write_bytes(encode(path.read_text("utf-8")))  # type: ignore[operator]
    result = run(["briefing", "check"], cwd=project)
    assert result.returncode == 0, result.stderr


def test_cp1252_article_names_the_byte_offset(project: Path) -> None:
    path = project / "briefs" / f"{TARGET}.txt"
    path.write_bytes("caf\u00e9 \u201cquoted\u201d".encode("cp1252"))
    result = run(["briefing", "check"], cwd=project)
    assert result.returncode == 1
    assert f"briefs/{TARGET}.txt:1: invalid utf-8 byte 0xe9 at byte offset 3" in result.stderr


def test_nul_byte_is_rejected(project: Path) -> None:
    path = project / "briefs" / f"{TARGET}.txt"
    path.write_bytes(path.read_bytes() + b"\n\x00tail")
    result = run(["briefing", "check"], cwd=project)
    assert result.returncode == 1 and "NUL byte" in result.stderr


def test_zero_width_character_in_a_topic_is_rejected(project: Path) -> None:
    replace(project, "topics:\n", 'topics:\n  - "Rus\u200bsia"\n')
    check_fails(project, "zero-width")


# --- paths and topic names ----------------------------------------------------------------------------------------


def test_path_traversal_topic_stays_inside_the_output(project: Path) -> None:
    replace(project, "topics:\n", "topics:\n  - ../../etc/passwd\n")
    assert run(["briefing", "build"], cwd=project).returncode == 0
    generated = {p.resolve() for p in (project / "site_src").rglob("*.md")}
    assert all(p.is_relative_to((project / "site_src").resolve()) for p in generated)
    assert (project / "site_src" / "topics" / "etc-passwd.md").exists()


def test_colliding_topic_slugs_are_reported(project: Path) -> None:
    registry = project / "briefs" / "topics.yml"
    text = registry.read_text("utf-8").replace(
        "topics:\n", 'topics:\n  - name: "North-Korea"\n    description: "A second North Korea."\n', 1
    )
    registry.write_text(text, "utf-8")
    result = run(["briefing", "check"], cwd=project)
    assert result.returncode == 1
    assert "briefs/topics.yml:" in result.stderr and "same page name 'north-korea'" in result.stderr


def test_symlinked_article_is_refused(project: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    shutil.copy(project / "briefs" / f"{TARGET}.txt", outside)
    (project / "briefs" / f"{TARGET}.txt").unlink()
    (project / "briefs" / f"{TARGET}.txt").symlink_to(outside)
    result = run(["briefing", "check"], cwd=project)
    assert result.returncode == 1 and "symbolic link" in result.stderr


def test_file_names_must_be_page_safe(project: Path) -> None:
    for suffix in (".yml", ".txt"):
        (project / "briefs" / f"{TARGET}{suffix}").rename(project / "briefs" / f"Bad Name{suffix}")
    result = run(["briefing", "check"], cwd=project)
    assert result.returncode == 1 and "briefs/Bad Name.yml:1: file name must be lowercase" in result.stderr


# --- safe output: the whole site -------------------------------------------------------------------------------

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "[x](javascript:alert(3))",
    "{{ 7*7 }} {% if 1 %}",
    "| cell | # head `tick`",
    "</div></article><b>x</b>",
]


def test_hostile_text_in_every_field_reaches_the_built_site_only_as_text(project: Path, tmp_path: Path) -> None:
    baseline = copy_project(tmp_path / "baseline")
    assert run(["briefing", "build"], cwd=baseline).returncode == 0
    payload = " ".join(PAYLOADS)
    hostile = json.dumps(payload)
    replace(project, "title: ", f"title: {hostile}\nx: ")
    text = annotation(project).read_text("utf-8")
    text = "\n".join(line for line in text.split("\n") if not line.startswith("x: "))
    text = text.replace(
        "quotes: []", f'quotes:\n  - text: "around 12,000"\n    speaker: {hostile}\n    role: {hostile}', 1
    )
    text = text.replace("topics:\n", 'topics:\n  - "<script>alert(1)</script>"\n  - "{{ 7*7 }}"\n', 1)
    annotation(project).write_text(text, "utf-8")
    result = run(["briefing", "build"], cwd=project)
    assert result.returncode == 0, result.stderr

    def scripts(site: Path) -> set[str]:
        return {
            str(s.get("src", "")) + s.get_text()[:40]
            for h in site.rglob("*.html")
            for s in BeautifulSoup(h.read_text("utf-8"), "html.parser").find_all("script")
        }

    def live_markup(site: Path) -> set[str]:
        """Images and event-handler attributes anywhere on the site (the theme's chrome may have its own)."""
        found = set()
        for html in site.rglob("*.html"):
            for tag in BeautifulSoup(html.read_text("utf-8"), "html.parser").find_all(True):
                handlers = sorted(f"{a}={tag[a]}" for a in tag.attrs if a.startswith("on"))
                if tag.name == "img" or handlers:
                    found.add(f"<{tag.name} src={tag.get('src', '')} {' '.join(handlers)}>")
        return found

    site = project / "site"
    assert scripts(site) <= scripts(baseline / "site") | {s.replace("baseline", "project") for s in scripts(site)}
    assert live_markup(site) <= live_markup(baseline / "site")
    for html in site.rglob("*.html"):
        soup = BeautifulSoup(html.read_text("utf-8"), "html.parser")
        article = soup.find("article")  # what the generator wrote: no image or handler at all
        assert article is not None, html
        assert not article.find_all("img"), html
        assert not [t for t in article.find_all(True) if any(a.startswith("on") for a in t.attrs)], html
        assert not [a for a in soup.find_all("a") if a.get("href", "").startswith("javascript")], html
    brief = BeautifulSoup((site / "briefs" / TARGET / "index.html").read_text("utf-8"), "html.parser")
    assert brief.find("h1").get_text(strip=True).rstrip("¶") == " ".join(payload.split())
    assert "49" not in brief.find("h1").get_text()
    index = (site / "search" / "search_index.json").read_text("utf-8")
    assert "<script>" not in index and "<img" not in index


# --- nothing lost ----------------------------------------------------------------------------------------------------


def test_killed_build_leaves_the_previous_site_usable(project: Path) -> None:
    assert run(["briefing", "build"], cwd=project).returncode == 0
    before = tree_digest(project / "site")
    replace(project, "summary: >-\n", "summary: >-\n  Changed.\n")
    for delay in (0.5, 1.0, 1.5):
        process = subprocess.Popen(
            [str(BIN / "briefing"), "build"],
            cwd=project,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        after = tree_digest(project / "site")
        assert after == before or after.keys() == before.keys(), "site/ is either the old or the whole new site"
        assert (project / "site" / "index.html").exists()
    assert run(["briefing", "build"], cwd=project).returncode == 0
    assert not list(project.glob(".site-*")), "leftover staging folders are cleaned up by the next build"


def test_two_builds_give_byte_identical_sites(tmp_path: Path) -> None:
    sites = []
    for name, seed in (("a", "1"), ("b", "99")):
        root = copy_project(tmp_path / name)
        result = run(["briefing", "build"], cwd=root, PYTHONHASHSEED=seed, SOURCE_DATE_EPOCH="1735689600")
        assert result.returncode == 0, result.stderr
        sites.append((tree_digest(root / "site_src"), tree_digest(root / "site")))
    assert sites[0] == sites[1]


def test_differently_written_new_topics_sharing_a_page_are_reported(project: Path) -> None:
    replace(project, "topics:\n", "topics:\n  - Kursk Oblast Front\n")
    replace(project, "topics:\n", "topics:\n  - kursk-oblast front\n", slug="nk-upgrades-army-in-ukraine")
    result = run(["briefing", "check"], cwd=project)
    assert result.returncode == 1
    assert "would share the page 'kursk-oblast-front'" in result.stderr
