"""gesta.resources: the one data loader (YAML with version/kind/schema, CSV), errors naming file, line, field."""

from __future__ import annotations

from pathlib import Path

import pytest

from gesta.errors import DataFileError
from gesta.resources import load_yaml, read_csv

VALID_PEOPLE = """\
version: 1
kind: people
entries:
  - name: Ada Example
    names: [Ada Example, Example]
    roles:
      - {country: RUS, sector: GOV, office: head_of_state, start: 2008-05-08, end: '2012'}
"""


def write(tmp_path: Path, text: str, name: str = "data.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_valid_file_loads_with_lines(tmp_path: Path) -> None:
    path = write(tmp_path, VALID_PEOPLE)
    data = load_yaml(path, "people")
    assert data.kind == "people"
    assert data.content["entries"][0]["name"] == "Ada Example"
    assert data.line_of("entries", 0) == 4
    assert data.line_of("entries", 0, "roles", 0) == 7
    assert data.line_of("entries", 0, "roles", 0, "nonexistent") == 7  # nearest ancestor


def test_dates_stay_iso_strings(tmp_path: Path) -> None:
    data = load_yaml(write(tmp_path, VALID_PEOPLE), "people")
    role = data.content["entries"][0]["roles"][0]
    assert role["start"] == "2008-05-08"
    assert isinstance(role["start"], str)
    assert role["end"] == "2012"


def test_bad_yaml_syntax_names_line(tmp_path: Path) -> None:
    path = write(tmp_path, "version: 1\nkind: people\nentries:\n  - name: [unclosed\n  - x: y\n")
    with pytest.raises(DataFileError) as info:
        load_yaml(path)
    assert info.value.path == str(path)
    assert info.value.line is not None and info.value.line >= 4
    assert str(path) in str(info.value)
    assert "YAML" in str(info.value)


def test_wrong_version(tmp_path: Path) -> None:
    path = write(tmp_path, VALID_PEOPLE.replace("version: 1", "version: 2"))
    with pytest.raises(DataFileError) as info:
        load_yaml(path, "people")
    assert (info.value.line, info.value.field) == (1, "version")
    assert "version" in str(info.value) and f"{path}:1" in str(info.value)


def test_missing_version(tmp_path: Path) -> None:
    path = write(tmp_path, VALID_PEOPLE.replace("version: 1\n", ""))
    with pytest.raises(DataFileError) as info:
        load_yaml(path, "people")
    assert info.value.field == "version"


def test_wrong_kind(tmp_path: Path) -> None:
    path = write(tmp_path, VALID_PEOPLE)
    with pytest.raises(DataFileError) as info:
        load_yaml(path, "titles")
    assert (info.value.line, info.value.field) == (2, "kind")
    assert "'titles'" in str(info.value) and "'people'" in str(info.value)


def test_unknown_kind(tmp_path: Path) -> None:
    path = write(tmp_path, VALID_PEOPLE.replace("kind: people", "kind: wizards"))
    with pytest.raises(DataFileError) as info:
        load_yaml(path)
    assert (info.value.line, info.value.field) == (2, "kind")
    assert "unknown kind" in str(info.value)


def test_schema_violation_deep_in_entry(tmp_path: Path) -> None:
    text = """\
version: 1
kind: people
entries:
  - name: Ada Example
    names: [Ada Example]
    roles: []
  - name: Bob Example
    names: [Bob Example]
    roles:
      - country: RUS
        start: 'not a date'
"""
    path = write(tmp_path, text)
    with pytest.raises(DataFileError) as info:
        load_yaml(path, "people")
    assert info.value.field == "entries.1.roles.0.start"
    assert info.value.line == 11
    assert f"{path}:11" in str(info.value)
    assert "entries.1.roles.0.start" in str(info.value)


def test_schema_missing_required_names_entry_line(tmp_path: Path) -> None:
    text = "version: 1\nkind: people\nentries:\n  - name: A\n    names: [A]\n    roles: []\n  - name: B\n    roles: []\n"
    path = write(tmp_path, text)
    with pytest.raises(DataFileError) as info:
        load_yaml(path, "people")
    assert info.value.field == "entries.1"
    assert info.value.line == 7
    assert "names" in str(info.value)


def test_empty_and_non_mapping(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="empty"):
        load_yaml(write(tmp_path, "", "empty.yaml"))
    with pytest.raises(DataFileError, match="mapping") as info:
        load_yaml(write(tmp_path, "- a\n- b\n", "list.yaml"))
    assert info.value.line == 1


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="cannot read"):
        load_yaml(tmp_path / "absent.yaml")


# --- CSV -------------------------------------------------------------------------------------


def test_csv_rows_with_line_numbers(tmp_path: Path) -> None:
    path = write(tmp_path, "# comment\ncode,name\n01,One\n\n02,\"Two, too\"\n", "t.csv")
    rows = list(read_csv(path, ("code", "name")))
    assert rows == [(3, {"code": "01", "name": "One"}), (5, {"code": "02", "name": "Two, too"})]


def test_csv_missing_column_names_header_line(tmp_path: Path) -> None:
    path = write(tmp_path, "# generated\n# another comment\ncode,label\n01,One\n", "t.csv")
    with pytest.raises(DataFileError) as info:
        list(read_csv(path, ("code", "name")))
    assert info.value.line == 3
    assert "name" in str(info.value) and f"{path}:3" in str(info.value)


def test_csv_wrong_column_count_names_line(tmp_path: Path) -> None:
    path = write(tmp_path, "code,name\n01,One\n02,Two,extra\n", "t.csv")
    with pytest.raises(DataFileError) as info:
        list(read_csv(path, ("code", "name")))
    assert info.value.line == 3
    assert "expected 2 columns, found 3" in str(info.value)


def test_csv_empty(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="empty"):
        list(read_csv(write(tmp_path, "# only a comment\n", "t.csv"), ("code",)))


def test_yaml11_boolean_words_as_keys_stay_strings(tmp_path: Path) -> None:
    text = 'version: 1\nkind: patterns\npatterns:\n  - id: "125.call.off"\n    cameo: "125"\n' \
           '    lemmas: [call]\n    prep: {on: [talk], off: ["*"], yes: [x], no: [y]}\n'
    data = load_yaml(write(tmp_path, text), "patterns")
    assert list(data.content["patterns"][0]["prep"]) == ["on", "off", "yes", "no"]
    assert data.line_of("patterns", 0, "prep", "off") == 7


def test_first_error_in_file_order(tmp_path: Path) -> None:
    entries = "".join(
        f"  - name: P{i}\n    names: [P{i}]\n    roles: {'7' if i in (2, 10) else '[]'}\n" for i in range(12)
    )
    path = write(tmp_path, "version: 1\nkind: people\nentries:\n" + entries)
    with pytest.raises(DataFileError) as info:
        load_yaml(path, "people")
    assert info.value.field == "entries.2.roles"
    assert info.value.line == 3 + 2 * 3 + 3
