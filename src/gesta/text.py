"""Decoding bytes and normalising text for matching while keeping original offsets.

Normalisation replaces typographic variants (curly quotes, dashes, odd spaces) one character
for one character, and removes invisible characters (soft hyphens, zero-width marks). An
:class:`OffsetMap` translates offsets in the normalised text back to the original text.
"""

from __future__ import annotations

import bisect
import codecs
import re
from dataclasses import dataclass

from gesta.errors import InputError

# One-to-one replacements: the normalised text keeps the original's length here.
_REPLACEMENTS = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
        "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u202f": " ", "\u3000": " ",
        "\u2028": "\n", "\u2029": "\n", "\r": "\n", "\t": " ", "\x0b": " ", "\x0c": "\n",
    }
)
# Lone surrogates (from JSON escapes like "\ud800") cannot be encoded, so the parser would fail
# on them: each becomes U+FFFD, one for one.
_REPLACEMENTS.update({code: "\ufffd" for code in range(0xD800, 0xE000)})
# Characters dropped from the normalised text (they split words for no reason), and the
# carriage return of a CRLF pair (else "\r\n" would become a blank line, a paragraph break).
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]|\r(?=\n)")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps offsets in a normalised text to offsets in its original.

    ``breaks[i]`` is a normalised offset from which ``shifts[i]`` characters have been removed
    before it; between breaks the shift is constant, so a lookup is one bisection.
    """

    breaks: tuple[int, ...] = ()
    shifts: tuple[int, ...] = ()

    def to_original(self, offset: int) -> int:
        if not self.breaks:
            return offset
        i = bisect.bisect_right(self.breaks, offset) - 1
        return offset if i < 0 else offset + self.shifts[i]

    def end_to_original(self, offset: int) -> int:
        """Original offset of a span *end*: never past characters removed right after the span."""
        return 0 if offset <= 0 else self.to_original(offset - 1) + 1


@dataclass(frozen=True, slots=True)
class NormalizedText:
    text: str
    offsets: OffsetMap


def normalize(original: str) -> NormalizedText:
    """Normalise ``original`` for matching; offsets map back through ``offsets``."""
    removed = [m.start() for m in _INVISIBLE.finditer(original)]
    replaced = _CONTROL.sub(" ", original.translate(_REPLACEMENTS))
    if not removed:
        return NormalizedText(replaced, OffsetMap())
    breaks: list[int] = []
    shifts: list[int] = []
    for count, original_pos in enumerate(removed, start=1):
        # the character after the removed one lands at original_pos - (count - 1) in the
        # normalised text, and is original_pos + 1 in the original
        breaks.append(original_pos - count + 1)
        shifts.append(count)
    pieces = [replaced[a + 1 : b] for a, b in zip([-1, *removed], [*removed, len(replaced)], strict=True)]
    kept = "".join(pieces)
    return NormalizedText(kept, OffsetMap(tuple(breaks), tuple(shifts)))


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes, source: str) -> str:
    """Decode article bytes: BOM-marked UTF-8/16/32, else UTF-8, else Latin-1.

    Raises :class:`InputError` for data that is evidently binary.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"invalid {encoding} text: {exc.reason}", source) from None
    if _looks_utf16_without_bom(data):
        try:
            return data.decode("utf-16-le" if data[1:2] == b"\x00" else "utf-16-be")
        except UnicodeDecodeError:
            pass
    if looks_binary(data):
        raise InputError("binary file, not text", source)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _looks_utf16_without_bom(data: bytes) -> bool:
    """ASCII-heavy UTF-16 puts a NUL in every other byte, on one side only."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return False
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    return max(even_nuls, odd_nuls) > 0.6 * half and min(even_nuls, odd_nuls) == 0


def looks_binary(data: bytes) -> bool:
    """True for data with NUL bytes or many control bytes (images, archives, executables)."""
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls / len(sample) > 0.05
