"""Stage ``actors``: find and code actor mentions, then resolve short references in the article.

Pass one matches the dictionaries in every sentence; the article's main country is the most
mentioned one. Pass two composes mentions and resolves later references: surnames of people
named earlier, titles ("the Kremlin chief"), pronouns, and bare agents ("the government").
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from gesta.actors.acronyms import defined_acronyms, with_definitions
from gesta.actors.compose import (
    COUNTRY_KINDS,
    GROUP_KINDS,
    Chunk,
    Match,
    choose_entry,
    chunk_actor,
    chunk_matches,
    compose,
    modifier_country,
    person_actor,
)
from gesta.actors.dictionary import ActorDictionary
from gesta.actors.residence import code_minorities
from gesta.cues import Cues, load_cues
from gesta.document import Actor, Article, Mention, Sentence
from gesta.lemmas import lemma_in, plural_stem

SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass"})
SUBJECT_OBJECT_DEPS = frozenset(
    {"nsubj", "nsubj:pass", "nsubjpass", "obj", "dobj", "iobj", "obl", "pobj", "obl:agent", "conj", "appos"}
)
NOMINAL_POS = frozenset({"NOUN", "PROPN"})
MAIN_COUNTRY_WHY = "agent in the article's main country"
PRONOUN_KINDS = {
    "he": ("person",),
    "him": ("person",),
    "she": ("person", "country"),
    "her": ("person", "country"),
    "it": ("country", "org"),
    "they": ("group", "org", "plural"),
    "them": ("group", "org", "plural"),
}


@dataclass
class ArticleMemory:
    """What resolution remembers while reading one article."""

    day: dt.date | None
    main_country: str | None
    by_surname: dict[str, Actor] = field(default_factory=dict)
    recent: list[tuple[int, str, Mention]] = field(default_factory=list)  # (sentence, class, mention)
    subjects: list[tuple[int, str, Mention]] = field(default_factory=list)  # mentions that were subjects

    def remember(self, mention: Mention, kind: str, is_subject: bool = False) -> None:
        self.recent.append((mention.sentence_index, kind, mention))
        if is_subject:
            self.subjects.append((mention.sentence_index, kind, mention))
        name = mention.actor.name
        if name and " " in name:
            self.by_surname.setdefault(name.split()[-1].lower(), mention.actor)

    def antecedent(self, pronoun: str, sentence_index: int) -> Mention | None:
        """The latest fitting subject of this or the previous sentence, else the latest fitting mention."""
        wanted = PRONOUN_KINDS.get(pronoun)
        if wanted is None:
            return None
        for pool, reach in ((self.subjects, 1), (self.recent, 2)):
            for index, kind, mention in reversed(pool):
                if sentence_index - index > reach:
                    break
                if kind in wanted:
                    return mention
        return None


@dataclass
class ActorsStage:
    dictionary: ActorDictionary
    cues: Cues = field(default_factory=load_cues)
    name: str = "actors"
    requires: frozenset[str] = frozenset({"sentences", "parse"})
    provides: frozenset[str] = frozenset({"mentions"})

    def __call__(self, article: Article) -> Article:
        day = article.published
        matched = [self._matches(s.parse, day) if s.parse is not None else [] for s in article.sentences]
        defined = defined_acronyms(article.sentences, matched)
        matched = [with_definitions(s.parse, found, defined) for s, found in zip(article.sentences, matched, strict=True)]
        memory = ArticleMemory(day, main_country(matched))
        mentions: list[Mention] = []
        for sentence, matches in zip(article.sentences, matched, strict=True):
            if sentence.parse is not None:
                mentions.extend(self._sentence_mentions(sentence, matches, memory))
        article.mentions = resolve_bare_agents(mentions, self.cues.state_sectors)
        return article

    def _matches(self, span: Any, day: dt.date | None) -> list[Match]:
        forms = [t.lower_ for t in span]
        lemmas = [t.lemma_.lower() for t in span]
        stems = [_plural_stem(t) for t in span]  # "guerillas" when the lemmatizer misses it
        found = []
        for start, end, entries in self.dictionary.index.find(forms, lemmas, stems):
            if _opposed(forms, start, self.cues.against_prefixes):
                continue  # "an anti-Syria journalist" is no Syrian
            entry = choose_entry(entries, span[start:end], day)
            if entry is None or (entry.kind == "agent" and not _agent_here(span, start, end)):
                continue
            found.append(Match(start, end, entry))
        return found

    def _sentence_mentions(self, sentence: Sentence, matches: list[Match], memory: ArticleMemory) -> list[Mention]:
        span = sentence.parse
        by_token = {i: m for m in matches for i in range(m.start, m.end)}
        consumed: set[int] = set()
        mentions = []
        for chunk in chunk_matches(matches, span):
            if chunk.start in consumed:
                continue
            mention = self._chunk_mention(sentence, chunk, by_token, consumed, memory)
            if mention is not None:
                mentions.append(mention)
        mentions.extend(self._references(sentence, by_token.keys() | consumed, memory))
        mentions.sort(key=lambda m: m.token_start)
        code_minorities(mentions, span, self.cues.minority_markers)
        return mentions

    def _chunk_mention(
        self, sentence: Sentence, chunk: Chunk, by_token: dict[int, Match], consumed: set[int], memory: ArticleMemory
    ) -> Mention | None:
        span = sentence.parse
        actor, why = chunk_actor(chunk, span, self.dictionary, memory.day)
        end = chunk.end
        if actor is None:  # an agent: look for its country among its modifiers, else the article's
            actor, why, end = self._agent_country(chunk, span, by_token, consumed, memory, sentence.index)
        if actor is None:
            return None
        consumed.update(range(chunk.start, end))
        mention = make_mention(sentence, chunk.start, end, actor, _mention_kind(chunk, span), why)
        is_subject = any(span[i].dep_ in SUBJECT_DEPS for i in range(chunk.start, end))
        memory.remember(mention, _memory_class(chunk, span), is_subject)
        return mention

    def _agent_country(
        self, chunk: Chunk, span: Any, by_token: dict[int, Match], consumed: set[int], memory: ArticleMemory,
        sentence_index: int,
    ) -> tuple[Actor | None, str, int]:
        sector = next((m.entry.sector for m in chunk.matches if m.entry.sector), None)
        head = span[chunk.end - 1]
        found = modifier_country(head, by_token, span.start)
        if found is not None and found[0].start >= chunk.end:
            match, end = found
            entry = match.entry
            consumed.update(range(match.start, match.end))
            text = span[chunk.start : end].text
            if entry.kind in COUNTRY_KINDS and entry.country:
                return compose(text, entry.country, sector, chunk.name), f"agent of {entry.kind} {entry.origin}", end
            return Actor(text, entry.code or "UNK", entry.country, sector or entry.sector, entry.name), f"agent of {entry.kind} {entry.origin}", end
        surname = chunk.name.split()[-1].lower() if chunk.name else None
        known = self.dictionary.person_by_surname(surname, memory.day) if surname else None
        if known is not None:  # "President Bush": the dictionary's only Bush in office then
            text = span[chunk.start : chunk.end].text
            actor, why = person_actor(known, text, memory.day, f"surname of {known.name}")
            return actor, why, chunk.end
        shared = _first_conjunct(head, span, sector, memory, sentence_index)
        if shared is not None:  # "Chinese warships and aircraft": the aircraft are Chinese too
            text = span[chunk.start : chunk.end].text
            why = f"agent coordinated with {shared.actor.text!r}"
            return compose(text, shared.actor.country, sector, chunk.name), why, chunk.end  # type: ignore[arg-type]
        if memory.main_country and sector:
            text = span[chunk.start : chunk.end].text
            return compose(text, memory.main_country, sector, chunk.name), MAIN_COUNTRY_WHY, chunk.end
        if surname and surname in memory.by_surname:
            return memory.by_surname[surname], "named earlier", chunk.end
        return None, "", chunk.end

    def _references(self, sentence: Sentence, taken: set[int], memory: ArticleMemory) -> list[Mention]:
        """Pronouns and surnames of people named earlier in the article, outside the tokens
        ``taken`` by dictionary matches and composed mentions."""
        span = sentence.parse
        found: list[Mention] = []
        for token in span:
            local = token.i - span.start
            if local in taken:
                continue
            if token.pos_ == "PRON" and token.dep_ in SUBJECT_OBJECT_DEPS and not _expletive(token, self.cues):
                antecedent = _reported_speaker(token, span, found, memory) or memory.antecedent(token.lower_, sentence.index)
                if antecedent is not None:
                    actor = _retext(antecedent.actor, token.text)
                    mention = make_mention(sentence, local, local + 1, actor, "pronoun", f"refers to {antecedent.actor.text!r}")
                    mention.refers_to = antecedent
                    found.append(mention)
            elif token.pos_ == "PROPN" and token.lower_ in memory.by_surname:
                actor = _retext(memory.by_surname[token.lower_], token.text)
                found.append(make_mention(sentence, local, local + 1, actor, "person", "named earlier in the article"))
        return found


def _first_conjunct(head: Any, span: Any, sector: str | None, memory: ArticleMemory, sentence_index: int) -> Mention | None:
    """The mention of the first conjunct of an agent ("Chinese warships" for "aircraft" in
    "Chinese warships and aircraft"), when it has a country and the agent's sector."""
    if head.dep_ != "conj" or head.head.i >= head.i or sector is None:
        return None
    local = head.head.i - span.start
    for index, _, mention in reversed(memory.recent):
        if index != sentence_index:
            break
        if mention.token_start <= local < mention.token_end:
            actor = mention.actor
            return mention if actor.country and actor.sector == sector and mention.why != MAIN_COUNTRY_WHY else None
    return None


def _reported_speaker(pronoun: Any, span: Any, earlier: list[Mention], memory: ArticleMemory) -> Mention | None:
    """In "X said they would...", a subject pronoun of the reported clause is X."""
    verb = pronoun.head
    if pronoun.dep_ not in SUBJECT_DEPS or verb.dep_ not in ("ccomp", "xcomp", "advcl") or verb.head.i == verb.i:
        return None
    subject = next((c for c in verb.head.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None:
        return None
    local = subject.i - span.start
    for index, _, mention in reversed(memory.recent):
        if mention.token_start <= local < mention.token_end and index == memory.recent[-1][0]:
            return mention
    return None


def resolve_bare_agents(mentions: list[Mention], state_sectors: frozenset[str] = frozenset()) -> list[Mention]:
    """Bare agents ("the separatists") take the country the article gives that sector
    elsewhere ("separatist leaders in eastern Ukraine"), before the main-country guess. A
    state organ ("the government", "President Maduro") takes another country only from an
    earlier mention with its own noun ("Russian soldiers" ... "the soldiers"): a US Secretary
    of State quoted in a story about Venezuela does not make its government American."""
    given: dict[str, list[Mention]] = {}
    for mention in mentions:
        actor = mention.actor
        if mention.why != MAIN_COUNTRY_WHY and actor.sector and actor.country and mention.kind in ("composed", "agent"):
            given.setdefault(actor.sector, []).append(mention)
    for mention in mentions:
        actor = mention.actor
        if mention.why != MAIN_COUNTRY_WHY or actor.sector not in given:
            continue
        country = _country_given_elsewhere(mention, given[actor.sector], actor.sector in state_sectors)
        if country is not None and country != actor.country:
            mention.actor = compose(actor.text, country, actor.sector, actor.name)
            mention.why = f"agent whose country the article gives elsewhere ({country})"
    for mention in mentions:
        if mention.refers_to is not None:
            mention.actor = _retext(mention.refers_to.actor, mention.actor.text)
    return mentions


def _country_given_elsewhere(mention: Mention, same_sector: list[Mention], state: bool) -> str | None:
    """With soldiers of two countries in the article, "the soldiers" are the ones named last
    with the same noun ("Russian soldiers"); other than a state organ, else the sector's last
    before it, else its first ("Separatists ..." in a headline, named in the body)."""
    earlier = [m for m in same_sector if (m.sentence_index, m.start) < (mention.sentence_index, mention.start)]
    head = _head_noun(mention.actor.text)
    same_noun = [m for m in earlier if _head_noun(m.actor.text) == head]
    if same_noun:
        return same_noun[-1].actor.country
    if state:
        return None
    return (earlier or same_sector)[-1 if earlier else 0].actor.country


def _head_noun(text: str) -> str:
    words = text.lower().split()
    return plural_stem(words[-1]) if words else ""


def main_country(matched: list[list[Match]]) -> str | None:
    """The country most often named in the article (names, adjectives, capitals); with none,
    the home country most often named through its armed groups ("demands from UNITA": Angola)."""
    for kinds in (COUNTRY_KINDS, GROUP_KINDS):
        counts: Counter[str] = Counter(
            m.entry.country for matches in matched for m in matches if m.entry.kind in kinds and m.entry.country
        )
        if counts:
            return counts.most_common(1)[0][0]
    return None


def make_mention(sentence: Sentence, start: int, end: int, actor: Actor, kind: Any, why: str) -> Mention:
    span = sentence.parse
    first, last = span[start], span[end - 1]
    doc_start = first.idx
    doc_end = last.idx + len(last.text)
    return Mention(
        sentence_index=sentence.index,
        start=sentence.original_offset(doc_start),
        end=sentence.original_offset(doc_end),
        actor=actor,
        kind=kind,
        why=why,
        token_start=start,
        token_end=end,
    )


def _opposed(forms: list[str], start: int, prefixes: frozenset[str]) -> bool:
    """The phrase at ``start`` follows "anti-" (or another prefix of ``prefixes`` and a hyphen)."""
    return start >= 2 and forms[start - 1] == "-" and forms[start - 2] in prefixes


def _expletive(pronoun: Any, cues: Cues) -> bool:
    """'It' that refers to nothing: "It rained", "it is clear that...", "it seems"."""
    if pronoun.lower_ != "it":
        return False
    head = pronoun.head
    if pronoun.dep_ == "expl" or lemma_in(head, cues.impersonal_verbs):
        return True
    has_clause = any(c.dep_ in ("ccomp", "xcomp", "csubj") for c in head.children)
    has_object = any(c.dep_ in ("obj", "dobj", "iobj") for c in head.children)
    has_prepositional = any(
        c.dep_.startswith("obl") and any(g.dep_ == "case" for g in c.children) for c in head.children
    )
    return has_clause or (head.pos_ == "VERB" and not has_object and not has_prepositional)


def _agent_here(span: Any, start: int, end: int) -> bool:
    """An agent word names an actor only as a noun ("military" in "military aid" does not),
    and not as the possessive start of a name ("People's Republic")."""
    if span[end - 1].pos_ not in NOMINAL_POS:
        return False
    following = span[end].lower_ if end < len(span) else ""
    return not (following in ("'s", "'") and span[start].text[:1].isupper())


def _plural_stem(token: Any) -> str:
    return plural_stem(token.lower_) if token.pos_ in NOMINAL_POS else token.lower_


def _retext(actor: Actor, text: str) -> Actor:
    return Actor(text, actor.code, actor.country, actor.sector, actor.name)


def _mention_kind(chunk: Chunk, span: Any) -> str:
    kinds = [m.entry.kind for m in chunk.matches]
    if len(kinds) > 1 or chunk.name:
        return "composed"
    if kinds[0] == "adjective":  # "Russian" in "the Russian language" vs "the Iraqis"
        return "adjective" if span[chunk.end - 1].pos_ == "ADJ" else "name"
    return {"seat": "metonym", "capital": "metonym", "country": "name",
            "org": "name", "group": "name"}.get(kinds[0], kinds[0])


def _memory_class(chunk: Chunk, span: Any) -> str:
    """How pronouns may refer back to this mention: person, country, org, group or plural."""
    entries = [m.entry for m in chunk.matches]
    if chunk.name or any(e.single_person for e in entries):
        return "person"
    if any(e.kind == "group" for e in entries):
        return "group"
    if any(e.kind == "org" for e in entries):
        return "org"
    if any(e.kind == "agent" for e in entries):
        return "plural" if span[chunk.end - 1].tag_ in ("NNS", "NNPS") else "person"
    return "country"
