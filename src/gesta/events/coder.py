"""Code the events of one parsed sentence: match patterns on trigger lemmas and their
dependents, then read the source and target actors off the parse (one event per dyad)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from gesta.actors.compose import compose
from gesta.cues import Cues
from gesta.document import Actor, Event, Mention, Modality, Sentence
from gesta.events.context import attribution, demanded, modality, refused
from gesta.events.grammar import (
    INDIRECT_OBJECT,
    OBJECT,
    OBLIQUE,
    PASSIVE_SUBJECT,
    POSSESSIVE,
    RELATIVE_DEPS,
    SUBJECT,
    children,
    clause_subjects,
    conjuncts,
    depth_below,
    has_reciprocal_object,
    is_infinitive_complement,
    is_passive,
    is_reduced_passive,
    own_clause,
    phrasal_lemma,
    preposition_of,
    prepositional_dependents,
    subject_candidates,
    subject_of_auxiliary,
    subordinate_subjects,
    subtree_ngrams,
)
from gesta.events.harm import (
    VIOLENT_ROOTS,
    attempted_violence,
    goals_struggled_for,
    verbal_attack,
    withheld,
)
from gesta.events.nesting import about_something, argument_of, embedded_under
from gesta.events.patterns import Pattern, PatternSet, phrasal_use, why_not
from gesta.events.repairs import (
    NOUN_POS,
    VERB_POS,
    counted_objects,
    has_particle,
    mistagged_subject,
    noun_phrase_after,
    subject_lost_to_coordination,
    trigger_pos,
    verb_after_time,
    verb_parsed_as_modifier,
)
from gesta.lemmas import guess_lemmas, lemma_in, plural_stem

NOMINAL_SOURCE_DEPS = POSSESSIVE | {"amod", "compound"}
NOT_TRIGGERS = frozenset({"according"})  # part of the cue "according to", never an event


@dataclass(frozen=True, slots=True)
class Fit:
    used: frozenset[int]  # tokens the constraints used
    words: int  # words of the phrases matched


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    token: Any
    pattern: Pattern
    consumed: frozenset[int]  # tokens a constraint used (so "sanctions" in "impose sanctions" is not a second trigger)


class SentenceCoder:
    """Codes one sentence; built per sentence with that sentence's mentions."""

    def __init__(
        self, sentence: Sentence, mentions: list[Mention], patterns: PatternSet, cues: Cues,
        country_names: Mapping[str, str] | None = None,
    ) -> None:
        self.sentence = sentence
        self.mentions = mentions
        self.country_names = country_names or {}
        self.span = sentence.parse
        self.patterns = patterns
        self.cues = cues
        self.by_token: dict[int, Mention] = {}
        self._ngram_cache: dict[int, frozenset[tuple[str, ...]]] = {}  # per sentence: patterns share look-ups
        self._prep_cache: dict[tuple[int, str, bool], list[Any]] = {}
        self._clause_cache: dict[tuple[int, bool], list[Any]] = {}  # own_clause per (token, infinitives)
        self._object_cache: dict[int, list[Any]] = {}
        self._words: frozenset[str] | None = None
        self._particle_cache: dict[tuple[int, str], bool] = {}
        for mention in mentions:
            for i in range(mention.token_start, mention.token_end):
                self.by_token[i + self.span.start] = mention

    def events(self) -> list[Event]:
        """The sentence's events. An untargeted event echoing a targeted one of the same root
        and source is the same act named twice ("US attacks have killed al-Qaeda leaders": the
        attacks are the killing) and is left out."""
        found = list(self._candidate_events())
        targeted = {(e.cameo[:2], _code(e.source)) for e in found if e.target is not None}
        return [e for e in found if e.target is not None or (e.cameo[:2], _code(e.source)) not in targeted]

    def _candidate_events(self) -> Iterator[Event]:
        seen: set[tuple[str, str, str]] = set()
        produced = [(m, list(self._events_for(m))) for m in self.trigger_matches()]
        yield from self._presence(seen)
        asserted = {m.token.i for m, events in produced if events}
        framed = self._framed(produced)
        asserted -= framed
        talking = {m.token.i for m, events in produced if events and about_something(m.pattern)}
        # a statement does not hide a clause with its own subject that it reports, whatever the
        # parser attached it as ("B has agreed to X, an official said" read as an adverbial clause)
        stating = {m.token.i for m, events in produced if events and all(e.cameo.startswith("01") for e in events)}
        for match, events in produced:
            if match.token.i in framed:
                continue  # "have sworn to fight": the fighting is the event
            if embedded_under(match.token, asserted, stating):
                continue  # "agreed to set up a centre": the agreement is the event
            if match.pattern.pos == "noun" and argument_of(match.token, talking):
                continue  # "rejected calls to withdraw": the rejection is the event
            for event in events:
                key = (event.cameo, _code(event.source), _code(event.target))
                if key not in seen:
                    seen.add(key)
                    yield event

    def _framed(self, produced: list[tuple[TriggerMatch, list[Event]]]) -> set[int]:
        """Framing verbs with an infinitive that give way to it: to its event ("vowed to
        fight"), or, being no accusation, to nothing ("claims to be building weapons")."""
        framing = {
            m.token.i: m for m, events in produced
            if events and lemma_in(m.token, self.cues.framing_verbs) and any(is_infinitive_complement(c) for c in m.token.children)
        }
        if not framing:
            return set()
        embedding = {m.token.head.i for m, events in produced if events and is_infinitive_complement(m.token)}
        return {i for i, m in framing.items() if i in embedding or m.pattern.cameo.startswith("11")}

    def trigger_matches(self) -> list[TriggerMatch]:
        matches: list[TriggerMatch] = []
        consumed: set[int] = set()
        for token in self.span:
            pos = trigger_pos(token, self.cues.day_words)
            if pos is None or token.i in consumed or token.lower_ in NOT_TRIGGERS:
                continue
            if pos == "noun" and token.i in self.by_token:
                continue  # "protesters", "settlement" name actors here, not events
            match = self._match(token, pos)
            if match is not None:
                matches.append(match)
                consumed |= match.consumed
        return [m for m in matches if m.token.i not in consumed or m.pattern.pos == "verb"]

    def _match(self, token: Any, pos: str) -> TriggerMatch | None:
        """The most specific pattern that fits: most constraints, then the longest matched
        phrases ("military assistance" beats "assistance"), then the finer CAMEO code."""
        best: tuple[tuple[int, int, bool, int], TriggerMatch] | None = None
        words = self._sentence_words()
        candidates = self.patterns.candidates_for(pos, token.lemma_.lower(), token.lower_)
        phrasal = phrasal_use(token, candidates) if pos == "verb" else None
        for pattern in candidates:
            if best is not None and pattern.specificity < best[0][0]:
                break
            if pattern.particle is None and (phrasal == "named" or (phrasal == "unnamed" and not pattern.specificity)):
                continue  # "hammered out a deal", "called off a rally", "wound up": not the bare verb
            if any(required.isdisjoint(words) for required in pattern.requirements):
                continue  # a phrase it needs is nowhere in the sentence
            fit = self.check(token, pattern)
            if isinstance(fit, str):
                continue
            score = (pattern.specificity, fit.words, pattern.is_lemma_default, len(pattern.cameo))
            if best is None or score > best[0]:
                best = (score, TriggerMatch(token, pattern, fit.used))
        return best[1] if best is not None else None

    def _sentence_words(self) -> frozenset[str]:
        """Every word of the sentence as lemma, form and plural stem (what phrases match)."""
        if self._words is None:
            self._words = frozenset(
                w for t in self.span for w in (t.lemma_.lower(), t.lower_, plural_stem(t.lower_))
            )
        return self._words

    def check(self, token: Any, pattern: Pattern) -> Fit | str:
        """How the pattern's constraints fit the trigger, or which constraint failed
        ("particle", "object" or "prep:<p>"; `why_not` words it for people)."""
        used: set[int] = set()
        words = 0
        if pattern.particle and not self._particle(token, pattern.particle, pattern.pos):
            return "particle"
        if pattern.object:
            objects = self._objects(token) if pattern.pos == "verb" else [token]
            hit = next(((o, n) for o in objects if (n := self._phrase_in(o, pattern.object))), None)
            if hit is None:
                return "object"
            used |= {t.i for t in hit[0].subtree}
            words += hit[1]
        for preposition, phrases in pattern.prep:
            found = self._prepositional(token, preposition)
            hit = next(((d, n) for d in found if (n := self._phrase_in(d, phrases))), None)
            if hit is None:
                return f"prep:{preposition}"
            used.add(hit[0].i)
            words += hit[1]
        if self._criticism_of_nobody(token, pattern):
            return "criticised"
        return Fit(frozenset(used), words)

    def _criticism_of_nobody(self, token: Any, pattern: Pattern) -> bool:
        """"attacked the minister for ..." criticises someone; "are fighting for power" and
        "struggled for independence" have nobody to criticise and are no criticism."""
        return (
            pattern.pos == "verb" and pattern.cameo == self.cues.verbal_attack_cameo
            and (pattern.particle == "for" or any(p == "for" for p, _ in pattern.prep)) and not self._objects(token)
        )

    def _particle(self, token: Any, particle: str, pos: str) -> bool:
        key = (token.i, particle)
        found = self._particle_cache.get(key)
        if found is None:
            found = has_particle(token, particle, pos, self.cues.day_words, self.cues.time_nouns)
            self._particle_cache[key] = found
        return found

    def _objects(self, token: Any) -> list[Any]:
        found = self._object_cache.get(token.i)
        if found is None:
            found = self._stance_objects(token) or [
                o for o in children(token, OBJECT | PASSIVE_SUBJECT) if o.lower_ not in self.cues.day_words
            ]
            found = found or counted_objects(token)  # "called Thursday on ...": a day is no object
            if not found and verb_parsed_as_modifier(token, self.cues.day_words):
                found = [token.head]  # "imposed sanctions" parsed as "imposed" modifying "sanctions"
            if not found and verb_after_time(token, self.cues.day_words):  # "on Wednesday vetoed a resolution"
                found = noun_phrase_after(token)
            self._object_cache[token.i] = found
        return found

    def _stance_objects(self, token: Any) -> list[Any]:
        """"Israel is opposed to French mediation": a participle of ``stance_participles`` with
        a ``to`` phrase and no ``by`` agent states its subject's stance; the phrase is its object."""
        if not lemma_in(token, self.cues.stance_participles) or not is_passive(token):
            return []
        if any(True for _ in prepositional_dependents(token, "by")):
            return []
        return list(prepositional_dependents(token, "to", skip=self.cues.time_nouns))

    def _passive(self, token: Any) -> bool:
        return is_passive(token) and not self._stance_objects(token)

    def _prepositional(self, token: Any, preposition: str, for_target: bool = False) -> list[Any]:
        """``preposition`` phrases of the trigger, deep in its subtree; a target is never looked
        for in an infinitive clause under it ("rejected an invitation to debate independence
        from Israel": the independence is the debate's), a pattern's phrase may be ("agreed to
        provide aid to Romania")."""
        key = (token.i, preposition, for_target)
        found = self._prep_cache.get(key)
        if found is None:
            found = self._deep_phrases(token, preposition, for_target)
            if not found and verb_parsed_as_modifier(token, self.cues.day_words):  # "imposed sanctions on Russia"
                found = self._deep_phrases(token.head, preposition, for_target)
            self._prep_cache[key] = found
        return found

    def _deep_phrases(self, token: Any, preposition: str, for_target: bool) -> list[Any]:
        key = (token.i, for_target)
        clause = self._clause_cache.get(key)
        if clause is None:
            clause = self._clause_cache[key] = own_clause(token, for_target)
        return list(prepositional_dependents(token, preposition, True, self.cues.time_nouns, clause=clause))

    def _phrase_in(self, token: Any, phrases: tuple[tuple[str, ...], ...]) -> int:
        """Words of the longest phrase found in the token's subtree (0: none; "*" counts 1)."""
        grams = self._ngram_cache.get(token.i)
        if grams is None:
            grams = subtree_ngrams(token)
            self._ngram_cache[token.i] = grams
        return max((len(p) or 1 for p in phrases if not p or p in grams), default=0)

    def diagnose(self) -> list[tuple[Any, Pattern, str | None]]:
        """Every candidate pattern of every trigger word, with why it did not fit or yields no
        event (None: fits)."""
        found = []
        for token in self.span:
            pos = trigger_pos(token, self.cues.day_words)
            for pattern in self.patterns.candidates_for(pos, token.lemma_.lower(), token.lower_) if pos else []:
                fit = self.check(token, pattern)
                reason = why_not(fit, pattern) if isinstance(fit, str) else self._withheld(token, pattern.cameo)
                found.append((token, pattern, reason))
        return found

    def _withheld(self, trigger: Any, cameo: str) -> str | None:
        """Why a fitting pattern yields no event (None: it yields one)."""
        return withheld(trigger, cameo, lambda: self._objects(trigger), self.cues, self._has_actor)

    def _events_for(self, match: TriggerMatch) -> Iterator[Event]:
        sources, targets = self._roles(match)
        trigger = match.token
        cameo, rule = match.pattern.cameo, match.pattern.id
        obliged = self._obligation(trigger) if cameo.startswith("01") else None
        if obliged is not None:  # "X said Y must leave": X demands that Y leave
            cameo, rule, targets = "100", f"{rule}>obligation", obliged
        reported = self._reporting_sense(trigger)
        if reported is not None:  # "..., a rights group charged": an accusation, no arrest
            cameo, rule, targets = reported[0], f"{rule}>reporting", reported[1]
        if not sources and targets and not self._passive(trigger) and match.pattern.pos == "verb":
            sources = self._preceding_subject(trigger, targets)  # the parse lost the subject
        if cameo[:2] in VIOLENT_ROOTS and verbal_attack(trigger, self.cues):
            cameo, rule = self.cues.verbal_attack_cameo, f"{rule}>verbal"  # "attacked Mr Brown for failing to"
        if self._withheld(trigger, cameo) is not None:
            return  # "floods killed 30 people in Kenya"; "the dollar hit its highest level"
        if lemma_in(trigger, self.cues.permission_verbs) and not (sources and all(map(self._is_authority, sources))):
            return  # "the law allows people to copy CDs", "were allowed to enter"
        if cameo[:2] in VIOLENT_ROOTS:
            targets = self._struggled_against(trigger, sources, targets)
            if targets is None:
                return  # "an airline attendant is fighting for her job"
        targets = self._other_side(trigger, sources, targets)
        victim_only = targets and (self._passive(trigger) or match.pattern.pos == "noun" or cameo[:2] in VIOLENT_ROOTS)
        if not sources and not victim_only:
            return  # who acted must be known, unless the text hides it ("was shelled", "a bomb killed")
        mood = modality(trigger, self.cues, conditions=cameo[:2] not in self.cues.conditional_roots)
        asked = demanded(trigger, self.cues)  # what someone is asked to do, they neither do nor intend
        rejecting = (refused(trigger, self.cues) or (mood.negated and mood.future)) and not asked  # "will not accept"
        refusal = self.cues.refusal_codes.get(cameo[:2]) if rejecting else None
        planned = (mood.future or mood.hypothetical) and not mood.negated and not asked
        decided = cameo[:2] in self.cues.decided_roots and not mood.hypothetical  # "announced it would prohibit aid"
        intent = self.cues.intent_codes.get(cameo[:2]) if planned and not decided else None
        attempted = cameo[:2] in VIOLENT_ROOTS and attempted_violence(trigger, self.cues)
        if attempted:  # "tried to kill the governor": an attempt on his life, no threat
            intent = None
            mood = Modality(mood.negated, mood.hypothetical, False)
            if lemma_in(trigger, self.cues.attempt_killing) or cameo == "186":
                cameo, rule = self.cues.attempt_cameo, f"{rule}>attempt"
        if refusal is not None:  # "refused to meet", "did not agree": a rejection, not a negated meeting
            cameo, rule, mood = refusal, f"{rule}>refused", Modality(False, mood.hypothetical, mood.future)
            targets = targets or self._who_pressed(trigger)  # "declined to resign despite pressure by X"
        elif intent is not None:  # "will provide aid": intent to aid; "will strike": a threat
            cameo, rule = intent, f"{rule}>intent"
        said = attribution(trigger, self.span, self.actors_of, self.cues)
        start = self.sentence.original_offset(trigger.idx)
        end = self.sentence.original_offset(trigger.idx + len(trigger.text))
        if len(sources) > 1 and has_reciprocal_object(trigger, self.cues.reciprocal_phrases):
            targets = list(sources)  # "Armenia and Azerbaijan blamed each other": each blamed the other
        elif len(sources) > 1:  # "Jordan and the US agreed": a joint act, not one on the other
            joint = {_country_of(a) for a in sources}
            targets = [t for t in targets if _country_of(t) not in joint]
            if len(joint) > 1 and cameo in self.cues.joint_recodings:  # "French and Egyptian warships launched war games"
                cameo, rule = self.cues.joint_recodings[cameo], f"{rule}>joint"
        sides: tuple[list[Actor | None], list[Actor | None]] = (list(sources) or [None], list(targets) or [None])
        for source, target in itertools.product(*sides):
            if source is not None and target is not None and source.code == target.code and source.text == target.text:
                continue
            dyad_cameo, dyad_rule, target = self._for_dyad(trigger, cameo, rule, source, target)
            yield Event(
                sentence_index=self.sentence.index, cameo=dyad_cameo, rule=dyad_rule,
                source=source, target=target, trigger_start=start, trigger_end=end,
                modality=mood, attribution=said,
            )

    def _for_dyad(
        self, trigger: Any, cameo: str, rule: str, source: Actor | None, target: Actor | None
    ) -> tuple[str, str, Actor | None]:
        """Code, rule and target of one source-target pair: a state blocking a road restricts
        movement (191), no protest; an untargeted protest or domestic act gets its target."""
        if source is None:
            return cameo, rule, target
        recoded = next((code for prefix, code in self.cues.state_recodings.items() if cameo.startswith(prefix)), None)
        if recoded is not None and self._is_state(source):
            cameo, rule = recoded, f"{rule}>by-state"
        if target is None or target.country == source.country:  # a protest at home may be aimed abroad
            aimed = self._aim_abroad(trigger, source, cameo)
            target, rule = (aimed, f"{rule}>aimed") if aimed is not None else (target, rule)  # "to show their disapproval of US policies"
        if target is None:
            target = self._domestic_target(source, cameo)
            rule = f"{rule}>domestic" if target is not None else rule  # "workers went on strike": against their own country
        return cameo, rule, target

    def _struggled_against(self, trigger: Any, sources: list[Actor], targets: list[Actor]) -> list[Actor] | None:
        """The targets of violence, less whoever a struggle is for ("fought for South Sudan");
        None when it is an unarmed struggle with nobody against it: no event."""
        goals = goals_struggled_for(trigger, self._objects(trigger))
        if goals is None:
            return targets
        on_behalf = {t.i for t in goals}
        targets = [t for t in targets if self._token_of(t) not in on_behalf]
        armed = any(s.sector in self.cues.presence_sectors for s in sources)
        return targets if targets or armed else None

    def _who_pressed(self, trigger: Any) -> list[Actor]:
        """Whoever pressed for what is refused: the ``by``/``from`` actor of a phrase about
        pressure or demands ("declined to resign despite growing pressure by the Kenya
        Anti-Corruption Commission", "refused despite calls from the opposition")."""
        for token in (trigger, trigger.head):
            for phrase in token.children:
                if phrase.dep_ in OBLIQUE and lemma_in(phrase, self.cues.pressure_nouns):
                    found = self._first_actors([*prepositional_dependents(phrase, "by"), *prepositional_dependents(phrase, "from")])
                    if found:
                        return found
        return []

    def _mention_of(self, actor: Actor) -> Mention | None:
        return next((m for m in self.mentions if m.actor is actor), None)

    def _token_of(self, actor: Actor) -> int | None:
        """The sentence index of the last token of the actor's mention."""
        mention = self._mention_of(actor)
        return mention.token_end - 1 + self.span.start if mention is not None else None

    def _is_state(self, actor: Actor, organs: frozenset[str] | None = None) -> bool:
        """A state organ (``state_sectors``, or the ``organs`` given), or a country named as
        such ("Azerbaijan", "Moscow", "it" referring to one), not its people ("Algerians")."""
        if actor.sector is not None:
            return actor.sector in (self.cues.state_sectors if organs is None else organs)
        mention = self._mention_of(actor)
        while mention is not None and mention.refers_to is not None:
            mention = mention.refers_to
        return mention is not None and mention.why.split(" ", 1)[0] in STATE_ENTRY_KINDS

    def _is_authority(self, actor: Actor) -> bool:
        """A state or an organ of one (``authority_sectors``: government, courts, parliament,
        forces): who can permit."""
        return self._is_state(actor, self.cues.authority_sectors)

    def _reporting_sense(self, trigger: Any) -> tuple[str, list[Actor]] | None:
        """A verb of ``reporting_codes`` used to report a clause ("..., rights groups charged",
        "charged that police beat protesters") has its reporting code, and whoever acts in the
        reported clause is its target; None when it is not so used."""
        codes = self.cues.reporting_codes
        code = next((codes[w] for w in (trigger.lemma_.lower(), *guess_lemmas(trigger.lower_, "verb")) if w in codes), None)
        if code is None or self._objects(trigger):
            return None
        # the reporting clause after the report, with its own subject: parataxis, or a conjunct
        # without a conjunction ("X did Y, a rights group charged")
        trailing = trigger.dep_ == "parataxis" or (trigger.dep_ == "conj" and not children(trigger, frozenset({"cc"})))
        if trailing and trigger.head.i < trigger.i and children(trigger, SUBJECT):
            return code, self._first_actors(children(trigger.head, SUBJECT))
        if any(c.dep_ == "ccomp" for c in trigger.children):
            return code, self._first_actors(clause_subjects(trigger))
        return None

    def _other_side(self, trigger: Any, sources: list[Actor], targets: list[Actor]) -> list[Actor]:
        """"Syria offered its troops to Lebanon", "will withdraw its force from Chad": when every
        target found is of the source's own country (its troops, what it moves or gives) and a
        recipient phrase, its object or a clause it governs names another country's actor,
        that actor is the target."""
        own = {_country_of(a) for a in sources}
        if not sources or not targets or any(_country_of(t) not in own for t in targets):
            return targets
        objects = {o.i for o in self._objects(trigger)}
        if any(t.sector is None and self._is_state(t) and self._token_of(t) in objects for t in targets):
            return targets  # "farmers would blockade Paris": their own state is the target
        for preposition in self.cues.recipient_prepositions:
            found = self._first_actors(self._prepositional(trigger, preposition))
            others = [a for a in found if _country_of(a) not in own]
            if others:
                return others
        return self._foreign_in_objects(trigger, own) or self._foreign_in_clauses(trigger, own) or targets

    def _foreign_in_clauses(self, trigger: Any, own: set[str]) -> list[Actor]:
        """An actor of another country acting in a clause the trigger governs: "put its armed
        forces on alert as Chinese warships surrounded the island" is aimed at China."""
        subjects = subordinate_subjects(trigger, self.cues.clause_markers)
        return [a for a in self._first_actors(subjects) if _country_of(a) not in own]

    def _foreign_in_objects(self, trigger: Any, own: set[str]) -> list[Actor]:
        """The nearest actor of another country named inside the trigger's object ("defended
        Beijing's ties with Moscow"), outside its clauses ("refugees who have lived in Iraq")."""
        best: tuple[int, Mention] | None = None
        for obj in self._objects(trigger):
            for item in own_clause(obj):
                if any(a.dep_ in RELATIVE_DEPS for a in (item, *item.ancestors) if a.i != obj.i and obj.is_ancestor(a)):
                    continue
                mention = self._mention_at(item.i)
                if mention is None or _country_of(mention.actor) in own or not mention.actor.country:
                    continue
                depth = depth_below(item, obj)
                if best is None or depth < best[0]:
                    best = (depth, mention)
        return [best[1].actor] if best is not None else []

    def _aim_abroad(self, trigger: Any, source: Actor, cameo: str) -> Actor | None:
        """An untargeted protest aimed at another country named in its purpose or phrases
        ("blocked a road to show their disapproval of the United States' policies", "in
        defiance of Chinese authorities"): the nearest such actor, never in the subject or in a
        reporting clause."""
        if cameo[:2] not in self.cues.domestic_roots or not source.country:
            return None
        best: tuple[int, Mention] | None = None
        for child in trigger.children:
            if child.dep_ in SUBJECT or child.dep_ == "parataxis" or preposition_of(child) in ("according to", "by"):
                continue
            if child.dep_ in CLAUSE_DEPS and lemma_in(child, self.cues.speech_verbs):
                continue
            for item in child.subtree:
                mention = self._mention_at(item.i, adjectives=True)
                if mention is None or mention.actor.country in (None, source.country):
                    continue
                depth = depth_below(item, child) + 1
                if depth <= AIM_DEPTH and (best is None or depth < best[0]):
                    best = (depth, mention)
        return best[1].actor if best is not None else None

    def _domestic_target(self, source: Actor, cameo: str) -> Actor | None:
        """The country a domestic actor's untargeted act, or an untargeted protest, is aimed
        at: another actor of the source's country in the sentence (its government first), else
        the country itself ("Police prevented the rally", "Students demonstrated")."""
        country = source.country
        if not country or country not in self.country_names or source.code.startswith(("IGO", "NGO")):
            return None
        if cameo.startswith("01"):
            return None  # "..., the police said": a statement has no such target
        if not cameo.startswith(tuple(self.cues.domestic_codes)) and source.sector not in self.cues.domestic_sectors:
            return None
        others = [
            m.actor for m in self.mentions
            if m.kind != "adjective" and m.actor.country == country and m.actor.code != source.code
        ]
        government = [a for a in others if a.sector == "GOV"]
        if government or others:
            return (government or others)[0]
        name = self.country_names[country]
        return Actor(text=name, code=country, country=country, name=name)

    def _presence(self, seen: set[tuple[str, str, str]]) -> Iterator[Event]:
        """Armed forces said to be somewhere: "Russian soldiers were already in the conflict
        area" (a copular clause), "there were no own soldiers there" (an existential one)."""
        cues = self.cues
        for token in self.span:
            mention = self._mention_at(token.i)
            if mention is None or token.dep_ not in SUBJECT or mention.actor.sector not in cues.presence_sectors:
                continue
            head = token.head
            copular = any(c.dep_ == "cop" for c in head.children) and preposition_of(head) in cues.presence_prepositions
            existential = any(c.dep_ == "expl" for c in head.children)
            key = (cues.presence_cameo, mention.actor.code, "")
            if not (copular or existential) or key in seen:
                continue
            seen.add(key)
            negated = any(c.dep_ == "det" and c.lower_ == "no" for c in token.children)
            mood = modality(head, cues)
            yield Event(
                sentence_index=self.sentence.index, cameo=cues.presence_cameo, rule=f"{cues.presence_cameo}.presence",
                source=mention.actor, trigger_start=self.sentence.original_offset(head.idx),
                trigger_end=self.sentence.original_offset(head.idx + len(head.text)),
                modality=Modality(negated or mood.negated, mood.hypothetical, mood.future),
                attribution=attribution(head, self.span, self.actors_of, cues),
            )

    def _preceding_subject(self, trigger: Any, targets: list[Actor]) -> list[Actor]:
        """The nearest actor before the trigger that is not in a prepositional phrase, when
        the parse gave the verb no subject ("The United States and Jordan have agreed")."""
        for index in range(trigger.i - 1, self.span.start - 1, -1):
            mention = self._mention_at(index)
            token = self.span.doc[index]
            if mention is None or mention.actor in targets or preposition_of(token) is not None:
                continue
            if any(t.pos_ in VERB_POS for t in self.span.doc[index + 1 : trigger.i]):
                return []  # another verb in between: another clause
            return [mention.actor]
        return []

    def _obligation(self, trigger: Any) -> list[Actor] | None:
        """Actors a statement says must or should act, or None when it says no such thing."""
        for clause in trigger.children:
            if clause.dep_ not in ("ccomp", "parataxis"):
                continue
            modal = any(c.dep_ == "aux" and c.lower_ in self.cues.obligation_aux for c in clause.children)
            if modal:
                actors = self._first_actors(clause_subjects(trigger))
                return actors or None
        return None

    def _roles(self, match: TriggerMatch) -> tuple[list[Actor], list[Actor]]:
        token, pattern = match.token, match.pattern
        if pattern.pos == "noun":
            sources, targets = self._nominal_source(token), self._targets(token, pattern, passive=False)
            if pattern.cameo[:2] in self.cues.place_target_roots and not targets:
                return self._visited_modifier(token, sources)
            return sources, targets
        passive = self._passive(token)
        if passive:
            agents = list(prepositional_dependents(token, "by", skip=self.cues.time_nouns))
            sources = self.actors_of(agents[0]) if agents else []
        elif pattern.source != "subject":
            sources = []
        else:  # several subjects ("The EU and the US" parsed as two) all act
            subjects = (
                children(token, SUBJECT | PASSIVE_SUBJECT) or mistagged_subject(token)
                or subject_of_auxiliary(token) or self._actor_misread_before(token)
            )
            subjects = subject_lost_to_coordination(token, subjects) + subjects  # "X and Y agreed", X read as the root
            found = [a for s in subjects for a in self.actors_of(s)]
            sources = _unique(found) if found else self._first_actors(subject_candidates(token))
            if not sources:  # "Palestinian prisoners rioted": the nationality is all we know
                sources = self._modifier_actors(subjects)
            if not sources and verb_after_time(token, self.cues.day_words):  # "The US on Wednesday vetoed": before the time
                sources = self._preceding_subject(token, [])
        return sources, self._targets(token, pattern, passive)

    def _visited_modifier(self, noun: Any, sources: list[Actor]) -> tuple[list[Actor], list[Actor]]:
        """"his Africa trip", "the China visit": a country or region before a visit noun is
        where the visit goes, not who makes it."""
        modifiers = [c for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i]
        visited = [a for m in modifiers for a in self.actors_of(m) if self._is_state(a)]
        if not visited:
            return sources, []
        others = [a for a in sources if a not in visited]
        return others or self._first_actors(children(noun, POSSESSIVE)), visited

    def _targets(self, token: Any, pattern: Pattern, passive: bool) -> list[Actor]:
        if pattern.object and pattern.pos == "verb" and "none" not in pattern.target:
            named = [o for o in self._target_tokens(token, "object", passive) if self._mention_at(o.i) is not None]
            if named:  # "indicted Montenegro's prime minister": the object the pattern names is an actor
                return self._first_actors(named)
        asking = pattern.cameo[:2] in self.cues.asked_of_roots
        asked_of = self._asked_of(token, pattern) if asking else []
        if asked_of:
            return asked_of
        for role in pattern.target:
            if role == "none":
                return []
            found = self._target_tokens(token, role, passive)
            if asking and role == "prep:to":  # "asking for help to ward off attacks by the army": a purpose
                found = [t for t in found if t.pos_ not in VERB_POS]
            actors = self._first_actors(found)
            if actors:
                return actors
        for role in pattern.target:  # "rejected an Indian proposal", "killed two Iraqi youths"
            actors = self._modifier_actors(self._target_tokens(token, role, passive))
            if actors:
                return actors
        if pattern.pos != "verb" or pattern.cameo.startswith("01"):
            return []
        # "demanded that the US cancel...": whoever is asked to act is the target;
        # "offered to hand them over to Britain": the complement clause's recipient is
        found = self._first_actors(clause_subjects(token)) or self._addressee_of_object(token)
        for clause in (c for c in token.children if c.dep_ == "xcomp" and not found):
            found = self._first_actors([t for role in COMPLEMENT_TARGETS for t in self._target_tokens(clause, role, False)])
        return found or self._nearest_in_predicate(token, pattern.cameo)

    def _asked_of(self, token: Any, pattern: Pattern) -> list[Actor]:
        """Whoever an appeal or demand asks the thing of: "asking for help from Russia",
        "demanded compensation from Iraq" (the "from" phrase of the pattern's own phrase)."""
        for preposition, phrases in pattern.prep:
            for phrase in prepositional_dependents(token, preposition):
                if self._phrase_in(phrase, phrases):
                    found = self._first_actors(list(prepositional_dependents(phrase, "from")))
                    if found:
                        return found
        return []

    def _actor_misread_before(self, token: Any) -> list[Any]:
        """A subjectless verb's actor the parser misread as a modifier before it ("Kyiv
        declared ...", "Kyiv" read as an adverb)."""
        return [
            c for c in token.lefts
            if c.dep_ in MISREAD_SUBJECT_DEPS and self._mention_at(c.i) is not None and c.lower_ not in self.cues.time_nouns
        ][:1]

    def _addressee_of_object(self, token: Any) -> list[Actor]:
        """"issued a declaration demanding that the Turkish government provide ...", "sent a
        letter urging Russia to withdraw": whoever the object's participle addresses."""
        for obj in self._objects(token):
            for clause in (c for c in obj.children if c.dep_ == "acl" and c.i > obj.i):
                found = self._first_actors([*children(clause, OBJECT | INDIRECT_OBJECT), *clause_subjects(clause)])
                if found:
                    return found
        return []

    def _nearest_in_predicate(self, token: Any, cameo: str) -> list[Actor]:
        """Last resort: the actor nearest the trigger among its objects and modifiers
        ("praised Haiti's efforts"), never in its subject or a source/time phrase; objects the
        parse misplaced count too ("on Wednesday vetoed a Security Council resolution")."""
        best: tuple[int, Mention] | None = None
        places = () if cameo[:2] in self.cues.place_target_roots else self.cues.place_prepositions  # "arrived in Washington"
        repaired = [o for o in self._objects(token) if o.head.i != token.i or o.dep_ not in PREDICATE_DEPS]
        for child in (*token.children, *repaired):
            if (child.dep_ not in PREDICATE_DEPS and child not in repaired) or child.lemma_.lower() in self.cues.time_nouns:
                continue
            if child.dep_ in CLAUSE_DEPS and lemma_in(child, self.cues.speech_verbs):
                continue  # "..., the White House announced": who reports it is no target
            if preposition_of(child) in ("according to", "by", *self.cues.time_prepositions, *places):
                continue  # a source, a time or a place ("agreed on a ceasefire after talks in Luanda")
            for item in child.subtree:
                if child in repaired and item.i < token.i:
                    continue  # a misplaced object's parse may hold the subject
                mention = self._mention_at(item.i)
                depth = depth_below(item, child) + 1
                if mention is not None and depth <= 3 and (best is None or depth < best[0]):
                    best = (depth, mention)
        return [best[1].actor] if best is not None else []

    def _target_tokens(self, token: Any, role: str, passive: bool) -> list[Any]:
        if role == "object" and passive:
            return children(token, PASSIVE_SUBJECT) or ([token.head] if is_reduced_passive(token) else [])
        if role == "object":
            return self._objects(token)
        if role == "iobj":
            return children(token, INDIRECT_OBJECT)
        if role == "prep:by" and passive:
            return []  # "was rejected by Israel": the agent is the source
        if role.startswith("prep:"):
            return self._prepositional(token, role[5:], for_target=True)
        if role == "subject":
            return subject_candidates(token)
        return []

    def _nominal_source(self, noun: Any) -> list[Actor]:
        """"Russia's attack", "the Russian attack", "the attack by the army", "X launched an attack"."""
        by = list(prepositional_dependents(noun, "by"))
        if by:
            return self.actors_of(by[0])
        modifiers = [c for c in noun.children if c.dep_ in NOMINAL_SOURCE_DEPS]
        found = next((a for m in modifiers if (a := self.actors_of(m, adjectives=True))), [])
        if found:
            return found
        if noun.dep_ in OBJECT and noun.head.pos_ in VERB_POS and self._supports(noun):
            return self._first_actors(subject_candidates(noun.head))  # not "investigated the shooting"
        return []

    def _supports(self, noun: Any) -> bool:
        """The verb of the noun is one whose subject does what it names, also when the parser
        hung that verb on the noun ("has imposed sanctions" read as "has" + "imposed sanctions")."""
        verbs = [noun.head, *(c for c in noun.children if c.dep_ == "amod" and c.pos_ in VERB_POS and c.i < noun.i)]
        return any(lemma_in(v, self.cues.support_verbs) or phrasal_lemma(v) in self.cues.support_verbs for v in verbs)

    def _modifier_actors(self, tokens: list[Any]) -> list[Actor]:
        """The country adjective or compound before a role noun that names no actor itself
        ("Palestinian prisoners", "an Indian proposal", "Danish web sites")."""
        for token in tokens:
            if token.pos_ not in NOUN_POS:
                continue
            for child in token.children:
                if child.dep_ in ("amod", "compound") and child.i < token.i:
                    mention = self._mention_at(child.i, adjectives=True)
                    if mention is not None:
                        return [mention.actor]
        return []

    def _first_actors(self, tokens: list[Any]) -> list[Actor]:
        for token in tokens:
            actors = self.actors_of(token)
            if actors:
                return actors
        return []

    def actors_of(self, token: Any, adjectives: bool = False) -> list[Actor]:
        """Actors a role token stands for: its mention, its conjuncts' mentions, or the
        nearest mention among its modifiers ("the heads of the People's Republics").
        A bare country adjective counts only where asked ("the Russian attack")."""
        found: list[Actor] = []
        for item in conjuncts(token):
            mention = self._mention_at(item.i, adjectives) or self._nearest_mention(item)
            if mention is not None and all(mention.actor is not a for a in found):
                found.append(mention.actor)
                found.extend(self._coordinated_nationalities(item, mention))
        return found

    def _coordinated_nationalities(self, head: Any, mention: Mention) -> list[Actor]:
        """"Hungarian and Romanian officials": the role noun was composed with one country
        adjective; each adjective coordinated with it names one more actor of the same sector."""
        if mention.kind != "composed" or self.by_token.get(head.i) is not mention:
            return []
        adjectives = [c for a in head.children if a.dep_ == "amod" and a.i < head.i for c in conjuncts(a)]
        actors: list[Actor] = []
        for adjective in adjectives:
            other = self.by_token.get(adjective.i)
            if other is None or other.kind != "adjective" or other.actor.country in (None, mention.actor.country):
                continue
            actors.append(compose(f"{adjective.text} {head.text}", other.actor.country, mention.actor.sector))
        return actors

    def _has_actor(self, token: Any) -> bool:
        return self._mention_at(token.i, adjectives=True) is not None

    def _mention_at(self, index: int, adjectives: bool = False) -> Mention | None:
        mention = self.by_token.get(index)
        if mention is None or (mention.kind == "adjective" and not adjectives):
            return None
        return mention

    def _nearest_mention(self, token: Any) -> Mention | None:
        best: tuple[int, Mention] | None = None
        for item in token.subtree:
            mention = self._mention_at(item.i)
            if mention is None:
                continue
            depth = depth_below(item, token)
            if best is None or depth < best[0]:
                best = (depth, mention)
        return best[1] if best is not None and best[0] <= 3 else None


CLAUSE_DEPS = frozenset({"conj", "ccomp", "parataxis", "xcomp"})
PREDICATE_DEPS = frozenset({"obj", "dobj", "iobj", "obl", "nmod", "xcomp", "ccomp", "dative", "prep", "conj"})
COMPLEMENT_TARGETS = ("object", "iobj", "prep:to", "prep:for", "prep:with", "prep:against", "prep:on")


STATE_ENTRY_KINDS = frozenset({"country", "capital", "seat"})  # how a mention's `why` begins
MISREAD_SUBJECT_DEPS = frozenset({"advmod", "npadvmod", "obl:npmod", "nmod:npmod", "dep", "compound"})
AIM_DEPTH = 6  # how deep in a protest's phrases its foreign aim may be named


def _unique(actors: list[Actor]) -> list[Actor]:
    seen: set[tuple[str, str]] = set()
    kept = []
    for actor in actors:
        if (actor.code, actor.text) not in seen:
            seen.add((actor.code, actor.text))
            kept.append(actor)
    return kept


def _country_of(actor: Actor) -> str:
    return actor.country or actor.code[:3]


def _code(actor: Actor | None) -> str:
    return actor.code if actor is not None else ""
