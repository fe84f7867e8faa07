"""gesta.actors.dictionary: small dictionaries written here, loaded with a fake tokenizer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gesta.actors import dictionary as dictionary_module
from gesta.actors.dictionary import ActorDictionary, Person, Role, load_actor_dictionary
from gesta.errors import DataFileError

FILES = {
    "sectors.yaml": """\
version: 1
kind: sectors
entries:
  - {code: GOV, name: Government}
  - {code: MIL, name: Military}
""",
    "countries.yaml": """\
version: 1
kind: countries
entries:
  - code: RUS
    name: Russia
    names: [Russia, Russian Federation]
    adjectives: [Russian]
    capitals: [Moscow]
    seats_of_power: [Kremlin]
  - code: USA
    name: United States
    names: [United States, US, U.S.]
""",
    "agents.yaml": """\
version: 1
kind: agents
entries:
  - {sector: MIL, names: [troops, army]}
  - {sector: GOV, names: [president], person: true}
""",
    "organizations.yaml": """\
version: 1
kind: organizations
entries:
  - {code: IGOEUREEC, name: European Union, names: [European Union, EU], type: igo, country: null, sector: null}
""",
    "groups.yaml": """\
version: 1
kind: groups
entries:
  - {code: RUSREBWAG, name: Wagner Group, names: [Wagner Group, Wagner], country: RUS, sector: REB}
""",
    "people.yaml": """\
version: 1
kind: people
entries:
  - name: Vladimir Putin
    names: [Vladimir Putin, Putin]
    roles:
      - {country: RUS, sector: GOV, office: head_of_state, title: President, start: '2000-05-07', end: '2008-05-07'}
      - {country: RUS, sector: GOV, office: head_of_government, title: Prime Minister, start: '2008-05-08', end: '2012-05-07'}
      - {country: RUS, sector: GOV, office: head_of_state, title: President, start: '2012-05-07', end: null}
  - name: Dmitry Medvedev
    names: [Dmitry Medvedev, Medvedev]
    roles:
      - {country: RUS, sector: GOV, office: head_of_state, start: '2008-05', end: '2012-05-06'}
      - {country: RUS, sector: GOV, office: head_of_government, start: '2012', end: '2020-01'}
""",
    "titles.yaml": """\
version: 1
kind: titles
entries:
  - {names: [Kremlin chief, Russian leader], country: RUS, office: head_of_state}
""",
}


def tokenize(phrase: str) -> tuple[str, ...]:
    return tuple(phrase.replace("'s", " 's").split())


@pytest.fixture
def only_test_files(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dictionary_module, "packaged_actor_files", lambda: [])


@pytest.fixture
def small(tmp_path: Path, only_test_files: None) -> ActorDictionary:
    paths = []
    for name, text in FILES.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return load_actor_dictionary(tokenize, reversed(paths))  # order does not matter


def test_entries_of_every_kind(small: ActorDictionary) -> None:
    kinds = {e.kind for key in small.index.phrases for e in small.index.phrases[key]}
    assert kinds == {"country", "adjective", "capital", "seat", "org", "group", "agent", "person", "title"}
    assert small.sectors == {"GOV": "Government", "MIL": "Military"}
    assert len(small.files) == len(FILES)


def test_lookup_readings(small: ActorDictionary) -> None:
    (russia,) = small.lookup(("Russian", "Federation"))
    assert (russia.kind, russia.code, russia.country, russia.name) == ("country", "RUS", "RUS", "Russia")
    assert russia.origin.startswith("countries.yaml:")
    (kremlin,) = small.lookup(("kremlin",))
    assert (kremlin.kind, kremlin.sector) == ("seat", "GOV")
    (moscow,) = small.lookup(("Moscow",))
    assert moscow.kind == "capital"
    (wagner,) = small.lookup(("Wagner",))
    assert (wagner.kind, wagner.code, wagner.sector) == ("group", "RUSREBWAG", "REB")
    (eu,) = small.lookup(("EU",))
    assert eu.kind == "org" and eu.case_sensitive
    (president,) = small.lookup(("president",))
    assert president.single_person and president.kind == "agent"
    (troops,) = small.lookup(("troops",))
    assert not troops.single_person and troops.sector == "MIL"
    (chief,) = small.lookup(("Kremlin", "chief"))
    assert (chief.kind, chief.country, chief.office, chief.sector) == ("title", "RUS", "head_of_state", "GOV")


def test_acronyms_are_case_sensitive(small: ActorDictionary) -> None:
    (us,) = small.lookup(("us",))
    assert us.case_sensitive and us.phrase == "US"
    (usa,) = small.lookup(("united", "states"))
    assert not usa.case_sensitive


def test_person_role_on_date(small: ActorDictionary) -> None:
    (putin,) = small.lookup(("Putin",))
    person = putin.person
    assert person is not None and person.name == "Vladimir Putin"
    assert person.role_on(dt.date(2010, 1, 1)).office == "head_of_government"
    assert person.role_on(dt.date(2005, 1, 1)).office == "head_of_state"
    assert person.role_on(dt.date(2022, 2, 23)).office == "head_of_state"
    assert person.role_on(None).start == dt.date(2012, 5, 7)  # latest role without a date
    assert person.role_on(dt.date(2010, 1, 1)).actor_code == "RUSGOV"


def test_person_role_before_first_role() -> None:
    role = Role("RUS", None, "GOV", "head_of_state", None, dt.date(2000, 1, 1), None, None)
    assert Person("X", (role,)).role_on(dt.date(1990, 1, 1)) is role
    assert Person("X", ()).role_on(dt.date(1990, 1, 1)) is None


def test_person_after_office_keeps_last_role() -> None:
    early = Role("RUS", None, "GOV", "other", None, dt.date(2000, 1, 1), dt.date(2001, 1, 1), None)
    late = Role("RUS", None, "MIL", "other", None, dt.date(2003, 1, 1), dt.date(2004, 1, 1), None)
    assert Person("X", (early, late)).role_on(dt.date(2002, 6, 1)) is early
    assert Person("X", (early, late)).role_on(dt.date(2010, 6, 1)) is late


def test_partial_dates(small: ActorDictionary) -> None:
    (medvedev,) = small.lookup(("Medvedev",))
    president, premier = medvedev.person.roles
    assert president.start == dt.date(2008, 5, 1)  # YYYY-MM starts on the first day
    assert premier.start == dt.date(2012, 1, 1)  # YYYY starts on 1 January
    assert premier.end == dt.date(2020, 1, 31)  # YYYY-MM ends on the last day
    assert medvedev.person.role_on(dt.date(2020, 1, 31)) is premier


def test_partial_end_year_and_december(tmp_path: Path, only_test_files: None) -> None:
    text = """\
version: 1
kind: people
entries:
  - name: A B
    names: [A B]
    roles:
      - {country: RUS, start: '2001', end: '2003'}
      - {country: RUS, start: '2004-02', end: '2004-12'}
"""
    path = tmp_path / "people.yaml"
    path.write_text(text)
    loaded = load_actor_dictionary(tokenize, [path])
    first, second = loaded.lookup(("A", "B"))[0].person.roles
    assert (first.start, first.end) == (dt.date(2001, 1, 1), dt.date(2003, 12, 31))
    assert (second.start, second.end) == (dt.date(2004, 2, 1), dt.date(2004, 12, 31))


def test_office_holders(small: ActorDictionary) -> None:
    assert small.holder("RUS", "head_of_state", dt.date(2010, 1, 1)).name == "Dmitry Medvedev"
    assert small.holder("RUS", "head_of_state", dt.date(2022, 2, 23)).name == "Vladimir Putin"
    assert small.holder("RUS", "head_of_government", dt.date(2010, 1, 1)).name == "Vladimir Putin"
    assert small.holder("RUS", "head_of_government", dt.date(2015, 1, 1)).name == "Dmitry Medvedev"
    assert small.holder("RUS", "head_of_state", None).name == "Vladimir Putin"  # latest start
    assert small.holder("RUS", "head_of_state", dt.date(1990, 1, 1)) is None
    assert small.holder("USA", "head_of_state", None) is None


def test_role_ending_before_start_is_an_error(tmp_path: Path, only_test_files: None) -> None:
    text = """\
version: 1
kind: people
entries:
  - name: A B
    names: [A B]
    roles:
      - {country: RUS, start: '2001-01-01', end: '2002-01-01'}
      - country: RUS
        start: '2010-06-01'
        end: '2009-01-01'
"""
    path = tmp_path / "people.yaml"
    path.write_text(text)
    with pytest.raises(DataFileError) as info:
        load_actor_dictionary(tokenize, [path])
    assert info.value.path == str(path)
    assert info.value.line == 10
    assert info.value.field == "end"
    assert "ends before it starts" in str(info.value)


def test_role_ending_before_start_in_fixture_file(shared_fixture_dir: Path, only_test_files: None) -> None:
    path = shared_fixture_dir / "bad-people.yaml"
    with pytest.raises(DataFileError) as info:
        load_actor_dictionary(tokenize, [path])
    assert (info.value.line, info.value.field) == (9, "end")


def test_not_an_actor_kind(tmp_path: Path, only_test_files: None) -> None:
    path = tmp_path / "cues.yaml"
    path.write_text((Path(dictionary_module.data_dir()) / "grammar" / "cues.yaml").read_text())
    with pytest.raises(DataFileError) as info:
        load_actor_dictionary(tokenize, [path])
    assert info.value.field == "kind"


@pytest.fixture
def shared_fixture_dir() -> Path:
    return Path(__file__).resolve().parents[1] / "data" / "actors"


SAME_SURNAMES = """\
version: 1
kind: people
entries:
  - name: George Bush
    names: [George Bush]
    roles: [{country: USA, sector: GOV, office: head_of_state, start: '1989-01-20', end: '1993-01-20'}]
  - name: George W. Bush
    names: [George W. Bush]
    roles: [{country: USA, sector: GOV, office: head_of_state, start: '2001-01-20', end: '2009-01-20'}]
  - name: Ivan Bush
    names: [Ivan Bush]
    roles: [{country: RUS, sector: GOV, office: other, start: '2003-01-01', end: '2005-01-01'}]
  - name: Anna Karenina
    names: [Anna Karenina]
    roles: [{country: RUS, sector: GOV, office: other, start: '2003-01-01', end: null}]
"""


def test_person_by_surname(tmp_path: Path, only_test_files: None) -> None:
    path = tmp_path / "people.yaml"
    path.write_text(SAME_SURNAMES, encoding="utf-8")
    found = load_actor_dictionary(tokenize, [path])
    assert found.person_by_surname("Karenina", None).name == "Anna Karenina"
    assert found.person_by_surname("bush", dt.date(1990, 6, 1)).name == "George Bush"  # the one in office
    assert found.person_by_surname("bush", dt.date(2006, 6, 1)).name == "George W. Bush"
    assert found.person_by_surname("bush", dt.date(2004, 6, 1)) is None  # two in office, two countries
    assert found.person_by_surname("bush", dt.date(2020, 1, 1)) is None  # none in office, two countries
    assert found.person_by_surname("Tolstoy", None) is None
    assert found.person_by_surname("anna", None) is None  # given names are no surnames
