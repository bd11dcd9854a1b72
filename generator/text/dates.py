"""Month names, as pages print them and as articles write them ('January', 'Jan', 'Jan.', 'Sept')."""

from __future__ import annotations

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# every way an article writes a month without a dot, and its number: 'January', 'Jan', 'Sept'
MONTH_NUMBERS = {name: index for index, name in enumerate(MONTH_NAMES, start=1)}
MONTH_NUMBERS |= {name[:3]: index for name, index in list(MONTH_NUMBERS.items())} | {"Sept": 9}
# ...and with the abbreviation's dot: 'Jan.', 'Sept.'
MONTH_WORDS = frozenset(MONTH_NUMBERS) | {f"{word}." for word in MONTH_NUMBERS if word not in MONTH_NAMES}
