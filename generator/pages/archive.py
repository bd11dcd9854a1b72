"""Every brief on one page, one line each, newest first."""

from __future__ import annotations

from .. import addresses
from ..model import Corpus
from .kind import Inputs, PageKind, Part, macro, single


def _inputs(corpus: Corpus) -> Inputs:
    return {"briefs": corpus.briefs}


def _rows(inputs: Inputs, path: str) -> list[Part]:
    """Each brief's row, made on its own: an edit to one brief makes one row again."""
    return [Part(brief.slug, (brief,), _ROW) for brief in inputs["briefs"]]


_ROW = macro("archive_row")
KINDS = (PageKind("archive", single(addresses.ARCHIVE, _inputs), "archive.md.j2", parts=_rows),)
