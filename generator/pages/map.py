"""The topic map page: the map link laid out (drawn by topicmap.py) and the pairs of topics seen together most."""

from __future__ import annotations

from typing import Any

from .. import addresses
from ..model import Corpus, SiteInfo
from . import topicmap
from .kind import Inputs, PageKind, single

MAP_TABLE_ROWS = 25


def _inputs(corpus: Corpus) -> Inputs:
    return {"topics": corpus.topics, "topic_map": corpus.topic_map}


def _context(inputs: Inputs, site: SiteInfo, path: str) -> dict[str, Any]:
    data = inputs["topic_map"]
    drawn = topicmap.topic_map(inputs["topics"], data, lambda slug: site.link(path, addresses.topic_page(slug)))
    return {"topics": inputs["topics"], "topic_map": drawn, "top_pairs": data.edges[:MAP_TABLE_ROWS]}


KINDS = (PageKind("map", single(addresses.MAP, _inputs), "map.md.j2", _context),)
