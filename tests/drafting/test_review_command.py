"""briefing check lists drafted items not yet reviewed and doubtful speakers; briefing review marks items reviewed."""

from __future__ import annotations

from pathlib import Path

from generator.text import yamlio

from ..conftest import REPO, copy_project, run

PAGE = REPO / "tests" / "fixtures" / "html" / "port-strike-news.html"
SLUG = "dockers-walk-out-as-port-talks-collapse"


def imported(tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "project")
    assert run(["briefing", "import", str(PAGE)], cwd=project).returncode == 0
    return project


def warnings(project: Path) -> list[str]:
    done = run(["briefing", "check"], cwd=project)
    assert done.returncode == 0, done.stderr
    return [line for line in done.stderr.splitlines() if line.startswith(f"briefs/{SLUG}.yml:") and "review" in line]


def test_every_drafted_item_carries_its_rule_confidence_and_span(tmp_path: Path) -> None:
    project = imported(tmp_path)
    text = (project / "briefs" / f"{SLUG}.yml").read_text("utf-8")
    data = yamlio.load(text, "x.yml").data
    article = (project / "briefs" / f"{SLUG}.txt").read_text("utf-8")
    items = [*data["quotes"], *data["key_figures"]]
    assert items
    for item in items:
        drafted = item["drafted"]
        assert drafted["confidence"] in ("high", "medium", "low")
        assert drafted["rule"]
        start, end = (int(n) for n in drafted["span"])
        words = item.get("text") or item["value"]
        assert " ".join(article[start:end].split()) == " ".join(words.split()), (words, article[start:end])


def test_check_lists_each_unreviewed_item_at_its_line_and_review_clears_them(tmp_path: Path) -> None:
    project = imported(tmp_path)
    path = project / "briefs" / f"{SLUG}.yml"
    doc = yamlio.load(path.read_text("utf-8"), "x.yml")
    listed = warnings(project)
    expected = len(doc.data["quotes"]) + len(doc.data["key_figures"])
    assert len(listed) == expected
    first_quote_line = doc.line(("quotes", 0))
    assert any(line.startswith(f"briefs/{SLUG}.yml:{first_quote_line}: warning: drafted quote") for line in listed)

    one = run(["briefing", "review", SLUG, "--line", str(first_quote_line + 1)], cwd=project)
    assert one.returncode == 0, one.stderr
    assert one.stdout.strip() == f"briefs/{SLUG}.yml: 1 item marked reviewed; {expected - 1} left"
    assert len(warnings(project)) == expected - 1

    before = path.read_text("utf-8")
    rest = run(["briefing", "review", SLUG], cwd=project)
    assert rest.stdout.strip() == f"briefs/{SLUG}.yml: {expected - 1} items marked reviewed; 0 left"
    after = path.read_text("utf-8")
    assert warnings(project) == []
    assert after.count("reviewed: true") == expected
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b]
    assert all(a.strip().startswith("drafted:") and b.strip() == "reviewed: true" for a, b in changed)


def test_review_refuses_a_line_outside_any_drafted_item_and_an_unknown_slug(tmp_path: Path) -> None:
    project = imported(tmp_path)
    path = project / "briefs" / f"{SLUG}.yml"
    before = path.read_bytes()
    outside = run(["briefing", "review", SLUG, "--line", "1"], cwd=project)
    assert outside.returncode == 1
    assert f"briefs/{SLUG}.yml:1: no drafted quote or figure awaiting review at this line" in outside.stderr
    unknown = run(["briefing", "review", "no-such-brief"], cwd=project)
    assert unknown.returncode == 1
    assert "briefs/no-such-brief.yml: no such annotation" in unknown.stderr
    assert path.read_bytes() == before


def test_a_hand_written_speaker_named_far_from_the_quote_is_a_warning_until_reviewed(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    path = project / "briefs" / "nk-upgrades-army-in-ukraine.yml"
    text = path.read_text("utf-8")
    doc = yamlio.load(text, "x.yml")
    speaker = doc.data["quotes"][0]["speaker"]
    line = doc.line(("quotes", 0, "speaker"))
    lines = text.split("\n")
    lines[line - 1] = lines[line - 1].replace(speaker, "Jane Placeholder-Nobody")
    path.write_text("\n".join(lines), "utf-8")
    done = run(["briefing", "check"], cwd=project)
    assert done.returncode == 0, done.stderr
    expected = f'briefs/nk-upgrades-army-in-ukraine.yml:{line}: warning: speaker "Jane Placeholder-Nobody" is not named'
    assert expected in done.stderr
    assert "named nowhere in the article" in done.stderr

    lines.insert(line, lines[line - 1][: len(lines[line - 1]) - len(lines[line - 1].lstrip())] + "reviewed: true")
    path.write_text("\n".join(lines), "utf-8")
    again = run(["briefing", "check"], cwd=project)
    assert again.returncode == 0, again.stderr
    assert "Jane Placeholder-Nobody" not in again.stderr


def test_the_seed_corpus_has_no_speaker_doubt() -> None:
    done = run(["briefing", "check"], cwd=REPO)
    assert done.returncode == 0, done.stderr
    assert "is not named within two paragraphs" not in done.stderr
