"""Reading editor files as text: encodings, line ends and size limits, with errors that point at the byte."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..errors import BriefingError, Location

# Real articles are tens of kilobytes; these limits stop a runaway file before anything parses it.
MAX_ARTICLE_BYTES = 2_000_000
MAX_ANNOTATION_BYTES = 256_000
MAX_LINE_CHARS = 100_000
_LINE_END = re.compile(rb"\r\n|\r|\n")


def decode(raw: bytes, where: str) -> str:
    """Decode UTF-8 (with or without BOM) or BOM-marked UTF-16; normalise line ends to \\n."""
    if raw.startswith(codecs.BOM_UTF16_LE) or raw.startswith(codecs.BOM_UTF16_BE):
        encoding, skipped = "utf-16", 0
    else:
        encoding, skipped = "utf-8", len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0
    try:
        text = raw[skipped:].decode(encoding)
    except UnicodeDecodeError as exc:
        offset = exc.start + skipped
        line = len(_LINE_END.findall(raw[:offset])) + 1
        raise BriefingError(
            Location(where, line),
            f"invalid {encoding} byte 0x{raw[offset]:02x} at byte offset {offset}; "
            "save the file as UTF-8 (e.g. `iconv -f cp1252 -t utf-8`)",
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise BriefingError(Location(where, line), "NUL byte in file; remove it (the file may be binary)")
    return text


def read_text(path: Path, where: str, max_bytes: int) -> str:
    """Read a file as text, refusing files and lines too large to be real editor input."""
    if path.is_symlink():
        raise BriefingError(Location(where, 1), "is a symbolic link; copy the real file into briefs/ instead")
    size = path.stat().st_size
    if size > max_bytes:
        raise BriefingError(
            Location(where, 1), f"file is {size:,} bytes, over the limit of {max_bytes:,}; split or shorten it"
        )
    text = decode(path.read_bytes(), where)
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_LINE_CHARS:
            raise BriefingError(
                Location(where, number),
                f"line is {len(line):,} characters, over the limit of {MAX_LINE_CHARS:,}; break it into paragraphs",
            )
    return text
