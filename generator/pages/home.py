"""The home page: the newest briefs with their summaries (archive.py lists every brief)."""

from __future__ import annotations

from .. import addresses
from ..model import Corpus
from .kind import Inputs, PageKind, single

HOME_LATEST = 25  # briefs on the home page with their summaries: an edit to an older one leaves the page as it was


def _inputs(corpus: Corpus) -> Inputs:
    return {"briefs": corpus.briefs[:HOME_LATEST], "brief_count": len(corpus.briefs), "home_latest": HOME_LATEST}


KINDS = (PageKind("home", single(addresses.HOME, _inputs), "home.md.j2"),)
