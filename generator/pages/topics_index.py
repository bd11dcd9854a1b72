"""The topics index: every topic, most covered first, with how many briefs name it."""

from __future__ import annotations

from .. import addresses
from ..model import Corpus
from .kind import Inputs, PageKind, single


def _inputs(corpus: Corpus) -> Inputs:
    return {
        "topic_order": corpus.topic_order,
        "topics": corpus.topics,
        "topic_counts": {slug: len(briefs) for slug, briefs in corpus.briefs_by_topic.items()},
        "brief_count": len(corpus.briefs),
    }


KINDS = (PageKind("topics index", single(addresses.TOPICS_INDEX, _inputs), "topics_index.md.j2"),)
