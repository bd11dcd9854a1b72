"""Characters an annotation may not hold, one rule for validation and the drafter: control characters (tab and
newline aside) and text-direction overrides anywhere; invisible zero-width characters in names."""

from __future__ import annotations

import re

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")


def refused(text: str) -> bool:
    """Whether any annotation value holding `text` fails validation for a character in it."""
    return bool(CONTROL.search(text) or BIDI.search(text))


def strip_refused(text: str) -> str:
    """The text without the characters refused in any annotation value."""
    return BIDI.sub("", CONTROL.sub("", text))
