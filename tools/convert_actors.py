#!/usr/bin/env python3
"""Build gesta's actor dictionaries (src/gesta/data/actors/*.yaml).

Facts come from two places:

1. The PETRARCH2 / Phoenix actor and agent dictionaries (MIT licence, Open
   Event Data Alliance), read from ``--source`` (default
   ``../shared/data/reference/petrarch2`` relative to the repository root).
   Only facts (names, codes, dates) are taken; the output format is ours.
2. Hand-maintained overlays in ``tools/actor_overrides/`` (corrections and
   extensions, notably everything after 2014).  Overlay entries win over
   converted ones; re-running the converter never loses hand edits because
   hand edits live only in the overlay files.

Output is deterministic (sorted, stable).  Usage::

    .venv/bin/python tools/convert_actors.py            # convert + check
    .venv/bin/python tools/convert_actors.py --check    # only validate output
"""
from __future__ import annotations

from typing import Any

import argparse
import datetime as dt
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = REPO / ".." / "shared" / "data" / "reference" / "petrarch2"
DEFAULT_OUT = REPO / "src" / "gesta" / "data" / "actors"
DEFAULT_OVERRIDES = REPO / "tools" / "actor_overrides"

KNOWLEDGE_CUTOFF = "2025-01-31"

OFFICES = [
    "head_of_state", "head_of_government", "foreign_minister", "defence_minister",
    "interior_minister", "finance_minister", "minister", "spokesperson", "legislator",
    "party_leader", "opposition_leader", "rebel_leader", "military_commander",
    "igo_official", "judge", "religious_leader", "activist", "other",
]
# short forms used in the compact people overlay
OFFICE_ABBR = {
    "hos": "head_of_state", "hog": "head_of_government", "fm": "foreign_minister",
    "dm": "defence_minister", "im": "interior_minister", "fin": "finance_minister",
    "min": "minister", "spk": "spokesperson", "leg": "legislator", "pl": "party_leader",
    "opp": "opposition_leader", "reb": "rebel_leader", "mil": "military_commander",
    "igo": "igo_official", "jud": "judge", "rel": "religious_leader", "act": "activist",
    "oth": "other",
}
OFFICE_SECTOR = {
    "head_of_state": "GOV", "head_of_government": "GOV", "foreign_minister": "GOV",
    "defence_minister": "GOV", "interior_minister": "GOV", "finance_minister": "GOV",
    "minister": "GOV", "spokesperson": "GOV", "legislator": "LEG", "party_leader": "PTY",
    "opposition_leader": "OPP", "rebel_leader": "REB", "military_commander": "MIL",
    "igo_official": "IGO", "judge": "JUD", "religious_leader": "REL", "activist": "ACT",
    "other": "GOV",
}
OFFICE_TITLE = {
    "foreign_minister": "Foreign Minister", "defence_minister": "Defence Minister",
    "interior_minister": "Interior Minister", "finance_minister": "Finance Minister",
}
ORG_TYPES = {"igo", "region", "ngo", "media", "party", "company", "government_body"}
GROUP_TYPES = {"separatist", "rebel", "militant", "terrorist", "militia", "paramilitary"}

# PETRARCH sector codes -> gesta sector codes (first 3 letters after country)
SECTOR_MAP = {
    "MUS": "REL", "CHR": "REL", "BUD": "REL", "JEW": "REL", "HIN": "REL", "RAD": "REL",
    "CTH": "REL", "PRO": "REL", "MNC": "BUS", "NGM": "NGO", "PPL": "CVL", "IMG": "REB",
    "INS": "IRG", "KID": "HLH",
}

NON_ISO = {  # codes accepted although pycountry does not list them as current countries
    "XKX": "Kosovo (user-assigned ISO 3166 code used by the EU and IMF)",
}
HISTORIC_OK = {"SUN", "DDR", "YUG", "CSK", "SCG"}
PETRARCH_CODE_MAP = {"KSV": "XKX", "ANG": "AGO", "JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "ROM": "ROU",
                     "ZAR": "COD", "TMP": "TLS"}  # older CAMEO / PETRARCH codes -> ISO 3166 alpha-3
DROP_COUNTRY_CODES = {"KNT"}  # 'Kinakuta', a fictional country of the PETRARCH test suite

DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

# words that mark a phrase as an institution rather than a person
ORG_WORDS = set("""
UNITED NATIONS NATION ORGANIZATION ORGANISATION COUNCIL COMMISSION FUND AGENCY BANK PARTY
FRONT ARMY MOVEMENT ASSOCIATION COMMITTEE UNION INSTITUTE FOUNDATION PROGRAM PROGRAMME OFFICE
MINISTRY MINISTRIES COURT ASSEMBLY PARLIAMENT FORCE FORCES GROUP BRIGADE BRIGADES NETWORK
SOCIETY CENTER CENTRE SERVICE SERVICES AUTHORITY DEPARTMENT TRIBUNAL PANEL MISSION SECRETARIAT
CONFERENCE FEDERATION LEAGUE CORPS POLICE GUARD GUARDS COMMAND SECURITY NEWS TIMES POST RADIO
TV TELEVISION PRESS CORPORATION COMPANY INC LTD CORP AIRLINES BOARD INTERNATIONAL NATIONAL
WORLD GLOBAL REPUBLIC GOVERNMENT HOUSE PALACE CABINET SENATE CONGRESS DUMA CHAMBER ALLIANCE
COALITION BUREAU DIRECTORATE ACADEMY UNIVERSITY SCHOOL COLLEGE HOSPITAL CHURCH MOSQUE TEMPLE
JUNTA REGIME ADMINISTRATION MILITARY NAVY AIR INTELLIGENCE OPPOSITION REBELS REBEL MILITIA
PEOPLE PEOPLES PEOPLE'S CLUB TEAM BRANCH DIVISION REGIMENT BATTALION SQUAD UNIT UNITS CELL
CELLS ORGANIZATIONS COUNCILS COMMITTEES STATE STATES FEDERAL PRESIDENCY MONARCHY KINGDOM
EMBASSY CONSULATE DELEGATION LEGISLATURE JUDICIARY PROSECUTOR TREASURY RESERVE EXCHANGE
MARKET MARKETS INDUSTRY INDUSTRIES SYNDICATE TRUST WATCH RIGHTS INITIATIVE PROJECT CAMPAIGN
NUCLEI NUCLEUS COMMANDOS COMMANDO FACTION LIBERATION REVOLUTIONARY ISLAMIC JIHAD MUJAHIDEEN
""".split())
TITLE_WORDS = set("""
president presidential prime minister premier secretary leader former ex chairman chairwoman
foreign defense defence spokesman spokeswoman ambassador envoy mr. mrs. ms. dr. general gen.
chancellor vice deputy acting interim ousted exiled late candidate senator governor mayor
king queen emperor sultan emir crown head chief commander justice judge director official
soviet communist administration government minister's secretary-general sec. prof.
""".split())
# bare one-word aliases that are ordinary words or too ambiguous
AMBIGUOUS_SURNAMES = set("""
bush clinton kim lee park wang li zhang liu chen yang zhao huang zhou wu xu sun ma zhu hu guo
he lin luo gao khan ali ahmed mohammed muhammad hassan hussein abdullah singh kumar shah
smith johnson brown jones miller davis wilson moore taylor thomas white martin thompson young
king hill green baker adams nelson carter mitchell roberts turner phillips campbell parker
evans edwards collins stewart morris rogers reed cook morgan bell murphy bailey rivera cooper
richardson cox howard ward torres peterson gray ramirez james watson brooks kelly sanders price
bennett wood barnes ross henderson coleman jenkins perry powell long patterson hughes flores
washington butler simmons foster gonzales bryant alexander russell griffin diaz hayes may rice
gates major rich power law rose wolf fox bishop chance rush ball cash love hope joy grant
field fields lord page street strong hall wells west north south east wall banks mills rivers
lopez garcia rodriguez martinez hernandez gonzalez perez sanchez gomez fernandez santos silva
da de del la le van von al el bin ibn abu abd abdul nguyen tran pham le hoang singh das
mohamed mohammad ahmad ibrahim ismail yusuf omar osman musa said saleh salih aziz karim
rahman hamid nasser jaber khalil mahmoud mustafa kamal noor nur islam haq
""".split())


# --------------------------------------------------------------------------------------
# helpers

def norm(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.lower().replace("\u2019", "'")
    s = re.sub(r"[^\w' ]+", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def uniq(seq):
    seen, out = set(), []
    for x in seq:
        if x is None:
            continue
        if isinstance(x, str) and x[:4].lower() == "the ":
            x = x[4:]
        k = norm(x) if isinstance(x, str) else x
        if k in seen or k == "":
            continue
        seen.add(k)
        out.append(x)
    return out


SMALL = {"of", "the", "and", "for", "de", "du", "des", "la", "le", "del", "da", "do", "dos",
         "van", "von", "der", "den", "al", "el", "bin", "ibn", "y", "e", "in", "on", "to",
         "at", "a", "an"}


def titlecase(phrase: str) -> str:
    words = phrase.split()
    out = []
    for i, w in enumerate(words):
        lw = w.lower()
        if i > 0 and lw in SMALL:
            out.append(lw)
            continue
        if re.fullmatch(r"[A-Z]{2,5}\.?", w) and not re.search(r"[AEIOUY]", w[1:]):
            out.append(w)  # acronym like NTA, UNHCR
            continue
        parts = re.split(r"([-'.])", lw)
        buf = []
        for j, p in enumerate(parts):
            if p in "-'." or not p:
                buf.append(p)
                continue
            if j > 0 and parts[j - 1] == "-" and p in {"al", "el", "ad", "ud", "ul", "ur", "ed", "e"}:
                buf.append(p)
            elif j > 0 and parts[j - 1] == "'" and len(p) <= 2:
                buf.append(p)
            elif p.startswith("mc") and len(p) > 2:
                buf.append("Mc" + p[2:].capitalize())
            else:
                buf.append(p.capitalize())
        out.append("".join(buf))
    return " ".join(out)


def clean_phrase(raw: str) -> tuple[str | None, list[str]]:
    """PETRARCH phrase -> natural phrase (+ acronyms found in parentheses)."""
    p = raw.strip().lstrip("+").strip()
    p = p.replace("_", " ")
    extra = []
    for m in re.finditer(r"\(([^)]*)\)", p):
        inner = m.group(1).strip()
        if re.fullmatch(r"[A-Z][A-Z0-9/\-]{1,9}", inner):
            extra.append(inner)
    p = re.sub(r"\([^)]*\)", " ", p)
    p = re.sub(r"\s+", " ", p).strip(" ,;")
    if not p or not re.search(r"[A-Za-z]", p):
        return None, extra
    if p.upper().startswith("THE "):
        p = p[4:]
    if re.search(r"[A-Z]", p) and p == p.upper():
        p = titlecase(p)
    return p, extra


def parse_date(s: str) -> str | None:
    s = s.strip()
    if not s.isdigit():
        return None
    if len(s) == 6:
        yy = int(s[:2])
        year = 2000 + yy if yy < 30 else 1900 + yy
        s = f"{year}{s[2:]}"
    if len(s) != 8:
        return None
    try:
        d = dt.date(int(s[:4]), int(s[4:6]), int(s[6:8]))
    except ValueError:
        return None
    return d.isoformat()


CODE_RE = re.compile(r"\[([^\]]*)\]")


def parse_codes(text: str):
    """Return list of (code, start, end, kind) from '[CODE restriction]' groups.

    kind: 'default' (no restriction), 'range', 'after', 'before', 'bad'."""
    out = []
    for m in CODE_RE.finditer(text):
        inner = m.group(1).strip()
        if not inner:
            continue
        parts = inner.split(None, 1)
        code = parts[0].strip().rstrip("}")
        rest = parts[1].replace(" ", "") if len(parts) > 1 else ""
        if not rest:
            out.append((code, None, None, "default"))
        elif rest.startswith(">"):
            out.append((code, parse_date(rest[1:]), None, "after"))
        elif rest.startswith("<"):
            out.append((code, None, parse_date(rest[1:]), "before"))
        elif "-" in rest:
            a, b = rest.split("-", 1)
            da, db = parse_date(a), parse_date(b)
            out.append((code, da, db, "range" if da and db else "bad"))
        else:
            out.append((code, None, None, "bad"))
    return out


def block_code(block: Any) -> str | None:
    """The first real actor code of a PETRARCH block (not '---', not a date), upper-case."""
    codes = [c for c in block.codes if c[0] not in ("---",) and c[0].isalpha()]
    return codes[0][0].upper() if codes else None


class Block:
    __slots__ = ("phrases", "codes", "comments", "line")

    def __init__(self, line):
        self.phrases: list[str] = []
        self.codes: list[tuple] = []
        self.comments: list[str] = []
        self.line = line


def read_actor_file(path: Path) -> list[Block]:
    """Group a PETRARCH .actors file into blocks of phrases sharing codes."""
    blocks: list[Block] = []
    cur: Block | None = None
    for lineno, raw in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        if raw.lstrip().startswith("#") or raw.lstrip().startswith("<"):
            continue
        body, _, comment = raw.partition("#")
        if not body.strip():
            continue
        stripped = body.strip()
        if stripped.startswith("["):
            if cur is not None:
                cur.codes.extend(parse_codes(stripped))
                cur.comments.append(comment)
            continue
        is_syn = stripped.startswith("+")
        phrase_part = CODE_RE.sub(" ", stripped)
        codes = parse_codes(stripped)
        if not is_syn and (cur is None or cur.codes):
            cur = Block(lineno)
            blocks.append(cur)
        elif cur is None:
            cur = Block(lineno)
            blocks.append(cur)
        cur.phrases.append(phrase_part)
        cur.codes.extend(codes)
        cur.comments.append(comment)
    return [b for b in blocks if b.phrases and b.codes]


def looks_like_person(block: Block) -> bool:
    com = " ".join(block.comments).lower()
    if "countryinfo" in com or "igorulers" in com:
        return True
    words = block.phrases[0].replace("_", " ").replace("+", " ").split()
    if not (2 <= len(words) <= 5):
        return False
    for ph in block.phrases:
        for w in re.split(r"[ _]+", ph.strip("+ ").upper()):
            if w.strip(",.()") in ORG_WORDS:
                return False
    return True


def is_country_block(block: Block, country_names: set[str]) -> bool:
    """The block of a country or territory itself: every code a bare country code ([SAU]), or
    one of its phrases a country's name ("AMERICAN_SAMOA_ [USAASM]", "+FAROE_ISLANDS_")."""
    codes = [c[0] for c in block.codes if c[0] != "---"]
    if codes and all(len(c) == 3 and c.isalpha() for c in codes):
        return True
    phrases = (clean_phrase(p)[0] for p in block.phrases)
    return any(p and norm(p) in country_names for p in phrases)


def sector_of(code: str, country_len: int = 3) -> tuple[str | None, str]:
    """Split a CAMEO code into (country, sector) where possible."""
    code = code.upper()
    if code.startswith(("IGO", "NGO", "MNC")):
        return None, {"IGO": "IGO", "NGO": "NGO", "MNC": "BUS"}[code[:3]]
    cc = code[:3]
    rest = code[3:6]
    return cc, SECTOR_MAP.get(rest, rest)


# --------------------------------------------------------------------------------------
# loading overlays

def load_yaml(path: Path):
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def overlay_files(root: Path, sub: str) -> list[Path]:
    d = root / sub
    files = []
    if d.is_dir():
        files = sorted(d.glob("*.yaml"))
    f = root / f"{sub}.yaml"
    if f.exists():
        files.insert(0, f)
    return files


# --------------------------------------------------------------------------------------
# conversion

class Converter:
    def __init__(self, source: Path, overrides: Path):
        self.source = source
        self.ov = overrides
        self.stats: dict[str, int] = defaultdict(int)
        self.common_words = self._common_words()
        drops = load_yaml(overrides / "drop.yaml") if (overrides / "drop.yaml").exists() else {}
        self.drops = {k: {norm(x) for x in (v or [])} for k, v in (drops or {}).items()}

    def _common_words(self) -> set[str]:
        words = set()
        for fn in ("CAMEO.2.0.txt", "Phoenix.agents.txt", "Phoenix.discards.txt"):
            p = self.source / fn
            if p.exists():
                for w in re.findall(r"[A-Za-z]{3,}", p.read_text(errors="replace")):
                    words.add(w.lower())
        return words | AMBIGUOUS_SURNAMES

    # ---------------- countries
    def countries(self, blocks):
        import pycountry
        ov = load_yaml(self.ov / "countries.yaml") or {}
        entries = {}
        petr_primary = {}
        dropped_names: dict[str, set[str]] = {}
        for b in blocks:
            for c in b.codes:
                code = c[0]
                if len(code) == 3 and c[3] == "default" and code.isalpha():
                    ph, _ = clean_phrase(b.phrases[0])
                    petr_primary.setdefault(code, ph)
        for c in pycountry.countries:
            entries[c.alpha_3] = {
                "code": c.alpha_3, "name": getattr(c, "common_name", None) or c.name,
                "names": uniq([n for n in [getattr(c, "common_name", None), c.name,
                               getattr(c, "official_name", None)] if n and "," not in n]),
                "adjectives": [], "capitals": [], "seats_of_power": [], "alt_codes": [],
            }
        for code, info in sorted(ov.items()):
            info = info or {}
            if isinstance(info, str):  # compact: "adjs | capitals | seats | names | alt codes"
                parts = [[x.strip() for x in part.split(",") if x.strip()]
                         for part in (info.split("|") + ["", "", "", "", ""])[:5]]
                info = {"adj": parts[0], "cap": parts[1], "seat": parts[2], "names": parts[3],
                        "alt": parts[4]}
                if parts[3]:
                    info["name"] = parts[3][0]
            e = entries.get(code)
            if e is None:
                e = entries[code] = {"code": code, "name": info.get("name", code), "names": [],
                                     "adjectives": [], "capitals": [], "seats_of_power": [],
                                     "alt_codes": []}
            if info.get("drop"):
                del entries[code]
                continue
            if "name" in info:
                e["name"] = info["name"]
            e["names"] = uniq([e["name"]] + list(info.get("names", [])) + e["names"])
            dropped_names[code] = {norm(x) for x in info.get("drop_names", [])}
            e["names"] = [n for n in e["names"] if norm(n) not in dropped_names[code]]
            adjs = []
            for a in info.get("adj", []):
                adjs.append(a)
                adjs.extend(plural_adj(a))
            e["adjectives"] = uniq(adjs)
            e["capitals"] = uniq(info.get("cap", []))
            e["seats_of_power"] = uniq(info.get("seat", []))
            e["alt_codes"] = uniq(info.get("alt", []))
        for pcode, pname in petr_primary.items():
            iso = PETRARCH_CODE_MAP.get(pcode, pcode)
            if pcode in DROP_COUNTRY_CODES or iso not in entries:
                continue
            e = entries[iso]
            if pcode != iso:
                e["alt_codes"] = uniq(e["alt_codes"] + [pcode])
            if norm(pname) in dropped_names.get(iso, set()):
                continue
            if pname and norm(pname) not in {norm(n) for n in e["names"]} and not pname.isupper():
                e["names"].append(pname)
        self.stats["countries"] = len(entries)
        self.country_codes = set(entries)
        self.country_adj = {norm(a) for e in entries.values() for a in e["adjectives"]}
        return [entries[k] for k in sorted(entries)]

    # ---------------- people
    def person_names(self, block: Block) -> list[str]:
        names = []
        for ph in block.phrases:
            p, _ = clean_phrase(ph)
            if not p:
                continue
            toks = norm(p).split()
            if any(t in TITLE_WORDS or t in self.country_adj for t in toks):
                continue
            names.append(p)
        return uniq(names)

    def convert_people(self, blocks, file_kind):
        people = []
        for b in blocks:
            names = self.person_names(b)
            if not names:
                continue
            roles = []
            defaults = []
            for code, start, end, kind in b.codes:
                code = code.upper()
                if code in ("---", "") or not code.isalpha():
                    continue
                country, sector = sector_of(code)
                if country is not None:
                    country = PETRARCH_CODE_MAP.get(country, country)
                    if country not in self.country_codes and country not in HISTORIC_OK:
                        continue
                if sector not in self.sector_codes:
                    sector = "GOV" if sector.startswith("GOV") else "ELI"
                role = {"country": country, "sector": sector}
                if country is None:
                    org = code if code[:3] == "IGO" else None
                    if org is None:
                        continue  # NGO/MNC persons are too noisy
                    role["org"] = org[:6] if len(org) > 6 and org[:6] in ("IGOUNO",) and org not in self.org_codes else org
                    role["office"] = "igo_official"
                else:
                    role["office"] = "other"
                    full = code
                    if full != f"{country}{sector}" and len(code) > 6:
                        role["code"] = PETRARCH_CODE_MAP.get(code[:3], code[:3]) + code[3:]
                if kind == "default":
                    defaults.append(role)
                    continue
                if kind != "range":
                    self.stats["people_roles_dropped_open_or_bad"] += 1
                    continue
                if sector == "ELI" and start and start.endswith("-01-01"):
                    self.stats["people_roles_dropped_synthetic_eli"] += 1
                    continue
                if start and end and start > end:
                    continue
                role["start"], role["end"] = start, end
                role["title"] = None
                roles.append(role)
            if not roles and defaults:
                r = dict(defaults[0])
                r["start"], r["end"], r["title"] = None, None, None
                roles.append(r)
            if not roles:
                continue
            people.append({"name": names[0], "names": names, "roles": roles,
                           "_src": f"{file_kind}:{b.line}"})
        return people

    # ---------------- organisations & groups
    def convert_orgs(self, blocks, file_kind):
        orgs = []
        for b in blocks:
            code = block_code(b)
            if code is None:
                continue
            names, extra = [], []
            for ph in b.phrases:
                p, ex = clean_phrase(ph)
                if p:
                    names.append(p)
                extra.extend(ex)
            names = uniq(names + extra)
            if not names:
                continue
            if code.startswith("MNC"):
                if "MED" not in code:
                    continue
                otype, sector, country = "media", "MED", code[3:6] if len(code) >= 9 else None
            elif code.startswith("IGO"):
                otype, sector, country = "igo", "IGO", None
            elif code.startswith("NGO"):
                otype, sector, country = "ngo", "NGO", None
            elif code == "MED":
                otype, sector, country = "media", "MED", None
            else:
                country, sector = sector_of(code)
                country = PETRARCH_CODE_MAP.get(country, country)
                if country not in self.country_codes:
                    continue
                if not sector:
                    continue  # plain country codes are country aliases (places etc.)
                if sector not in self.sector_codes:
                    continue
                otype = {"MED": "media", "PTY": "party", "BUS": "company"}.get(sector, "government_body")
            if country and country not in self.country_codes:
                country = None
            orgs.append({"code": code if not code.startswith("MNC") else (country or "") + "MED"
                         if country else "MED",
                         "name": names[0], "names": names, "type": otype, "country": country,
                         "sector": sector, "state_media": False, "_src": f"{file_kind}:{b.line}"})
        return orgs

    def convert_groups(self, blocks, known_people):
        groups = []
        for b in blocks:
            code = block_code(b)
            if code is None:
                continue
            names, extra = [], []
            for pi, ph in enumerate(b.phrases):
                p, ex = clean_phrase(ph)
                if p and norm(p) not in known_people:
                    toks = p.upper().replace("-", " ").split()
                    personish = 2 <= len(toks) <= 4 and not any(t in ORG_WORDS for t in toks)
                    if pi > 0 and personish:
                        continue  # PETRARCH lists leaders as group synonyms; keep them out
                    names.append(p)
                extra.extend(ex)
            names = uniq(names + extra)
            if not names:
                continue
            cc = code[:3]
            cc = PETRARCH_CODE_MAP.get(cc, cc)
            country = cc if cc in self.country_codes else None
            if country:
                sec = SECTOR_MAP.get(code[3:6], code[3:6]) or "REB"
                if sec not in self.sector_codes:
                    sec = "REB"
                gcode = country + sec
                if code.startswith("PSEREBHMS"):
                    gcode = "PSEREBHMS"
            else:
                sec = "REB"
                gcode = code  # regional / transnational PETRARCH code (e.g. IMGMUSALQ)
            groups.append({"code": gcode, "name": names[0], "names": names, "country": country,
                           "sector": sec, "type": "militant", "_src": f"milnonstate:{b.line}"})
        return groups

    # ---------------- agents
    def convert_agents(self):
        text = (self.source / "Phoenix.agents.txt").read_text(errors="replace")
        subst = {}
        entries = defaultdict(list)
        for raw in text.splitlines():
            line = raw.split("#", 1)[0].strip()
            if not line or line.startswith("<"):
                continue
            m = re.match(r"^(![A-Z]+!)\s*=\s*(.*)$", line)
            if m:
                subst[m.group(1)] = [x.strip() for x in m.group(2).split(",")]
                continue
            m = re.match(r"^(.*?)\s*(\{[^}]*\})?\s*\[([^\]]*)[\]}]", line)
            if not m:
                continue
            phrase, plural, code = m.group(1).strip(), m.group(2), m.group(3).strip()
            if "~" not in code:
                continue
            code = code.replace("~", "")
            sec = code[:3]
            sec = SECTOR_MAP.get(sec, sec)
            if sec not in self.sector_codes:
                continue
            phrases = [phrase]
            for mk, vals in subst.items():
                if mk in phrase:
                    phrases = [phrase.replace(mk, v) for v in vals]
                    # keep singular forms only (matching is on lemmas)
                    phrases = [p for p in phrases if not re.search(r"(MEN|MINISTERS|MINISTRIES)$", p)]
            for p in phrases:
                p = p.replace("_", " ").strip().lower()
                p = re.sub(r"\s+", " ", p)
                if p:
                    entries[sec].append(p)
            if plural == "{}":
                self.stats["agents_no_plural"] += 1
        return entries


def plural_adj(a: str) -> list[str]:
    low = a.lower()
    if " " in a or low.endswith(("ese", "ish", "ss", "sh", "ch", "x", "s", "z")) and low not in ("czech",):
        return []
    if low == "czech":
        return ["Czechs"]
    return [a + "s"]


# --------------------------------------------------------------------------------------
# people overlay (compact format)

ROLE_RE = re.compile(r"^(?P<office>\w+)\s+(?P<start>\S+)\s+(?P<end>\S+)(?P<rest>.*)$")


def parse_role(spec: str, country: str | None, hos: str | None, hog: str | None, cname: str,
               where: str) -> dict:
    m = ROLE_RE.match(spec.strip())
    if not m:
        raise ValueError(f"{where}: bad role spec {spec!r}")
    office = OFFICE_ABBR.get(m.group("office"), m.group("office"))
    if office not in OFFICES:
        raise ValueError(f"{where}: unknown office {m.group('office')!r}")
    start = None if m.group("start") in ("?", "-") else m.group("start")
    end = None if m.group("end") == "-" else m.group("end")
    rest = m.group("rest").strip()
    title = None
    if ":" in rest:
        rest, title = rest.split(":", 1)
        title = title.strip()
    org = None
    sector = OFFICE_SECTOR[office]
    code = None
    for tok in rest.split():
        if tok.startswith("@"):
            org = tok[1:]
        elif tok.startswith("^"):
            country = tok[1:] or None
        elif tok.startswith("#"):
            sector = tok[1:]
        elif tok.startswith("="):
            code = tok[1:]
        else:
            raise ValueError(f"{where}: bad role token {tok!r} in {spec!r}")
    if org and office == "igo_official":
        country = None if not rest.count("^") else country
    if title is None:
        if office == "head_of_state" and hos:
            title = f"{hos} of {cname}" if country else None
        elif office == "head_of_government" and hog:
            title = f"{hog} of {cname}" if country else None
        elif office in OFFICE_TITLE and country:
            title = f"{OFFICE_TITLE[office]} of {cname}"
    role = {"country": country, "sector": sector, "office": office, "title": title,
            "start": start, "end": end}
    if org:
        role["org"] = org
    if code:
        role["code"] = code
    return role


def load_people_overlay(files: list[Path], cnames: dict) -> list[dict]:
    people = []
    for f in files:
        data = load_yaml(f) or {}
        for cc, block in data.items():
            if cc == "meta":
                continue
            block = block or {}
            country = None if cc in ("IGO", "INT", "NONE") else cc
            hos, hog = block.get("hos"), block.get("hog")
            cname = block.get("cname") or cnames.get(country, country or "")
            for i, row in enumerate(block.get("people", [])):
                where = f"{f.name}:{cc}[{i}]"
                if not isinstance(row, list) or len(row) != 3:
                    raise ValueError(f"{where}: expected [name, [aliases], [roles]] got {row!r}")
                name, aliases, roles = row
                aliases = aliases or []
                if isinstance(aliases, str):
                    aliases = [aliases]
                if isinstance(roles, str):
                    roles = [roles]
                people.append({
                    "name": name, "names": uniq([name] + aliases),
                    "roles": [parse_role(r, country, hos, hog, cname, where) for r in roles],
                    "_src": where,
                })
    return people


# --------------------------------------------------------------------------------------
# merging

def without_group_words(groups: list[dict], words: set[str], stats: dict[str, int]) -> list[dict]:
    """Drop group names that are ordinary words or team and product names ("Youth", "Return",
    "Tigers": a sentence starting "Youth unemployment rose" is no French rebel act); a group
    left with no name goes."""
    kept = []
    for group in groups:
        names = [n for n in group["names"] if norm(n) not in words]
        stats["group_words_dropped"] += len(group["names"]) - len(names)
        if names:
            kept.append({**group, "name": names[0], "names": names})
    return kept


def merge_by_names(base: list[dict], overlay: list[dict], key_fields=("name",)) -> list[dict]:
    """Overlay entries replace base entries sharing a (normalised) full name."""
    index = {}
    for i, e in enumerate(base):
        for n in e["names"]:
            index.setdefault(norm(n), i)
    out = list(base)
    removed = set()
    for o in overlay:
        hit = None
        for n in o["names"]:
            k = norm(n)
            if (len(k.split()) >= 2 or n is o["names"][0]) and k in index:
                hit = index[k]
                break
        if hit is not None and hit not in removed:
            old = out[hit]
            o = dict(o)
            if not o.get("replace_names"):
                o["names"] = uniq(o["names"] + old["names"])
            out[hit] = o
            removed.add(hit)
        else:
            out.append(o)
            for n in o["names"]:
                index.setdefault(norm(n), len(out) - 1)
    return out


def dedupe(entries: list[dict], keyf) -> list[dict]:
    out: dict = {}
    for e in entries:
        k = keyf(e)
        if k in out:
            out[k]["names"] = uniq(out[k]["names"] + e["names"])
        else:
            out[k] = e
    return list(out.values())


# --------------------------------------------------------------------------------------
# writing

HEADER = """# gesta actor dictionary: {kind}
# GENERATED by tools/convert_actors.py from the PETRARCH2 dictionaries (MIT licence,
# Open Event Data Alliance) and the hand-maintained overlays in tools/actor_overrides/.
# Do not edit by hand: edit tools/actor_overrides/ and re-run the converter.
# Knowledge cut-off of the hand-curated facts: {cutoff}
"""


class Dumper(yaml.SafeDumper):
    pass


def _str_rep(dumper, data):
    return dumper.represent_scalar("tag:yaml.org,2002:str", data)


Dumper.add_representer(str, _str_rep)


def dump(path: Path, kind: str, source: str, entries: list, extra: dict | None = None):
    doc = {"version": 1, "kind": kind, "source": source}
    if extra:
        doc.update(extra)
    doc["entries"] = entries
    body = yaml.dump(doc, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=4096,
                     default_flow_style=None)
    path.write_text(HEADER.format(kind=kind, cutoff=KNOWLEDGE_CUTOFF) + body, encoding="utf-8")


def strip_private(e):
    return {k: v for k, v in e.items() if not k.startswith("_")}


PERSON_KEYS = ["name", "names", "roles"]
ROLE_KEYS = ["country", "org", "sector", "office", "title", "start", "end", "code"]


def tidy_person(p):
    roles = []
    for r in p["roles"]:
        rr = {}
        for k in ROLE_KEYS:
            if k in r and (r[k] is not None or k in ("country", "title", "start", "end")):
                rr[k] = r[k]
        if rr.get("country") is None and "org" in rr:
            rr["country"] = None
        roles.append(rr)
    roles.sort(key=lambda r: (str(r.get("start") or ""), str(r.get("end") or "9999")))
    return {"name": p["name"], "names": p["names"], "roles": roles}


def run(args) -> int:
    src, out, ov = Path(args.source), Path(args.out), Path(args.overrides)
    conv = Converter(src, ov)
    out.mkdir(parents=True, exist_ok=True)
    source_text = ("PETRARCH2/Phoenix dictionaries (Open Event Data Alliance, MIT licence), "
                   "converted; plus hand-curated gesta overlays (tools/actor_overrides), "
                   f"knowledge cut-off {KNOWLEDGE_CUTOFF}")

    # sectors (hand-written)
    sectors = load_yaml(ov / "sectors.yaml")
    conv.sector_codes = {s["code"] for s in sectors}
    dump(out / "sectors.yaml", "sectors", "gesta (CAMEO-derived sector codes)", sectors)

    cblocks = read_actor_file(src / "Phoenix.Countries.actors.txt")
    iblocks = read_actor_file(src / "Phoenix.International.actors.txt")
    mblocks = read_actor_file(src / "Phoenix.MilNonState.actors.txt")

    countries = conv.countries(cblocks)
    cnames = {c["code"]: c["name"] for c in countries}
    dump(out / "countries.yaml", "countries", source_text, countries)

    # organisations
    conv.org_codes = set()
    # a country's own block ("SAUDI_ARABIA_ [SAU]" with its towns as synonyms) is no person
    # even when its country-named phrases are filtered away ("Jeddah" was a Saudi elite)
    country_names = {norm(n) for c in countries for n in [c["name"], *c.get("names", []), *c.get("adjectives", [])]}
    country_person_blocks = [b for b in cblocks if looks_like_person(b) and not is_country_block(b, country_names)]
    country_org_blocks = [b for b in cblocks if not looks_like_person(b)]
    intl_person_blocks = [b for b in iblocks if looks_like_person(b)]
    intl_org_blocks = [b for b in iblocks if not looks_like_person(b)]
    orgs = conv.convert_orgs(country_org_blocks, "countries") + conv.convert_orgs(intl_org_blocks, "international")
    orgs = [o for o in orgs if norm(o["name"]) not in conv.drops.get("organizations", set())]
    org_ov = []
    for f in overlay_files(ov, "organizations"):
        org_ov.extend(load_yaml(f) or [])
    for o in org_ov:
        o.setdefault("names", [o["name"]])
        o["names"] = uniq([o["name"]] + o["names"])
        o.setdefault("country", None)
        o.setdefault("state_media", False)
    orgs = merge_by_names(orgs, org_ov)
    org_keys = ["code", "name", "names", "type", "country", "sector", "state_media"]
    orgs = [{k: o.get(k) for k in org_keys} for o in orgs]
    orgs = dedupe(orgs, lambda o: (o["code"], norm(o["name"])))
    orgs.sort(key=lambda o: (o["code"], norm(o["name"])))
    conv.org_codes = {o["code"] for o in orgs}
    dump(out / "organizations.yaml", "organizations", source_text, orgs)

    # people
    people = conv.convert_people(country_person_blocks, "countries")
    people += conv.convert_people(intl_person_blocks, "international")
    drop_people = conv.drops.get("people", set())
    people = [p for p in people if norm(p["name"]) not in drop_people]
    # a multi-word country's block ("Sri Lanka", "Sierra Leone", with its towns as names) looks
    # like a person's: as one it would outrank the country ("Sri Lankan army" -> LKAELI)
    conv.stats["people_dropped_country_names"] = sum(1 for p in people if norm(p["name"]) in country_names)
    people = [p for p in people if norm(p["name"]) not in country_names]
    # merge converted duplicates with the same canonical name
    merged: dict[str, dict] = {}
    for p in people:
        k = norm(p["name"])
        if k in merged:
            merged[k]["names"] = uniq(merged[k]["names"] + p["names"])
            merged[k]["roles"].extend(p["roles"])
        else:
            merged[k] = p
    people = list(merged.values())
    ppl_ov = load_people_overlay(overlay_files(ov, "people"), cnames)
    conv.stats["people_overlay"] = len(ppl_ov)
    people = merge_by_names(people, ppl_ov)
    # ambiguous bare names: single tokens shared by >1 person or common words
    single = defaultdict(set)
    for i, p in enumerate(people):
        for n in p["names"]:
            if len(norm(n).split()) == 1:
                single[norm(n)].add(i)
    allowed_single = {norm(x) for x in (load_yaml(ov / "drop.yaml") or {}).get("allow_single", [])} \
        if (ov / "drop.yaml").exists() else set()
    for i, p in enumerate(people):
        keep = []
        for n in p["names"]:
            k = norm(n)
            if len(k.split()) == 1 and k not in allowed_single:
                if len(single[k]) > 1 or k in conv.common_words or len(k) <= 3:
                    conv.stats["people_bare_names_dropped"] += 1
                    continue
            keep.append(n)
        if not keep:
            keep = [p["name"]]
        p["names"] = keep
        if norm(p["name"]) not in {norm(x) for x in keep}:
            p["names"] = [p["name"]] + keep
    for p in people:
        for r in p["roles"]:
            org = r.get("org")
            if org and org not in conv.org_codes:
                cand = [c for c in conv.org_codes if org.startswith(c) and len(c) > 3]
                r["org"] = max(cand, key=len) if cand else "IGO"
                conv.stats["people_org_code_trimmed"] += 1
    people = [tidy_person(p) for p in people]
    people.sort(key=lambda p: (norm(p["name"]), p["name"]))
    known_people = {norm(n) for p in people for n in p["names"] if len(norm(n).split()) >= 2}
    dump(out / "people.yaml", "people", source_text, people)

    # groups
    groups = conv.convert_groups(mblocks, known_people)
    groups = [g for g in groups if norm(g["name"]) not in conv.drops.get("groups", set())]
    grp_ov = []
    for f in overlay_files(ov, "groups"):
        grp_ov.extend(load_yaml(f) or [])
    for g in grp_ov:
        g.setdefault("names", [g["name"]])
        g["names"] = uniq([g["name"]] + g["names"])
        g.setdefault("country", None)
    groups = merge_by_names(groups, grp_ov)
    groups = without_group_words(groups, conv.drops.get("group_words", set()), conv.stats)
    gkeys = ["code", "name", "names", "country", "sector", "type"]
    groups = [{k: g.get(k) for k in gkeys} for g in groups]
    groups = dedupe(groups, lambda g: norm(g["name"]))
    groups.sort(key=lambda g: (g["code"], norm(g["name"])))
    dump(out / "groups.yaml", "groups", source_text, groups)

    # agents
    agents_raw = conv.convert_agents()
    ag_ov = load_yaml(ov / "agents.yaml") or {}
    person_words = {norm(x) for x in ag_ov.get("person", [])}
    plural_only_words = {norm(x) for x in ag_ov.get("plural_only", [])}
    drop_words = {norm(x) for x in ag_ov.get("drop", [])}
    for sec, names in (ag_ov.get("add") or {}).items():
        agents_raw[sec].extend(n.lower() for n in names)
    buckets = defaultdict(list)
    seen = {}
    for sec in sorted(agents_raw):
        for n in agents_raw[sec]:
            k = norm(n)
            if k in drop_words or not k:
                continue
            if k in seen:
                continue  # first sector wins (overlay 'move' handled by drop+add)
            seen[k] = sec
            buckets[(sec, k in person_words, k in plural_only_words)].append(n)
    agents = []
    for (sec, person, plo), names in sorted(buckets.items()):
        agents.append({"sector": sec, "names": sorted(uniq(names)), "plural_only": plo,
                       "person": person})
    dump(out / "agents.yaml", "agents", source_text, agents)

    # titles (hand-written only)
    titles = []
    for f in overlay_files(ov, "titles"):
        titles.extend(load_yaml(f) or [])
    titles.sort(key=lambda t: (t.get("country") or "", t.get("org") or "", t["office"], t["names"][0]))
    dump(out / "titles.yaml", "titles", "gesta hand-curated (tools/actor_overrides/titles.yaml)",
         titles)

    for k in sorted(conv.stats):
        print(f"{k}: {conv.stats[k]}")
    return check(out)


# --------------------------------------------------------------------------------------
# validation

def check(out: Path) -> int:
    import pycountry
    errors: list[str] = []
    iso = {c.alpha_3 for c in pycountry.countries} | set(NON_ISO) | HISTORIC_OK

    def err(f, i, field, msg):
        errors.append(f"{f}: entry {i}: {field}: {msg}")

    def load(name, kind):
        p = out / name
        if not p.exists():
            errors.append(f"{name}: missing")
            return []
        d = load_yaml(p)
        for fld in ("version", "kind", "source", "entries"):
            if fld not in d:
                errors.append(f"{name}: top-level field {fld} missing")
        if d.get("version") != 1 or d.get("kind") != kind:
            errors.append(f"{name}: bad version/kind")
        return d.get("entries") or []

    def phrases_ok(f, i, e, field):
        v = e.get(field)
        if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
            err(f, i, field, "must be a list of non-empty strings")
            return
        for x in v:
            if x.lower().startswith("the "):
                err(f, i, field, f"phrase starts with an article: {x!r}")

    def date_ok(v):
        if v is None:
            return True
        return isinstance(v, str) and bool(DATE_RE.match(v))

    sectors = load("sectors.yaml", "sectors")
    sec = {s.get("code") for s in sectors}
    countries = load("countries.yaml", "countries")
    ccodes = set()
    for i, e in enumerate(countries):
        for fld in ("code", "name", "names", "adjectives", "capitals", "seats_of_power", "alt_codes"):
            if fld not in e:
                err("countries.yaml", i, fld, "missing")
        if e.get("code") not in iso:
            err("countries.yaml", i, "code", f"not ISO 3166-1 alpha-3: {e.get('code')}")
        if e.get("code") in ccodes:
            err("countries.yaml", i, "code", f"duplicate {e.get('code')}")
        ccodes.add(e.get("code"))
        for fld in ("names", "adjectives", "capitals", "seats_of_power"):
            if fld in e and e[fld]:
                phrases_ok("countries.yaml", i, e, fld)
    orgs = load("organizations.yaml", "organizations")
    ocodes = set()
    onames = set()
    for i, e in enumerate(orgs):
        for fld in ("code", "name", "names", "type", "country", "sector", "state_media"):
            if fld not in e:
                err("organizations.yaml", i, fld, "missing")
        if e.get("type") not in ORG_TYPES:
            err("organizations.yaml", i, "type", f"bad {e.get('type')}")
        if e.get("country") is not None and e.get("country") not in ccodes:
            err("organizations.yaml", i, "country", f"unknown {e.get('country')}")
        if e.get("sector") not in sec:
            err("organizations.yaml", i, "sector", f"unknown {e.get('sector')}")
        if not isinstance(e.get("state_media"), bool):
            err("organizations.yaml", i, "state_media", "must be boolean")
        k = (e.get("code"), norm(e.get("name", "")))
        if k in onames:
            err("organizations.yaml", i, "name", f"duplicate entry {k}")
        onames.add(k)
        ocodes.add(e.get("code"))
        phrases_ok("organizations.yaml", i, e, "names")
    groups = load("groups.yaml", "groups")
    gnames = set()
    for i, e in enumerate(groups):
        for fld in ("code", "name", "names", "country", "sector", "type"):
            if fld not in e:
                err("groups.yaml", i, fld, "missing")
        if e.get("type") not in GROUP_TYPES:
            err("groups.yaml", i, "type", f"bad {e.get('type')}")
        if e.get("country") is not None and e.get("country") not in ccodes:
            err("groups.yaml", i, "country", f"unknown {e.get('country')}")
        if e.get("sector") not in sec:
            err("groups.yaml", i, "sector", f"unknown {e.get('sector')}")
        k = norm(e.get("name", ""))
        if k in gnames:
            err("groups.yaml", i, "name", f"duplicate group {e.get('name')}")
        gnames.add(k)
        phrases_ok("groups.yaml", i, e, "names")
    agents = load("agents.yaml", "agents")
    for i, e in enumerate(agents):
        if e.get("sector") not in sec:
            err("agents.yaml", i, "sector", f"unknown {e.get('sector')}")
        phrases_ok("agents.yaml", i, e, "names")
        for fld in ("plural_only", "person"):
            if not isinstance(e.get(fld), bool):
                err("agents.yaml", i, fld, "must be boolean")
    people = load("people.yaml", "people")
    nroles = 0
    for i, p in enumerate(people):
        if not p.get("name"):
            err("people.yaml", i, "name", "missing")
        phrases_ok("people.yaml", i, p, "names")
        for j, r in enumerate(p.get("roles") or []):
            nroles += 1
            w = f"roles[{j}]"
            if r.get("office") not in OFFICES:
                err("people.yaml", i, w + ".office", f"bad {r.get('office')}")
            if r.get("sector") not in sec:
                err("people.yaml", i, w + ".sector", f"unknown {r.get('sector')}")
            c = r.get("country")
            if c is not None and c not in ccodes and c not in HISTORIC_OK:
                err("people.yaml", i, w + ".country", f"unknown {c}")
            if c is None and not r.get("org"):
                err("people.yaml", i, w + ".org", "role without country needs org")
            if r.get("org") and r["org"] not in ocodes:
                err("people.yaml", i, w + ".org", f"unknown org code {r['org']}")
            for fld in ("start", "end"):
                if not date_ok(r.get(fld)):
                    err("people.yaml", i, w + "." + fld, f"bad date {r.get(fld)!r}")
            s, e_ = r.get("start"), r.get("end")
            if isinstance(s, str) and isinstance(e_, str) and date_ok(s) and date_ok(e_) and s[:len(e_)] > e_:
                err("people.yaml", i, w, f"start {s} after end {e_}")
            if s and date_ok(s) and s > KNOWLEDGE_CUTOFF:
                err("people.yaml", i, w + ".start", f"after knowledge cut-off: {s}")
        if not p.get("roles"):
            err("people.yaml", i, "roles", "empty")
    titles = load("titles.yaml", "titles")
    for i, t in enumerate(titles):
        phrases_ok("titles.yaml", i, t, "names")
        if t.get("office") not in OFFICES:
            err("titles.yaml", i, "office", f"bad {t.get('office')}")
        if t.get("country") is not None and t.get("country") not in ccodes:
            err("titles.yaml", i, "country", f"unknown {t.get('country')}")
        if t.get("country") is None and t.get("org") not in ocodes:
            err("titles.yaml", i, "org", f"title without country needs a known org: {t.get('org')}")
    for s in sectors:
        for fld in ("code", "name", "description"):
            if not s.get(fld):
                errors.append(f"sectors.yaml: {s}: {fld} missing")
    print(f"countries={len(countries)} organizations={len(orgs)} groups={len(groups)} "
          f"agents={len(agents)} people={len(people)} roles={nroles} titles={len(titles)} "
          f"sectors={len(sectors)}")
    for e in errors[:200]:
        print("ERROR", e)
    if errors:
        print(f"{len(errors)} error(s)")
        return 1
    print("check: OK")
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--source", default=str(DEFAULT_SOURCE), help="PETRARCH2 dictionary directory")
    ap.add_argument("--out", default=str(DEFAULT_OUT), help="output directory")
    ap.add_argument("--overrides", default=str(DEFAULT_OVERRIDES), help="overlay directory")
    ap.add_argument("--check", action="store_true", help="only validate the output files")
    args = ap.parse_args(argv)
    if args.check:
        return check(Path(args.out))
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
