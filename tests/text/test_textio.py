"""generator.text.textio: encodings, line ends, NUL bytes, size and line limits, symlinks."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import pytest

from generator.errors import BriefingError
from generator.text import textio

TEXT = "Kim’s troops — “at least 11,000”\nsecond line\nthird line é\n"


def decode_error(raw: bytes) -> BriefingError:
    with pytest.raises(BriefingError) as info:
        textio.decode(raw, "briefs/a.txt")
    return info.value


# --- encodings ---------------------------------------------------------------------------------------------------


def test_utf8_is_decoded() -> None:
    assert textio.decode(TEXT.encode("utf-8"), "a.txt") == TEXT


def test_utf8_bom_is_removed() -> None:
    text = textio.decode(codecs.BOM_UTF8 + TEXT.encode("utf-8"), "a.txt")
    assert text == TEXT
    assert not text.startswith("\ufeff")


@pytest.mark.parametrize(
    ("bom", "codec"), [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")], ids=["le", "be"]
)
def test_utf16_with_bom_is_decoded(bom: bytes, codec: str) -> None:
    text = textio.decode(bom + TEXT.encode(codec), "a.txt")
    assert text == TEXT


def test_utf16_with_bom_and_crlf_is_normalised() -> None:
    raw = codecs.BOM_UTF16_LE + "one\r\ntwo\r\n".encode("utf-16-le")
    assert textio.decode(raw, "a.txt") == "one\ntwo\n"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"one\r\ntwo\r\nthree", "one\ntwo\nthree"),
        (b"one\rtwo\rthree\r", "one\ntwo\nthree\n"),
        (b"one\r\ntwo\rthree\n", "one\ntwo\nthree\n"),
        (b"blank\r\n\r\nline", "blank\n\nline"),
        (b"double\r\r\nend", "double\n\nend"),
    ],
    ids=["crlf", "lone-cr", "mixed", "blank-crlf", "cr-crlf"],
)
def test_line_ends_are_normalised(raw: bytes, expected: str) -> None:
    text = textio.decode(raw, "a.txt")
    assert text == expected
    assert "\r" not in text


# --- invalid bytes -------------------------------------------------------------------------------------------------


def test_cp1252_byte_names_offset_line_and_byte() -> None:
    raw = b"first\nsecond\ncaf\xe9 au lait\n"  # cp1252 e-acute on line 3, at byte offset 16
    exc = decode_error(raw)
    assert exc.location.path == "briefs/a.txt"
    assert exc.location.line == 3
    assert "byte offset 16" in exc.message
    assert "0xe9" in exc.message
    assert str(exc).startswith("briefs/a.txt:3: ")


def test_cp1252_curly_quote_on_first_line() -> None:
    exc = decode_error(b"\x93quoted\x94\n")
    assert exc.location.line == 1
    assert "byte offset 0" in exc.message
    assert "0x93" in exc.message


def test_cp1252_error_suggests_converting_to_utf8() -> None:
    assert "UTF-8" in decode_error(b"x\x96y").message


def test_cp1252_byte_after_utf8_bom_names_the_real_offset_and_line() -> None:
    raw = codecs.BOM_UTF8 + b"a\nb\n\x93x"  # 0x93 at byte offset 7 of the file, on line 3
    exc = decode_error(raw)
    assert "0x93" in exc.message
    assert "byte offset 7" in exc.message
    assert exc.location.line == 3


def test_invalid_byte_line_counts_lone_cr_line_ends() -> None:
    exc = decode_error(b"one\rtwo\r\x93three")
    assert exc.location.line == 3


def test_truncated_utf16_is_an_error_not_a_crash() -> None:
    raw = codecs.BOM_UTF16_LE + "ab\ncd".encode("utf-16-le") + b"\x00"  # odd number of bytes
    exc = decode_error(raw)
    assert "utf-16" in exc.message
    assert exc.location.line == 2


# --- NUL bytes -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "line"),
    [
        (b"\x00start", 1),
        (b"one\ntwo\nthr\x00ee\n", 3),
        (b"one\r\ntwo\r\n\x00", 3),
        (b"one\rtwo\r\x00", 3),
        (codecs.BOM_UTF16_LE + "one\ntwo\x00\n".encode("utf-16-le"), 2),
    ],
    ids=["first", "third", "crlf", "lone-cr", "utf16"],
)
def test_nul_byte_is_rejected_with_its_line(raw: bytes, line: int) -> None:
    exc = decode_error(raw)
    assert exc.location.line == line
    assert "NUL" in exc.message


# --- read_text: limits and symlinks ---------------------------------------------------------------------------------


def write(tmp_path: Path, data: bytes, name: str = "a.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_read_text_reads_and_normalises(tmp_path: Path) -> None:
    path = write(tmp_path, codecs.BOM_UTF8 + b"one\r\ntwo\r\n")
    assert textio.read_text(path, "briefs/a.txt", 1000) == "one\ntwo\n"


def test_file_at_the_size_limit_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, b"x" * 100)
    assert textio.read_text(path, "a.txt", 100) == "x" * 100


def test_file_over_the_size_limit_is_rejected_without_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, b"x" * 101)

    def no_reading(self: Path) -> bytes:
        raise AssertionError("an oversized file must be refused before it is read")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    with pytest.raises(BriefingError) as info:
        textio.read_text(path, "briefs/a.txt", 100)
    assert info.value.location.path == "briefs/a.txt"
    assert "101 bytes" in info.value.message
    assert "limit of 100" in info.value.message


def test_long_line_is_rejected_with_its_line_number(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(textio, "MAX_LINE_CHARS", 10)
    path = write(tmp_path, b"short\n" + b"y" * 10 + b"\n" + b"z" * 11 + b"\nshort\n")
    with pytest.raises(BriefingError) as info:
        textio.read_text(path, "briefs/a.txt", 1000)
    assert info.value.location.line == 3
    assert "11 characters" in info.value.message
    assert str(info.value).startswith("briefs/a.txt:3: ")


def test_line_at_the_limit_is_accepted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(textio, "MAX_LINE_CHARS", 10)
    path = write(tmp_path, b"y" * 10 + b"\n" + b"z" * 10)
    assert textio.read_text(path, "a.txt", 1000) == "y" * 10 + "\n" + "z" * 10


def test_line_limit_counts_characters_not_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(textio, "MAX_LINE_CHARS", 10)
    path = write(tmp_path, ("é" * 10).encode("utf-8"))  # 20 bytes, 10 characters
    assert textio.read_text(path, "a.txt", 1000) == "é" * 10


def test_real_one_megabyte_single_line_is_rejected(tmp_path: Path) -> None:
    path = write(tmp_path, b"word " * 200_000)  # 1,000,000 bytes with no line break
    with pytest.raises(BriefingError) as info:
        textio.read_text(path, "briefs/big.txt", textio.MAX_ARTICLE_BYTES)
    assert info.value.location.line == 1
    assert re.search(r"1,000,000 characters, over the limit of 100,000", info.value.message)


def test_symlink_is_refused(tmp_path: Path) -> None:
    real = write(tmp_path, b"real text\n", "real.txt")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    with pytest.raises(BriefingError) as info:
        textio.read_text(link, "briefs/link.txt", 1000)
    assert info.value.location.path == "briefs/link.txt"
    assert "symbolic link" in info.value.message


def test_dangling_symlink_is_refused_as_a_link(tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "missing.txt")
    with pytest.raises(BriefingError, match="symbolic link"):
        textio.read_text(link, "briefs/link.txt", 1000)
