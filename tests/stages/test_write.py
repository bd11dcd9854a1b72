"""generator.stages.write: only changed pages are rewritten, stale ones removed, nothing written outside docs_dir."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from generator.stages import write
from generator.stages.write import MANIFEST, write_atomic, write_pages

OLD_NS = 1_000_000_000  # 2001-09-09: any rewrite gives a newer mtime


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "site_src"
    folder.mkdir()
    return folder


def age(path: Path) -> tuple[int, int]:
    """Backdate `path` and return its (inode, mtime) so that any rewrite is visible."""
    os.utime(path, ns=(OLD_NS, OLD_NS))
    info = path.stat()
    return info.st_ino, info.st_mtime_ns


def identity(path: Path) -> tuple[int, int]:
    info = path.stat()
    return info.st_ino, info.st_mtime_ns


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*.tmp"))


PAGES = {"index.md": "# Home\n", "briefs/a/index.md": "# A – é\n", "topics/kim.md": "# Kim\n"}


def test_first_write_creates_every_page_and_the_manifest(docs: Path) -> None:
    report = write_pages(docs, PAGES)
    assert report.written == sorted(PAGES)
    assert report.unchanged == [] and report.removed == []
    for relative, text in PAGES.items():
        assert (docs / relative).read_bytes() == text.encode("utf-8")
    assert json.loads((docs / MANIFEST).read_text("utf-8")) == sorted(PAGES)


def test_unchanged_pages_are_not_touched(docs: Path) -> None:
    write_pages(docs, PAGES)
    before = {relative: age(docs / relative) for relative in [*PAGES, MANIFEST]}
    report = write_pages(docs, PAGES)
    assert report.written == []
    assert report.unchanged == sorted(PAGES)
    assert {relative: identity(docs / relative) for relative in [*PAGES, MANIFEST]} == before


def test_only_the_changed_page_is_rewritten(docs: Path) -> None:
    write_pages(docs, PAGES)
    before = {relative: age(docs / relative) for relative in PAGES}
    report = write_pages(docs, {**PAGES, "topics/kim.md": "# Kim Jong Un\n"})
    assert report.written == ["topics/kim.md"]
    assert report.unchanged == ["briefs/a/index.md", "index.md"]
    assert (docs / "topics/kim.md").read_text("utf-8") == "# Kim Jong Un\n"
    assert identity(docs / "topics/kim.md") != before["topics/kim.md"]
    for relative in ("index.md", "briefs/a/index.md"):
        assert identity(docs / relative) == before[relative]


def test_new_page_is_added_to_the_manifest(docs: Path) -> None:
    write_pages(docs, PAGES)
    report = write_pages(docs, {**PAGES, "topics/new.md": "# New\n"})
    assert report.written == ["topics/new.md"]
    assert json.loads((docs / MANIFEST).read_text("utf-8")) == sorted([*PAGES, "topics/new.md"])


def test_stale_pages_removed_and_hand_written_files_untouched(docs: Path) -> None:
    hand = docs / "about.md"
    hand.write_text("# Written by an editor\n", "utf-8")
    (docs / "briefs").mkdir()
    hand_in_generated_folder = docs / "briefs" / "notes.md"
    hand_in_generated_folder.write_text("notes\n", "utf-8")
    write_pages(docs, PAGES)
    hand_ids = {hand: age(hand), hand_in_generated_folder: age(hand_in_generated_folder)}

    report = write_pages(docs, {"index.md": PAGES["index.md"]})
    assert report.removed == ["briefs/a/index.md", "topics/kim.md"]
    assert not (docs / "briefs/a/index.md").exists()
    assert not (docs / "topics/kim.md").exists()
    assert (docs / "index.md").exists()
    for path, ids in hand_ids.items():
        assert identity(path) == ids
    assert hand.read_text("utf-8") == "# Written by an editor\n"
    assert json.loads((docs / MANIFEST).read_text("utf-8")) == ["index.md"]


def test_page_listed_in_the_manifest_but_already_deleted_is_not_reported(docs: Path) -> None:
    write_pages(docs, PAGES)
    (docs / "topics/kim.md").unlink()
    report = write_pages(docs, {"index.md": PAGES["index.md"]})
    assert report.removed == ["briefs/a/index.md"]


def test_without_a_manifest_nothing_is_removed(docs: Path) -> None:
    (docs / "old.md").write_text("old\n", "utf-8")
    report = write_pages(docs, PAGES)
    assert report.removed == []
    assert (docs / "old.md").exists()


@pytest.mark.parametrize(
    "manifest",
    [
        "not json",
        "[1, null]",
        "",
        pytest.param("null", id="null"),
        pytest.param("5", id="number"),
        pytest.param('{"old.md": 1}', id="mapping"),
        pytest.param('"old.md"', id="string"),
    ],
)
def test_unusable_manifest_removes_nothing(docs: Path, manifest: str) -> None:
    (docs / "old.md").write_text("old\n", "utf-8")
    (docs / "o").write_text("editor file named o\n", "utf-8")
    (docs / MANIFEST).write_text(manifest, "utf-8")
    report = write_pages(docs, PAGES)
    assert report.removed == []
    assert (docs / "old.md").read_text("utf-8") == "old\n"
    assert (docs / "o").exists()
    assert json.loads((docs / MANIFEST).read_text("utf-8")) == sorted(PAGES)


@pytest.mark.parametrize("relative", ["../outside.md", "briefs/../../outside.md", "/tmp/briefing-abs-outside.md"])
def test_refuses_paths_outside_docs_dir(docs: Path, relative: str) -> None:
    with pytest.raises(ValueError, match="outside"):
        write_pages(docs, {relative: "pwned\n"})
    assert not (docs.parent / "outside.md").exists()
    assert not Path("/tmp/briefing-abs-outside.md").exists()
    assert not (docs / MANIFEST).exists()


def test_refuses_to_write_through_a_symlink_out_of_docs_dir(docs: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (docs / "briefs").symlink_to(outside, target_is_directory=True)
    with pytest.raises(ValueError, match="outside"):
        write_pages(docs, {"briefs/a.md": "pwned\n"})
    assert list(outside.iterdir()) == []


def test_manifest_entry_outside_docs_dir_is_never_deleted(docs: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim.md"
    victim.write_text("keep me\n", "utf-8")
    (docs / MANIFEST).write_text(json.dumps(["../victim.md"]), "utf-8")
    with pytest.raises(ValueError, match="outside"):
        write_pages(docs, PAGES)
    assert victim.read_text("utf-8") == "keep me\n"


def test_refused_path_writes_nothing(docs: Path) -> None:
    with pytest.raises(ValueError):
        write_pages(docs, {"a.md": "fine\n", "z/../../outside.md": "pwned\n"})
    assert list(docs.iterdir()) == []


def test_atomic_write_leaves_no_temporary_files(docs: Path) -> None:
    write_pages(docs, PAGES)
    write_pages(docs, {**PAGES, "index.md": "# Changed\n"})
    write_pages(docs, {"index.md": "# Changed again\n"})
    assert leftovers(docs) == []
    assert sorted(p.name for p in docs.iterdir()) == [MANIFEST, "briefs", "index.md", "topics"]


def test_write_atomic_replaces_content_and_creates_folders(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "er" / "page.md"
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert leftovers(tmp_path) == []


def test_failed_atomic_write_keeps_the_old_file_and_no_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "page.md"
    target.write_bytes(b"old")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(write.os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.md"]


def test_written_pages_honour_the_umask(docs: Path) -> None:
    old = os.umask(0o022)
    try:
        write_pages(docs, {"index.md": "# Home\n"})
    finally:
        os.umask(old)
    assert stat.S_IMODE((docs / "index.md").stat().st_mode) == 0o644
