"""Actor dictionaries: countries, organisations, groups, agents, people (with dated roles) and
titles, loaded from ``data/actors/*.yaml`` and any user files, into one phrase index."""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from gesta.actors.phrases import PhraseIndex
from gesta.errors import DataFileError
from gesta.resources import DataFile, data_dir, load_yaml

log = logging.getLogger(__name__)

EntryKind = Literal["country", "adjective", "capital", "seat", "org", "group", "agent", "person", "title"]
Tokenize = Callable[[str], tuple[str, ...]]
KIND_ORDER = ("sectors", "countries", "organizations", "groups", "agents", "people", "titles")


@dataclass(frozen=True, slots=True)
class Role:
    """A position a person held from ``start`` to ``end`` (inclusive; None: open)."""

    country: str | None
    org: str | None
    sector: str | None
    office: str | None
    title: str | None
    start: dt.date | None
    end: dt.date | None
    code: str | None

    def active_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    @property
    def actor_code(self) -> str:
        if self.code:
            return self.code
        base = self.country or self.org or "UNK"
        return base + (self.sector or "") if self.country else base


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    roles: tuple[Role, ...]

    def role_on(self, day: dt.date | None) -> Role | None:
        """The role held on ``day``; the latest-starting one when several or no date."""
        if not self.roles:
            return None
        candidates = [r for r in self.roles if day is None or r.active_on(day)]
        if not candidates and day is not None:
            # the nearest role before the day: people keep their country after office
            earlier = [r for r in self.roles if r.start is None or r.start <= day]
            candidates = earlier or list(self.roles)
        return max(candidates, key=lambda r: r.start or dt.date.min)


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """What a dictionary phrase means."""

    kind: EntryKind
    phrase: str
    code: str | None = None  # country ISO code or organisation/group code
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    person: Person | None = None
    office: str | None = None
    single_person: bool = False  # agents such as "president" that denote one person
    case_sensitive: bool = False
    origin: str = ""  # file:line, for `gesta actors lookup`


@dataclass
class ActorDictionary:
    index: PhraseIndex[ActorEntry] = field(default_factory=PhraseIndex)
    office_holders: dict[tuple[str, str], list[tuple[Role, Person]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    sectors: dict[str, str] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    people_by_surname: dict[str, list[Person]] = field(default_factory=lambda: defaultdict(list))

    def holder(self, country: str, office: str, day: dt.date | None) -> Person | None:
        """Who held ``office`` in ``country`` on ``day`` (the latest holder without a date)."""
        holders = self.office_holders.get((country, office), [])
        active = [(r, p) for r, p in holders if day is None or r.active_on(day)]
        if not active:
            return None
        return max(active, key=lambda rp: rp[0].start or dt.date.min)[1]

    def person_by_surname(self, surname: str, day: dt.date | None) -> Person | None:
        """The person of the dictionary with this surname, or None when it is unknown or
        ambiguous. Of several, the one in office on ``day`` if only one is; else, when all are
        of one country (the two Presidents Bush), the latest to take office."""
        people = self.people_by_surname.get(surname.lower(), [])
        if len(people) > 1 and day is not None:
            people = [p for p in people if any(r.active_on(day) for r in p.roles)] or people
        if len(people) == 1:
            return people[0]
        roles = [(p, p.role_on(day)) for p in people]
        if not roles or len({r.country if r else None for _, r in roles}) != 1 or roles[0][1] is None:
            return None
        return max(roles, key=lambda pr: pr[1].start or dt.date.min if pr[1] else dt.date.min)[0]

    def lookup(self, tokens: tuple[str, ...]) -> list[ActorEntry]:
        return list(self.index.phrases.get(tuple(t.lower() for t in tokens), []))


def packaged_actor_files() -> list[Path]:
    directory = data_dir() / "actors"
    return sorted(directory.glob("*.yaml")) if directory.is_dir() else []


def load_actor_dictionary(tokenize: Tokenize, extra_files: Iterable[Path] = ()) -> ActorDictionary:
    """Load the packaged dictionaries and ``extra_files`` (user dictionaries) in kind order."""
    loaded = [load_yaml(path) for path in [*packaged_actor_files(), *extra_files]]
    loaded.sort(key=lambda d: KIND_ORDER.index(d.kind) if d.kind in KIND_ORDER else len(KIND_ORDER))
    dictionary = ActorDictionary()
    for data in loaded:
        if data.kind not in KIND_ORDER:
            raise DataFileError(str(data.path), f"not an actor dictionary (kind {data.kind!r})", data.line_of("kind"), "kind")
        dictionary.files.append(str(data.path))
        for entry in _entries(data, dictionary):
            tokens = tokenize(entry.phrase)
            dictionary.index.add(tuple(t.lower() for t in tokens), entry)
    log.debug("actor dictionary: %d phrases from %d files", len(dictionary.index), len(loaded))
    return dictionary


def _entries(data: DataFile, dictionary: ActorDictionary) -> Iterator[ActorEntry]:
    builders: dict[str, Callable[[dict[str, Any], str], Iterator[ActorEntry]]] = {
        "countries": _country_entries,
        "organizations": _organization_entries,
        "groups": _group_entries,
        "agents": _agent_entries,
        "titles": _title_entries,
    }
    key = "entries"
    for number, raw in enumerate(data.content.get(key, [])):
        origin = f"{data.path.name}:{data.line_of(key, number)}"
        if data.kind == "sectors":
            dictionary.sectors[raw["code"]] = raw["name"]
        elif data.kind == "people":
            yield from _person_entries(raw, origin, data, number, dictionary)
        else:
            yield from builders[data.kind](raw, origin)


def _country_entries(raw: dict[str, Any], origin: str) -> Iterator[ActorEntry]:
    code, name = raw["code"], raw["name"]
    for phrase in raw.get("names", []):
        yield ActorEntry("country", phrase, code, code, None, name, case_sensitive=_acronym(phrase), origin=origin)
    for phrase in raw.get("adjectives", []):
        yield ActorEntry("adjective", phrase, code, code, None, name, origin=origin)
    for phrase in raw.get("capitals", []):
        yield ActorEntry("capital", phrase, code, code, None, name, origin=origin)
    for phrase in raw.get("seats_of_power", []):
        yield ActorEntry("seat", phrase, code, code, "GOV", name, origin=origin)


def _organization_entries(raw: dict[str, Any], origin: str) -> Iterator[ActorEntry]:
    for phrase in raw.get("names", []):
        yield ActorEntry(
            "org", phrase, raw["code"], raw.get("country"), raw.get("sector"), raw["name"],
            case_sensitive=_acronym(phrase), origin=origin,
        )


def _group_entries(raw: dict[str, Any], origin: str) -> Iterator[ActorEntry]:
    for phrase in raw.get("names", []):
        yield ActorEntry(
            "group", phrase, raw["code"], raw.get("country"), raw.get("sector"), raw["name"],
            case_sensitive=_acronym(phrase), origin=origin,
        )


def _agent_entries(raw: dict[str, Any], origin: str) -> Iterator[ActorEntry]:
    for phrase in raw.get("names", []):
        yield ActorEntry(
            "agent", phrase, None, None, raw["sector"], None,
            single_person=bool(raw.get("person", False)), origin=origin,
        )


def _title_entries(raw: dict[str, Any], origin: str) -> Iterator[ActorEntry]:
    for phrase in raw.get("names", []):
        yield ActorEntry(
            "title", phrase, raw.get("org"), raw.get("country"), raw.get("sector") or "GOV", None,
            office=raw.get("office"), single_person=True, origin=origin,
        )


def _person_entries(
    raw: dict[str, Any], origin: str, data: DataFile, number: int, dictionary: ActorDictionary
) -> Iterator[ActorEntry]:
    roles = tuple(_role(r, data, number, i) for i, r in enumerate(raw.get("roles", [])))
    person = Person(raw["name"], roles)
    for role in roles:
        if role.country and role.office:
            dictionary.office_holders[(role.country, role.office)].append((role, person))
    surnames = {phrase.split()[-1].lower() for phrase in raw.get("names", []) if " " in phrase}
    for surname in surnames:
        dictionary.people_by_surname[surname].append(person)
    for phrase in raw.get("names", []):
        yield ActorEntry("person", phrase, None, None, None, raw["name"], person=person, single_person=True, origin=origin)


def _role(raw: dict[str, Any], data: DataFile, number: int, index: int) -> Role:
    where = ("entries", number, "roles", index)
    start = _date(raw.get("start"), data, (*where, "start"), first=True)
    end = _date(raw.get("end"), data, (*where, "end"), first=False)
    if start and end and end < start:
        raise DataFileError(str(data.path), "role ends before it starts", data.line_of(*where, "end"), "end")
    return Role(
        raw.get("country"), raw.get("org"), raw.get("sector"), raw.get("office"),
        raw.get("title"), start, end, raw.get("code"),
    )


def _date(value: Any, data: DataFile, where: tuple[Any, ...], first: bool) -> dt.date | None:
    """ISO dates, also YYYY and YYYY-MM (the first or last day of the period)."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    text = str(value)
    try:
        if len(text) == 4:
            return dt.date(int(text), 1, 1) if first else dt.date(int(text), 12, 31)
        if len(text) == 7:
            year, month = int(text[:4]), int(text[5:7])
            if first:
                return dt.date(year, month, 1)
            following = dt.date(year + month // 12, month % 12 + 1, 1)
            return following - dt.timedelta(days=1)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise DataFileError(str(data.path), f"not a date: {text!r}", data.line_of(*where), where[-1]) from None


def _acronym(phrase: str) -> bool:
    """Short all-capital names (US, UN, IS) must match case-sensitively: 'us' is a pronoun."""
    letters = phrase.replace(".", "").replace(" ", "")
    return letters.isupper() and len(letters) <= 5
