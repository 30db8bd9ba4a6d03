"""Finding event triggers in a parsed sentence, and merging those that name one event.

A trigger is a verb or noun of the lexicon whose conditions hold ("pull" with "out", "release"
of people), a speech verb whose complement accuses someone ("declared that Moscow violated ..."),
or a characterization verb with a pejorative ("described Beijing as a major enabler"). Triggers
then merge so that one event is listed once: a light verb gives its subject to the nominal trigger
it carries ("launched an attack" is one ASSAULT, not LAUNCH + ATTACK); a trigger governed by
another of the same type joins it ("killed by a Russian strike", "agree to a peace deal"); and a
nominal trigger that is only the topic of another event ("rejected Ukraine's accusation") is not
an event of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from newsledger.resources.event_triggers import TriggerEntry, TriggerLexicon
from newsledger.stages.coreference import SUBJECT_DEPS
from newsledger.stages.event_parts.syntax import children, direct_object

TriggerKind = Literal["verb", "noun", "accusation", "characterization"]

_PARTICLE_DEPS = frozenset({"prt", "prep", "advmod", "dative"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
# Relations along which a trigger governed by another trigger of the same type joins it.
_JOINING_DEPS = frozenset(
    {"dobj", "pobj", "prep", "pcomp", "agent", "advcl", "xcomp", "nsubj", "nsubjpass"}
    | {"compound", "acl"}
)
# Types whose infinitival complement is only their content: "vowed to strike back" is a threat,
# "urged Russia to withdraw" a request; neither strike nor withdrawal has happened.
_CONTENT_TAKING_TYPES = frozenset({"THREATEN", "REQUEST"})


@dataclass
class Candidate:
    """A trigger found in a sentence, with what the rules learnt about it."""

    anchor: Any  # the token that names the event
    type: str
    mode: str | None
    kind: TriggerKind
    entry: TriggerEntry | None = None
    ground: bool = False
    light: Any | None = None  # "launched" in "launched an attack"
    complement: Any | None = None  # "violated" in "declared that Moscow violated ..."
    members: list[Any] = field(default_factory=list)  # triggers merged into this one

    @property
    def verb(self) -> Any:
        """The verb whose clause the event lives in: the light verb or the trigger itself."""
        return self.light if self.light is not None else self.anchor

    def tokens(self) -> list[Any]:
        return [self.anchor, *self.members]


def find_candidates(sentence: Any, lexicon: TriggerLexicon) -> list[Candidate]:
    """Every trigger in the sentence, merged so that each stands for one event."""
    found: list[Candidate] = []
    for token in sentence:
        candidate = _candidate(token, lexicon)
        if candidate is not None:
            found.append(candidate)
    return _merge(found, lexicon)


def _candidate(token: Any, lexicon: TriggerLexicon) -> Candidate | None:
    if token.pos_ == "VERB":
        entry = verb_entry(token, lexicon)
        if entry is not None and entry.type == "ASSAULT" and _accidental(token, lexicon):
            return None
        if entry is not None and any(
            child.dep_ == "advmod" and child.lower_ in lexicon.habitual_modifiers
            for child in token.children
        ):
            return None  # "strikes that routinely kill civilians": a habit, not one event
        if entry is not None:
            candidate = Candidate(token, entry.type, entry.mode, "verb", entry, entry.ground)
            _refine_mode(candidate, lexicon)
            return candidate
        return _accusation(token, lexicon) or _characterization(token, lexicon)
    if token.pos_ in {"NOUN", "PROPN"}:
        entries = lexicon.nouns.get(token.lemma_.lower()) or lexicon.nouns.get(token.lower_, ())
        # Entries with modifier conditions first: a "phone call" before any other call.
        ordered = sorted(entries, key=lambda e: not e.objects)
        entry = next((e for e in ordered if _noun_conditions_hold(token, e)), None)
        if entry is None or _aggregate(token, lexicon):
            return None
        candidate = Candidate(token, entry.type, entry.mode, "noun", entry, entry.ground)
        head = token.head
        if token.dep_ in {"dobj", "nsubjpass"} and head.lemma_ in lexicon.light_verbs:
            candidate.light = head
        elif (
            token.dep_ == "conj" and head.dep_ == "dobj" and head.head.lemma_ in lexicon.light_verbs
        ):
            candidate.light = head.head
        _refine_mode(candidate, lexicon)
        if candidate.type == "MOBILIZE" and any(
            child.dep_ in _MODIFIER_DEPS and child.lower_ in lexicon.joint_markers
            for child in token.children
        ):
            # "joint exercises": military cooperation (CAMEO 062), not a show of force.
            candidate.type, candidate.mode = "COOPERATE", None
        if candidate.mode == "ceasefire" and _promised(candidate, lexicon):
            # A truce only offered or promised is an intent (CAMEO 0356), not a declared one.
            candidate.type, candidate.mode = "AGREE", None
        return candidate
    return None


def verb_entry(token: Any, lexicon: TriggerLexicon) -> TriggerEntry | None:
    """The lexicon entry whose conditions this verb meets, if any."""
    for entry in lexicon.verbs.get(token.lemma_.lower(), ()):
        if entry.particle and not any(
            child.dep_ in _PARTICLE_DEPS and child.lower_ in entry.particle
            for child in token.children
        ):
            continue
        if entry.objects or entry.object_types:
            objects = children(token, "dobj", "nsubjpass")
            if not any(
                obj.lemma_.lower() in entry.objects
                or obj.lower_ in entry.objects
                or obj.ent_type_ in entry.object_types
                for obj in objects
            ):
                continue
        if entry.not_objects and any(
            obj.lemma_.lower() in entry.not_objects or obj.lower_ in entry.not_objects
            for obj in children(token, "dobj", "nsubjpass")
        ):
            # "shot down 33 drones" is an interception, "dismissed the claim" a denial.
            continue
        if entry.subjects and not any(
            subject.lemma_.lower() in entry.subjects or subject.lower_ in entry.subjects
            for subject in children(token, "nsubj")
        ):
            continue
        if entry.needs_xcomp and not children(token, "xcomp"):
            continue
        return entry
    return None


def _accidental(verb: Any, lexicon: TriggerLexicon) -> bool:
    """ "Two soldiers were killed in a helicopter crash": an accident, not an assault."""
    return any(
        obj.lemma_.lower() in lexicon.accident_nouns
        for _prep in children(verb, "prep")
        if _prep.lower_ in {"in", "by"}
        for obj in children(_prep, "pobj")
    ) or any(
        obj.lemma_.lower() in lexicon.accident_nouns
        for agent in children(verb, "agent")
        for obj in children(agent, "pobj")
    )


def _aggregate(noun: Any, lexicon: TriggerLexicon) -> bool:
    """A plural event noun that counts or characterises many events is not one event:
    "near-daily strikes", "the number of drone attacks", "a surge of attacks"."""
    if noun.tag_ not in {"NNS", "NNPS"}:
        return False
    # "near-daily missile and drone attacks": the frequency word may hang off a compound.
    if any(
        word.lower_ in lexicon.habitual_modifiers
        for child in noun.lefts
        if child.dep_ in _MODIFIER_DEPS
        for word in child.subtree
    ):
        return True
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of":
        return bool(head.head.lemma_.lower() in lexicon.aggregate_heads)
    return False


def _noun_conditions_hold(token: Any, entry: TriggerEntry) -> bool:
    """A nominal trigger's conditions: its preposition ("a call for talks", not "a phone
    call") and, for nouns, ``objects`` as the modifiers it needs ("joint exercises")."""
    if entry.particle and not any(
        child.dep_ == "prep"
        and child.lower_ in entry.particle
        # "a call on Monday" is dated, not addressed: "on" must govern a party
        and not any(obj.ent_type_ in {"DATE", "TIME"} for obj in children(child, "pobj"))
        for child in token.children
    ):
        return False
    if entry.not_objects and any(
        obj.lemma_.lower() in entry.not_objects
        for prep in children(token, "prep")
        for obj in children(prep, "pobj")
    ):
        return False  # "a request for comment" is a reporter's, not a party's
    return not entry.objects or any(
        child.dep_ in _MODIFIER_DEPS and child.lower_ in entry.objects for child in token.children
    )


def _refine_mode(candidate: Candidate, lexicon: TriggerLexicon) -> None:
    """Give an assault the mode its modifiers name ("drone attack", "attacked with artillery"),
    and turn a "hunger strike" or "general strike" into a protest."""
    if candidate.type != "ASSAULT":
        return
    token = candidate.anchor
    words = [c for c in token.children if c.dep_ in _MODIFIER_DEPS]
    for holder in (token, candidate.light):
        if holder is None:
            continue
        for prep in children(holder, "prep"):
            if prep.lower_ in {"with", "by", "using"}:
                for obj in children(prep, "pobj"):
                    words.append(obj)
                    words.extend(c for c in obj.children if c.dep_ in _MODIFIER_DEPS)
    if token.lemma_.lower() == "strike":
        for word in words:
            protest = lexicon.protest_strikes.get(word.lower_)
            if protest is not None:
                candidate.type, candidate.mode, candidate.ground = "PROTEST", protest, False
                return
    for word in words:
        mode = lexicon.assault_modifiers.get(word.lower_) or lexicon.assault_modifiers.get(
            word.lemma_.lower()
        )
        if mode is not None:
            candidate.mode = mode
            return


def _promised(candidate: Candidate, lexicon: TriggerLexicon) -> bool:
    head = candidate.anchor.head
    if candidate.anchor.dep_ == "pobj":
        head = head.head
    return bool(head.lemma_ in lexicon.promising_verbs)


def _accusation(token: Any, lexicon: TriggerLexicon) -> Candidate | None:
    """A speech verb whose complement says someone else did wrong: "Kiev declared that Moscow
    violated its own commitment" is Kiev accusing Moscow."""
    if token.lemma_ not in lexicon.speech_verbs:
        return None
    for clause in children(token, "ccomp"):
        if clause.lemma_ not in lexicon.accusatory_complements:
            continue
        # The complement must name who did wrong: "Moscow violated" does, "all on board were
        # killed" (a passive without its agent) does not, so the speaker accuses no one.
        if children(clause, "neg") or not (children(clause, "nsubj") or children(clause, "agent")):
            continue
        return Candidate(token, "ACCUSE", "allege", "accusation", complement=clause)
    return None


def _characterization(token: Any, lexicon: TriggerLexicon) -> Candidate | None:
    """ "described Beijing as a major enabler": disapproval of the object (ACCUSE disapprove)."""
    if token.lemma_ not in lexicon.characterization_verbs or direct_object(token) is None:
        return None
    labels = children(token, "oprd", "xcomp", "attr")
    for prep in children(token, "prep"):
        if prep.lower_ == "as":
            labels.extend(children(prep, "pobj"))
    if any(label.lemma_.lower() in lexicon.pejoratives for label in labels):
        return Candidate(token, "ACCUSE", "disapprove", "characterization")
    return None


def _merge(found: list[Candidate], lexicon: TriggerLexicon) -> list[Candidate]:
    by_token = {c.anchor.i: c for c in found}
    dropped: set[int] = set()
    for candidate in found:
        # The light verb is part of its nominal trigger's event, whatever it means alone.
        if candidate.light is not None and candidate.light.i in by_token:
            dropped.add(candidate.light.i)
    for candidate in found:
        if candidate.kind != "noun" or candidate.light is not None:
            continue
        governor = _governing_candidate(candidate.anchor, by_token, dropped)
        # "rejected Ukraine's accusation": the accusation is what is rejected, told before.
        anchor = candidate.anchor
        is_topic = anchor.dep_ == "dobj" or (
            anchor.dep_ == "pobj" and anchor.head.lower_ in lexicon.topic_preps
        )
        if governor is not None and governor.type != candidate.type and is_topic:
            dropped.add(candidate.anchor.i)
    for candidate in found:
        anchor = candidate.anchor
        head = by_token.get(anchor.head.i)
        if (
            anchor.dep_ == "xcomp"
            and head is not None
            and head.type in _CONTENT_TAKING_TYPES
            and head.type != candidate.type
        ):
            dropped.add(anchor.i)
    for candidate in sorted(found, key=lambda c: -_depth(c.anchor)):
        if candidate.anchor.i in dropped:
            continue
        governor = _governing_candidate(candidate.anchor, by_token, dropped)
        if governor is not None and governor.type == candidate.type:
            governor.members.extend(candidate.tokens())
            governor.mode = governor.mode or candidate.mode
            governor.ground = governor.ground or candidate.ground
            dropped.add(candidate.anchor.i)
    return [c for c in found if c.anchor.i not in dropped]


def _governing_candidate(
    token: Any, by_token: dict[int, Candidate], dropped: set[int]
) -> Candidate | None:
    """The nearest trigger (or light verb of one) that governs ``token`` within three steps;
    a conjoined verb joins only when it shares its subject ("were killed and wounded")."""
    current = token
    for _ in range(3):
        # A coordinated or adverbial clause with a subject of its own tells another event:
        # "regained control ... eight months after Ukrainian forces launched an incursion".
        own_subject = bool(children(current, *SUBJECT_DEPS))
        joins = (
            current.dep_ in _JOINING_DEPS and not (current.dep_ == "advcl" and own_subject)
        ) or (current.dep_ == "conj" and not own_subject)
        if not joins or current.head.i == current.i:
            return None
        current = current.head
        for candidate in by_token.values():
            if candidate.anchor.i in dropped or candidate.anchor.i == token.i:
                continue
            if current.i == candidate.anchor.i or (
                candidate.light is not None and current.i == candidate.light.i
            ):
                return candidate
    return None


def _depth(token: Any) -> int:
    depth = 0
    while token.head.i != token.i:
        token = token.head
        depth += 1
    return depth
