"""Rule-based first drafts of annotations: figures, quotes with speakers, topics, summary and source metadata.

Offline and deterministic: regular expressions, word lists (lexicon.py) and string rules, no
model or data download. `pipeline.extract` runs the extractors; `draft.build_draft` and `draft.render` make
the YAML; `score` measures the drafter against the gold set in tests/gold/.
"""
