"""briefing: turn annotated news articles into a searchable static briefing site."""

__version__ = "0.1.0"
