"""The whole seed site, byte for byte: every generated Markdown, feed and data file, and every built HTML page.

A refactor must leave this test green; a change meant to alter the output updates the golden in its own commit
(`pytest tests/test_golden_site.py --update-goldens`), so the diff of tests/golden/seed-site.sha256 shows which
pages it touched. SOURCE_DATE_EPOCH pins the only clock the output reads (feeds' `updated`, the sitemap's dates).
"""

from __future__ import annotations

from pathlib import Path

from .conftest import copy_project, run, tree_digest

GOLDEN = Path(__file__).parent / "golden" / "seed-site.sha256"
# the theme's own assets depend only on the installed mkdocs-material, not on us
_BUILT_SUFFIXES = (".html", ".xml", ".json", ".csv", ".gz")


def seed_site_digest(tmp_path: Path) -> dict[str, str]:
    root = copy_project(tmp_path / "project")
    result = run(["briefing", "build", "--search", "material"], cwd=root, SOURCE_DATE_EPOCH="1700000000")
    assert result.returncode == 0, result.stderr
    generated = {
        f"site_src/{name}": digest
        for name, digest in tree_digest(root / "site_src").items()
        if not name.startswith("overrides/")
    }
    built = {
        f"site/{name}": digest for name, digest in tree_digest(root / "site").items() if name.endswith(_BUILT_SUFFIXES)
    }
    return {**generated, **built}


def read_golden() -> dict[str, str]:
    lines = GOLDEN.read_text("utf-8").splitlines()
    return {name: digest for digest, name in (line.split("  ", 1) for line in lines if line)}


def test_seed_site_is_byte_identical_to_golden(tmp_path: Path, update_goldens: bool) -> None:
    digest = seed_site_digest(tmp_path)
    if update_goldens:
        GOLDEN.write_text("".join(f"{sha}  {name}\n" for name, sha in sorted(digest.items())), "utf-8")
    golden = read_golden()
    changed = sorted(name for name in digest.keys() | golden.keys() if digest.get(name) != golden.get(name))
    assert not changed, f"output changed in {changed}; run `pytest --update-goldens` if the change is intended"
