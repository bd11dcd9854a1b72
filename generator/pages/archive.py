"""Every brief on one page, one line each, newest first."""

from __future__ import annotations

from .. import addresses
from ..model import Corpus
from .kind import Inputs, PageKind, single


def _inputs(corpus: Corpus) -> Inputs:
    return {"briefs": corpus.briefs}


KINDS = (PageKind("archive", single(addresses.ARCHIVE, _inputs), "archive.md.j2"),)
