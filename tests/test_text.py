"""gesta.text: normalisation with exact offset maps, and decoding article bytes."""

from __future__ import annotations

import codecs

import pytest

from gesta.errors import InputError
from gesta.text import decode, looks_binary, normalize

INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"


def assert_maps_back(original: str) -> None:
    """Every normalised character comes from the original character its offset maps to."""
    norm = normalize(original)
    for i, ch in enumerate(norm.text):
        j = norm.offsets.to_original(i)
        assert 0 <= j < len(original)
        assert normalize(original[j]).text == ch
    # the end of the text maps to at most the end of the original
    assert norm.offsets.to_original(len(norm.text)) <= len(original)
    assert norm.offsets.end_to_original(len(norm.text)) <= len(original)


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("\u201cPeople\u2019s Republics\u201d", '"People\'s Republics"'),
        ("Kyiv\u00a0and\u202fMoscow", "Kyiv and Moscow"),
        ("long\u2013term \u2014 peace", "long-term - peace"),
        ("con\u00adflict", "conflict"),
        ("Don\u200bbas\u200cs", "Donbass"),
        ("\ufeffHeadline", "Headline"),
        ("a\r\nb", "a\nb"),
        ("a\rb", "a\nb"),
        ("tab\there", "tab here"),
        ("plain ASCII text.", "plain ASCII text."),
    ],
)
def test_normalize_text(original: str, expected: str) -> None:
    assert normalize(original).text == expected
    assert_maps_back(original)


def test_one_to_one_replacements_keep_length_and_offsets() -> None:
    original = "\u201cWe\u2019ll act,\u201d\u00a0said Kyiv \u2013 today."
    norm = normalize(original)
    assert len(norm.text) == len(original)
    assert all(norm.offsets.to_original(i) == i for i in range(len(original) + 1))


def test_removed_characters_shift_later_offsets() -> None:
    original = "Se\u00adpa\u200bra\u00ad\u00adtists ask Putin"
    norm = normalize(original)
    assert norm.text == "Separatists ask Putin"
    start = norm.text.index("Putin")
    assert original[norm.offsets.to_original(start) :].startswith("Putin")
    word_end = norm.text.index(" ")
    # a span of the normalised text maps to the same word in the original
    span = original[norm.offsets.to_original(0) : norm.offsets.end_to_original(word_end)]
    assert normalize(span).text == "Separatists"
    assert not span.endswith(tuple(INVISIBLE))


def test_span_end_does_not_swallow_removed_character() -> None:
    original = "ask\u00ad\r\nnext"
    norm = normalize(original)
    assert norm.text == "ask\nnext"
    assert norm.offsets.end_to_original(3) == 3
    assert norm.offsets.end_to_original(0) == 0


def test_controls_become_spaces() -> None:
    original = "a\x00b\x1fc\x7fd"
    norm = normalize(original)
    assert norm.text == "a b c d"
    assert len(norm.text) == len(original)


def test_lone_surrogates_become_replacement_characters() -> None:
    original = "Kyiv\ud800 agreed\udfff."
    norm = normalize(original)
    assert norm.text == "Kyiv\ufffd agreed\ufffd."
    norm.text.encode("utf-8")  # the parser can hash every token


def test_only_invisible_characters() -> None:
    original = INVISIBLE * 3
    norm = normalize(original)
    assert norm.text == ""
    assert norm.offsets.to_original(0) == len(original)


# --- decode -----------------------------------------------------------------------------

TEXT = "Separatists ask Putin for help \u2013 \u201cnow\u201d, said Pe\u0161kov. \u041a\u0438\u0435\u0432."


def test_decode_utf8_without_bom() -> None:
    assert decode(TEXT.encode("utf-8"), "x") == TEXT


def test_decode_utf8_with_bom_strips_it() -> None:
    assert decode(codecs.BOM_UTF8 + TEXT.encode("utf-8"), "x") == TEXT


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_decode_with_bom(encoding: str) -> None:
    data = TEXT.encode(encoding)
    if encoding == "utf-16-le":
        data = codecs.BOM_UTF16_LE + data
    elif encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    assert decode(data, "x") == TEXT


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_decode_utf16_without_bom(encoding: str) -> None:
    text = "Russia imposed sanctions on Ukraine.\nKyiv protested on Monday.\n"
    assert decode(text.encode(encoding), "x") == text


def test_decode_latin1_fallback() -> None:
    text = "Caf\xe9 in M\xfcnchen: \xab r\xe9union \xbb \xa9 dpa"
    data = text.encode("latin-1")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert decode(data, "x") == text


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)),
        b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 64,
        bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 50,
    ],
)
def test_decode_refuses_binary(data: bytes) -> None:
    assert looks_binary(data)
    with pytest.raises(InputError) as caught:
        decode(data, "picture.bin")
    assert caught.value.source == "picture.bin"
    assert "binary" in str(caught.value)


def test_plain_text_is_not_binary() -> None:
    assert not looks_binary(b"")
    assert not looks_binary(TEXT.encode("utf-8"))
    assert not looks_binary("Tabs\tand\r\nline\x0cfeeds".encode())


def test_decode_invalid_bom_text_is_input_error() -> None:
    # a UTF-16 BOM followed by an odd number of bytes (a truncated code unit)
    data = codecs.BOM_UTF16_LE + "ab".encode("utf-16-le") + b"\x00\xd8"
    with pytest.raises(InputError):
        decode(data, "broken.txt")
