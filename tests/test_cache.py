"""gesta.cache: content-addressed pickle cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from gesta import cache


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv("GESTA_CACHE_DIR", str(directory))
    return directory


class Builder:
    def __init__(self, value: object) -> None:
        self.value = value
        self.calls = 0

    def __call__(self) -> object:
        self.calls += 1
        return self.value


def test_miss_then_hit(cache_home: Path) -> None:
    build = Builder({"a": [1, 2]})
    assert cache.cached("k-1", build) == {"a": [1, 2]}
    assert build.calls == 1
    assert (cache_home / "k-1.pickle").is_file()
    again = Builder({"other": 0})
    assert cache.cached("k-1", again) == {"a": [1, 2]}
    assert again.calls == 0
    assert not list(cache_home.glob("*.tmp"))


def test_key_changes_with_file_bytes(tmp_path: Path) -> None:
    data = tmp_path / "d.yaml"
    data.write_text("a: 1\n")
    first = cache.content_key("actors", [data], "tag")
    assert cache.content_key("actors", [data], "tag") == first
    data.write_text("a: 2\n")
    second = cache.content_key("actors", [data], "tag")
    assert second != first and second.startswith("actors-")
    assert cache.content_key("actors", [data], "other-tag") != second
    assert cache.content_key("patterns", [data], "tag") != second


def test_key_independent_of_file_order(tmp_path: Path) -> None:
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    a.write_text("x\n")
    b.write_text("y\n")
    assert cache.content_key("k", [a, b]) == cache.content_key("k", [b, a])


def test_off_disables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GESTA_CACHE_DIR", "off")
    monkeypatch.chdir(tmp_path)
    assert cache.cache_dir() is None
    build = Builder(3)
    assert cache.cached("k", build) == 3
    assert cache.cached("k", build) == 3
    assert build.calls == 2
    assert list(tmp_path.iterdir()) == []


def test_default_dir_follows_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GESTA_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_dir() == tmp_path / "gesta"


@pytest.mark.parametrize("garbage", [b"", b"not a pickle", b"\x80\x05\x95"])
def test_unreadable_entry_is_rebuilt(cache_home: Path, garbage: bytes) -> None:
    cache_home.mkdir()
    (cache_home / "k.pickle").write_bytes(garbage)
    build = Builder([1, 2, 3])
    assert cache.cached("k", build) == [1, 2, 3]
    assert build.calls == 1
    assert cache.cached("k", Builder(None)) == [1, 2, 3]  # rewritten


def test_unwritable_directory_still_returns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("GESTA_CACHE_DIR", str(blocker / "sub"))
    assert cache.cached("k", Builder(5)) == 5


def test_unpicklable_value_is_returned_and_leaves_no_file(cache_home: Path) -> None:
    value = lambda: 1  # noqa: E731 - a local lambda cannot be pickled
    assert cache.cached("k", lambda: value) is value
    assert list(cache_home.iterdir()) == []
