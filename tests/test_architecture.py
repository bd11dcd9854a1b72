"""ARCHITECTURE.md names only files and folders that exist, and the declared page kinds are all found."""

from __future__ import annotations

import re

from generator.pages import page_kinds

from .conftest import REPO

# a path in `code`: has a slash or a known suffix; placeholders like <kind> and trailing ... are not paths
_PATH = re.compile(r"`([\w./-]+(?:/|\.py|\.md|\.j2|\.json|\.importlinter))`")


def named_paths() -> list[str]:
    text = (REPO / "ARCHITECTURE.md").read_text("utf-8")
    return sorted({m for m in _PATH.findall(text) if "<" not in m})


def test_every_file_architecture_md_names_exists() -> None:
    paths = named_paths()
    assert len(paths) > 20
    missing = [p for p in paths if not (REPO / p).exists() and not (REPO / "generator" / p).exists()]
    assert not missing


def test_every_page_kind_has_its_template() -> None:
    templates = REPO / "generator" / "pages" / "templates"
    for kind in page_kinds():
        assert kind.template is None or (templates / kind.template).is_file(), kind.name
        assert kind.template is not None or kind.make is not None, kind.name
