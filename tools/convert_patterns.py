#!/usr/bin/env python3
"""Build gesta's verb and noun event patterns (src/gesta/data/patterns/*.yaml).

Inputs:
  <shared>/data/reference/petrarch2/CAMEO.2.0.txt   PETRARCH2 verb dictionary (MIT): verb blocks,
                                                     their codes, synonyms, patterns and synsets
  tools/pattern_inputs/defaults.yaml                 converter settings
  tools/pattern_inputs/synsets.yaml                  our synsets (merged with PETRARCH's)
  tools/pattern_inputs/*.yaml (kind: patterns)       our hand-written patterns

Hand-written files may hold `patterns:` (full entries), `groups:` (shared lemmas/settings with a
list of `cases:`), `verbs:` ({code: [lemma, ...]} defaults) and `nouns:` ({code: [noun, ...]}).
Hand-written patterns are read first and win: a PETRARCH pattern loses every lemma for which an
earlier pattern already has the same constraints (same pos, object and prep phrases); within
PETRARCH, the first occurrence wins. Output is deterministic.

Usage: python tools/convert_patterns.py [--shared DIR] [--out DIR]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
INPUTS = REPO / "tools" / "pattern_inputs"
DEFAULT_SHARED = REPO.parent / "shared"
DEFAULT_OUT = REPO / "src" / "gesta" / "data" / "patterns"
CODES_CSV = REPO / "src" / "gesta" / "data" / "codes" / "cameo.csv"

TOKEN = re.compile(r"\{[^}]*\}|[()*+$^%]|[^\s(){}*]+")


class Dropped(Exception):
    """A PETRARCH pattern that cannot be expressed in our format; the message is the reason."""


@dataclass
class Pattern:
    cameo: str
    lemmas: list[str]
    pos: str = "verb"
    object: list[str] = field(default_factory=list)
    prep: dict[str, list[str]] = field(default_factory=dict)
    target: list[str] = field(default_factory=list)
    source: str = "subject"
    negate: bool = False
    note: str = ""
    id: str = ""

    def signature(self) -> tuple[object, ...]:
        prep = tuple(sorted((name, tuple(sorted(values))) for name, values in self.prep.items()))
        return (self.pos, tuple(sorted(self.object)), prep)

    def is_default(self) -> bool:
        return not self.object and not self.prep


@dataclass
class Settings:
    root_files: dict[str, str]
    target_default: list[str]
    target_when_object: list[str]
    target_noun: list[str]
    skip_synsets: set[str]
    prepositions: set[str]
    keep_s: set[str]
    irregular: dict[str, str]
    no_default: set[str]
    no_default_vague: set[str] = field(default_factory=set)
    idiom_objects: set[str] = field(default_factory=set)
    idiom_particles: set[str] = field(default_factory=set)


# ---------------------------------------------------------------- words


class Lemmatiser:
    """Crude plural -> singular for dictionary words (the matcher lemmatises the text)."""

    def __init__(self, settings: Settings) -> None:
        self.keep = settings.keep_s
        self.irregular = settings.irregular

    def word(self, word: str) -> str:
        word = word.lower()
        if word in self.irregular:
            return self.irregular[word]
        if word in self.keep or len(word) <= 3 or not word.endswith("s") or not word[-2].isalpha():
            return word
        if word.endswith(("ss", "us", "is", "os", "ous")):
            return word
        if word.endswith("ies"):
            return word[:-3] + "y"
        if word.endswith(("sses", "xes", "ches", "shes", "zes")):
            return word[:-2]
        return word[:-1]

    def phrase(self, text: str) -> str:
        words = text.replace("_", " ").split()
        return " ".join(w if w.startswith("&") else self.word(w) for w in words)



class _StrictBoolLoader(yaml.SafeLoader):
    """YAML 1.1 reads on/off/yes/no as booleans ("prep: {on: ...}"); only true/false are here."""


_StrictBoolLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _load_yaml(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_StrictBoolLoader)  # noqa: S506

def verb_lemma(token: str) -> str:
    """'+ASK_FOR' -> 'ask for'; 'RE_+AFFIRM' -> 'reaffirm'; 'WIRE_+TAP' -> 'wire tap'."""
    text = token.lower().replace("+", "")
    text = re.sub(r"^re_", "re", text)
    return " ".join(text.replace("_", " ").split())


# ---------------------------------------------------------------- PETRARCH reading


@dataclass
class Block:
    name: str
    code: str
    verbs: list[tuple[str, str]]  # (lemma, own code or "")
    patterns: list[tuple[str, str, str]]  # (pattern text, code, comment)


def strip_comment(line: str) -> tuple[str, str]:
    body, _, comment = line.partition("#")
    return body.strip(), comment.strip()


def read_petrarch(path: Path) -> tuple[dict[str, list[str]], list[Block]]:
    lines = path.read_text(encoding="latin-1").splitlines()
    start = next(i for i, line in enumerate(lines) if "VERB PATTERNS" in line)
    return read_synsets(lines[:start]), read_blocks(lines[start + 1:])


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    synsets: dict[str, list[str]] = {}
    current: str | None = None
    for raw in lines:
        line, _ = strip_comment(raw)
        if line.startswith("&"):
            current = line[1:].split()[0].rstrip("_")
            synsets[current] = []
        elif line.startswith("+") and current is not None:
            synsets[current].append(line[1:].strip())
        elif not line:
            continue
    return synsets


def read_blocks(lines: list[str]) -> list[Block]:
    blocks: list[Block] = []
    for raw in lines:
        line, comment = strip_comment(raw)
        if not line or line.startswith("~"):
            continue
        # "---  DELAY   [120]---  ---": four headers of the file lack the space before the dashes
        header = re.match(r"^---\s+(.+?)\s+\[([^]]*)\]\s*-*\s+---", line)
        if header:
            blocks.append(Block(header.group(1), header.group(2), [], []))
        elif not blocks:
            continue
        elif line.startswith("-"):
            match = re.match(r"^-\s*(.*?)\s*\[([^]]*)\]\s*$", line)
            if match:
                blocks[-1].patterns.append((match.group(1), match.group(2), comment))
        else:
            code = re.search(r"\[([^]]*)\]", line)
            verb = re.sub(r"\{[^}]*\}|\[[^]]*\]", " ", line).split()
            if verb:
                blocks[-1].verbs.append((verb_lemma(verb[0]), code.group(1) if code else ""))
    return blocks


def parse_code(raw: str) -> str | None:
    """'0232' -> '0232'; '042:043' -> '042' (reciprocal half dropped); ':054' -> Dropped; '---' -> None."""
    raw = raw.strip().rstrip("!")
    if raw in ("---", ""):
        return None
    if raw.startswith(":"):
        raise Dropped("reversed direction ([:code])")
    code = raw.split(":", 1)[0]
    if not re.fullmatch(r"\d{2,4}", code):
        raise Dropped(f"unreadable code {raw}")
    return code


# ---------------------------------------------------------------- PETRARCH pattern conversion


@dataclass
class Parsed:
    object: list[str]
    prep: dict[str, list[str]]
    target: list[str]
    source: str


class PatternParser:
    def __init__(self, settings: Settings, lemmatiser: Lemmatiser, synsets: set[str]) -> None:
        self.settings = settings
        self.lemmatiser = lemmatiser
        self.synsets = synsets

    def element(self, token: str) -> str:
        """A word, {braced phrase} or &SYNSET as a lemma phrase; Dropped if a synset is unknown."""
        text = token[1:-1] if token.startswith("{") else token
        for ref in re.findall(r"&([A-Z_]+)", text):
            if ref.rstrip("_") not in self.synsets:
                raise Dropped("undefined synset")
        text = re.sub(r"&([A-Z_]+)", lambda m: "&" + m.group(1).rstrip("_"), text)
        if re.search(r"[+$^%]", text):
            raise Dropped("actor marker inside a phrase")
        return self.lemmatiser.phrase(text)

    def parse(self, text: str) -> Parsed:
        tokens = TOKEN.findall(text)
        if tokens.count("*") != 1:
            raise Dropped("no single verb position")
        star = tokens.index("*")
        pre, post = tokens[:star], tokens[star + 1:]
        if "%" in tokens:
            raise Dropped("compound actor marker %")
        if any(token not in ("$", "^") for token in pre):
            raise Dropped("words or target before the verb")
        return self.parse_post(post)

    def parse_post(self, tokens: list[str]) -> Parsed:
        result = Parsed([], {}, [], "subject")
        object_parts: list[str] = []
        groups: list[tuple[str, list[str], bool]] = []  # (prep, phrase parts, has_target)
        target_object = False
        i = 0
        while i < len(tokens):
            token = tokens[i]
            if token == "(":
                end = tokens.index(")", i) if ")" in tokens[i:] else -1
                if end < 0:
                    raise Dropped("unbalanced parenthesis")
                groups.append(self.group(tokens[i + 1:end]))
                i = end + 1
                continue
            if token.lower() in self.settings.prepositions and not token.startswith(("{", "&")):
                end = i + 1
                while end < len(tokens) and tokens[end] != "(" and tokens[end].lower() not in self.settings.prepositions:
                    end += 1
                groups.append(self.group(tokens[i:end]))
                i = end
                continue
            if token == "+":
                if groups:
                    prep, parts, _ = groups[-1]
                    groups[-1] = (prep, parts, True)
                else:
                    target_object = True
            elif token == "$":
                raise Dropped("source after the verb")
            elif token == "^":
                pass
            elif token == ")":
                raise Dropped("unbalanced parenthesis")
            else:
                if groups:
                    raise Dropped("noun after a prepositional phrase")
                object_parts.append(self.element(token))
            i += 1
        if object_parts:
            result.object = [" ".join(object_parts)]
        for prep, parts, has_target in groups:
            self.add_group(result, prep, parts, has_target)
        self.set_target(result, target_object, groups)
        return result

    def group(self, tokens: list[str]) -> tuple[str, list[str], bool]:
        if not tokens or not re.fullmatch(r"[A-Za-z]+", tokens[0]):
            raise Dropped("prepositional phrase without a preposition")
        prep = tokens[0].lower()
        parts: list[str] = []
        has_target = False
        for token in tokens[1:]:
            if token == "+":
                has_target = True
            elif token == "$":
                if prep != "by":
                    raise Dropped(f"source inside ({prep} ...)")
                parts.append("$")
            elif token == "^":
                continue
            else:
                parts.append(self.element(token))
        return prep, parts, has_target

    def add_group(self, result: Parsed, prep: str, parts: list[str], has_target: bool) -> None:
        if "$" in parts:
            result.source = "prep:by"
            parts = [part for part in parts if part != "$"]
            if not parts:
                return
        if prep in result.prep:
            raise Dropped("same preposition twice")
        result.prep[prep] = [" ".join(parts)] if parts else ["*"]
        if has_target:
            result.target.append(f"prep:{prep}")

    def set_target(self, result: Parsed, target_object: bool, groups: list[tuple[str, list[str], bool]]) -> None:
        if target_object:
            result.target.insert(0, "object")
        if result.target:
            return
        bare = [f"prep:{prep}" for prep, parts, _ in groups if not parts and prep != "by"]
        base = self.settings.target_when_object if result.object else self.settings.target_default
        constrained = {f"prep:{prep}" for prep in result.prep}
        result.target = bare + [slot for slot in base if slot not in constrained]


# ---------------------------------------------------------------- assembling


def petrarch_patterns(blocks: list[Block], parser: PatternParser, drops: Counter[str]) -> list[Pattern]:
    patterns: list[Pattern] = []
    for block in blocks:
        lemmas = list(dict.fromkeys(lemma for lemma, _ in block.verbs))
        primary = lemmas[0] if lemmas else verb_lemma(block.name)
        for lemma, own in block.verbs:
            code = own or block.code
            if code.strip() in ("---", ""):
                continue
            if lemma in parser.settings.no_default:
                drops["verb default suppressed (no_default: governs another verb)"] += 1
                continue
            if lemma in parser.settings.no_default_vague:
                drops["verb default suppressed (no_default_vague: the block's code is wrong alone)"] += 1
                continue
            try:
                parsed_code = parse_code(code)
            except Dropped as reason:
                drops[f"verb default: {reason}"] += 1
                continue
            if parsed_code:
                patterns.append(Pattern(parsed_code, [lemma], target=list(parser.settings.target_default),
                                        note=f"PETRARCH2 {block.name}"))
        for text, code, comment in block.patterns:
            try:
                parsed_code = parse_code(code)
                if parsed_code is None:
                    drops["null code [---] (no event)"] += 1
                    continue
                parsed = parser.parse(text)
            except Dropped as reason:
                drops[str(reason)] += 1
                continue
            note = f"PETRARCH2 {block.name}" + (f" ({comment.split()[0]})" if comment else "")
            own = _idiom_verb(parsed.object, parsed.prep, comment, lemmas, parser.settings)
            patterns.append(Pattern(parsed_code, own or list(lemmas), object=parsed.object, prep=parsed.prep,
                                    target=parsed.target, source=parsed.source, note=note, id=primary))
    return patterns


def _idiom_verb(objects: list[str], prep: dict[str, list[str]], comment: str, lemmas: list[str],
                settings: Settings) -> list[str]:
    """The one verb of the block an idiom's pattern was written for ("take part": TAKE, not
    its block mates capture or seize), when its object is in ``idiom_objects`` or it is a bare
    particle of ``idiom_particles`` ("press on" [190]: no "need on" or "want on")."""
    verb = verb_lemma(comment.split()[0]) if comment else None
    if verb not in lemmas:
        return []
    if any(word in settings.idiom_objects for word in objects):
        return [verb]
    if not objects and len(prep) == 1 and all(
        word in settings.idiom_particles and phrases == ["*"] for word, phrases in prep.items()
    ):
        return [verb]
    return []


def hand_patterns(settings: Settings, codes: set[str]) -> list[Pattern]:
    patterns: list[Pattern] = []
    for path in sorted(INPUTS.glob("*.yaml")):
        data = _load_yaml(path)
        if not isinstance(data, dict) or data.get("kind") != "patterns":
            continue
        for entry in data.get("patterns") or []:
            patterns.append(hand_pattern(entry, settings, path.name))
        for group in data.get("groups") or []:
            shared = {key: value for key, value in group.items() if key != "cases"}
            for case in group["cases"]:
                patterns.append(hand_pattern({**shared, **case}, settings, path.name))
        for code, lemmas in (data.get("verbs") or {}).items():
            patterns.append(Pattern(str(code), [str(l) for l in lemmas], target=list(settings.target_default),
                                    note=f"gesta {path.stem}"))
        for code, nouns in (data.get("nouns") or {}).items():
            patterns.append(Pattern(str(code), [str(n) for n in nouns], pos="noun",
                                    target=list(settings.target_noun), note=f"gesta {path.stem}"))
    for pattern in patterns:
        if pattern.cameo not in codes:
            raise SystemExit(f"hand pattern {pattern.lemmas} has unknown CAMEO code {pattern.cameo}")
    return patterns


def as_list(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(item) for item in value]
    return [str(value)]


def hand_pattern(entry: dict[str, object], settings: Settings, source: str) -> Pattern:
    pos = str(entry.get("pos", "verb"))
    objects = as_list(entry.get("object"))
    prep = {str(name): as_list(values) for name, values in dict(entry.get("prep") or {}).items()}
    if "target" in entry:
        target = as_list(entry["target"])
    elif pos == "noun":
        target = list(settings.target_noun)
    else:
        base = settings.target_when_object if objects else settings.target_default
        target = [slot for slot in base if slot[5:] not in prep]
    return Pattern(
        cameo=str(entry["cameo"]), lemmas=as_list(entry["lemmas"]), pos=pos, object=objects, prep=prep,
        target=target, source=str(entry.get("source", "subject")), negate=bool(entry.get("negate", False)),
        note=str(entry.get("note", f"gesta {Path(source).stem}")), id=str(entry.get("id", "")),
    )


def resolve(patterns: list[Pattern], drops: Counter[str]) -> list[Pattern]:
    """First pattern wins each (lemma, constraints); later ones lose that lemma."""
    claimed: dict[tuple[object, ...], bool] = {}  # -> claimed by a hand pattern
    hand_claims: dict[tuple[object, ...], str] = {}
    conflicts: list[str] = []
    kept: list[Pattern] = []
    for pattern in patterns:
        if not pattern.note.startswith("PETRARCH2"):
            for lemma in pattern.lemmas:
                key = (lemma, pattern.signature())
                if key in hand_claims and hand_claims[key] != pattern.cameo:
                    conflicts.append(f"hand patterns disagree for {lemma!r} {pattern.signature()}: "
                                     f"{hand_claims[key]} vs {pattern.cameo}")
                hand_claims.setdefault(key, pattern.cameo)
        free = [lemma for lemma in dict.fromkeys(pattern.lemmas) if (lemma, pattern.signature()) not in claimed]
        if not free:
            if pattern.note.startswith("PETRARCH2"):
                by_hand = all(claimed[(lemma, pattern.signature())] for lemma in pattern.lemmas)
                drops["superseded by hand patterns" if by_hand else "duplicate within PETRARCH2 (first wins)"] += 1
            continue
        is_hand = not pattern.note.startswith("PETRARCH2")
        claimed.update(((lemma, pattern.signature()), is_hand) for lemma in free)
        pattern.lemmas = free
        kept.append(pattern)
    if conflicts:
        raise SystemExit("\n".join(conflicts))
    return kept


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9&]+", "-", text.lower()).strip("-").replace("&", "")


def assign_ids(patterns: list[Pattern]) -> None:
    seen: Counter[str] = Counter()
    for pattern in patterns:
        lemma = slug(pattern.id if pattern.id and "." not in pattern.id else pattern.lemmas[0])
        if pattern.id and "." in pattern.id:
            base = pattern.id
        else:
            parts = pattern.object[:1] + [f"{p}-{values[0]}" for p, values in pattern.prep.items()]
            tail = slug("-".join(part.replace("*", "any") for part in parts)) or "default"
            if pattern.pos == "noun":
                tail = f"noun-{tail}"
            base = f"{pattern.cameo}.{lemma}.{tail[:60].strip('-')}"
        seen[base] += 1
        pattern.id = base if seen[base] == 1 else f"{base}-{seen[base]}"


# ---------------------------------------------------------------- writing


def dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def pattern_yaml(pattern: Pattern) -> str:
    lines = [f"  - id: {dump(pattern.id)}", f"    cameo: {dump(pattern.cameo)}",
             f"    lemmas: {dump(pattern.lemmas)}", f"    pos: {pattern.pos}"]
    if pattern.object:
        lines.append(f"    object: {dump(pattern.object)}")
    if pattern.prep:
        lines.append(f"    prep: {dump(pattern.prep)}")
    lines.append(f"    target: {dump(pattern.target or ['none'])}")
    lines.append(f"    source: {dump(pattern.source)}")
    if pattern.negate:
        lines.append("    negate: true")
    lines.append(f"    note: {dump(pattern.note)}")
    return "\n".join(lines)


def write_root(path: Path, root: str, patterns: list[Pattern]) -> None:
    header = ["# Generated by tools/convert_patterns.py from the PETRARCH2 verb dictionary (MIT) and",
              "# tools/pattern_inputs/*.yaml; do not edit by hand.",
              "version: 1", "kind: patterns", f"root: {dump(root)}", "patterns:"]
    body = [pattern_yaml(pattern) for pattern in patterns]
    path.write_text("\n".join(header + body) + "\n", encoding="utf-8")


def write_synsets(path: Path, synsets: dict[str, list[str]]) -> None:
    lines = ["# Generated by tools/convert_patterns.py from the PETRARCH2 verb dictionary (MIT) and",
             "# tools/pattern_inputs/synsets.yaml; phrases in lemma form.",
             "version: 1", "kind: synsets", "synsets:"]
    lines += [f"  {name}: {dump(phrases)}" for name, phrases in sorted(synsets.items())]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# ---------------------------------------------------------------- main


def load_settings() -> Settings:
    data = _load_yaml(INPUTS / "defaults.yaml")
    return Settings(
        root_files={str(k): str(v) for k, v in data["root_files"].items()},
        target_default=data["target_default"], target_when_object=data["target_when_object"],
        target_noun=data["target_noun"], skip_synsets=set(data["skip_synsets"]),
        prepositions=set(data["prepositions"]), keep_s=set(data["keep_s"]), irregular=data["irregular"],
        no_default=set(data.get("no_default") or []),
        no_default_vague={str(lemma) for lemma in data.get("no_default_vague") or []},
        idiom_objects={str(word) for word in data.get("idiom_objects") or []},
        idiom_particles={str(word) for word in data.get("idiom_particles") or []},
    )


def merge_synsets(petrarch: dict[str, list[str]], settings: Settings, lemmatiser: Lemmatiser) -> dict[str, list[str]]:
    merged: dict[str, list[str]] = {}
    for name, phrases in petrarch.items():
        if name not in settings.skip_synsets:
            merged[name] = [lemmatiser.phrase(p.rstrip("_")) for p in phrases]
    ours = _load_yaml(INPUTS / "synsets.yaml")
    for name, phrases in ours["synsets"].items():
        merged[name] = merged.get(name, []) + [str(p) for p in phrases]
    return {name: sorted(dict.fromkeys(p for p in phrases if p)) for name, phrases in merged.items()}


def read_codes() -> set[str]:
    lines = [line for line in CODES_CSV.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return {line.split(",", 1)[0] for line in lines[1:] if line}


def check_synset_refs(patterns: list[Pattern], synsets: dict[str, list[str]]) -> None:
    for pattern in patterns:
        for phrase in pattern.object + [v for values in pattern.prep.values() for v in values]:
            for ref in re.findall(r"&([A-Z_0-9]+)", phrase):
                if ref not in synsets:
                    raise SystemExit(f"{pattern.id or pattern.lemmas}: unknown synset &{ref}")


def convert(shared: Path, out: Path) -> dict[str, object]:
    settings = load_settings()
    lemmatiser = Lemmatiser(settings)
    raw_synsets, blocks = read_petrarch(shared / "data" / "reference" / "petrarch2" / "CAMEO.2.0.txt")
    synsets = merge_synsets(raw_synsets, settings, lemmatiser)
    codes = read_codes()
    drops: Counter[str] = Counter()
    parser = PatternParser(settings, lemmatiser, set(raw_synsets))
    converted = petrarch_patterns(blocks, parser, drops)
    unknown = [p for p in converted if p.cameo not in codes]
    for pattern in unknown:
        drops[f"code not in cameo.csv ({pattern.cameo})"] += 1
    converted = [p for p in converted if p.cameo in codes]
    hand = hand_patterns(settings, codes)
    hand_defaults = [p for p in hand if p.is_default()]
    hand_specific = [p for p in hand if not p.is_default()]
    patterns = resolve(hand_specific + hand_defaults + converted, drops)
    patterns.sort(key=lambda p: (p.cameo, p.pos, p.lemmas[0], len(p.object) + len(p.prep), p.note))
    assign_ids(patterns)
    check_synset_refs(patterns, synsets)
    out.mkdir(parents=True, exist_ok=True)
    per_root: dict[str, int] = {}
    for root, name in sorted(settings.root_files.items()):
        chosen = [p for p in patterns if p.cameo[:2] == root]
        write_root(out / f"{root}-{name}.yaml", root, chosen)
        per_root[root] = len(chosen)
    write_synsets(out / "synsets.yaml", synsets)
    return {"patterns": len(patterns), "per_root": per_root,
            "from_petrarch": sum(1 for p in patterns if p.note.startswith("PETRARCH2")),
            "petrarch_dropped": sum(drops.values()), "drop_reasons": dict(sorted(drops.items())),
            "synsets": len(synsets)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    summary = convert(args.shared, args.out)
    for key, value in summary.items():
        print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
