"""Finding event triggers in a parsed sentence, and merging those that name one event.

A trigger is a verb or noun of the lexicon whose conditions hold ("pull" with "out", "release"
of people), or a speech verb's act (:mod:`speech_acts`: "declared that Moscow violated ...",
"described Beijing as a major enabler", "said Libya must hand over the suspects"). Triggers
then merge so that one event is listed once: a light verb gives its subject to the nominal trigger
it carries ("launched an attack" is one ASSAULT, not LAUNCH + ATTACK); a trigger governed by
another of the same type joins it ("killed by a Russian strike", "agree to a peace deal"); and a
nominal trigger that is only the topic of another event ("rejected Ukraine's accusation") is not
an event of its own, nor is the object of a verb's required preposition ("complied with the
demands"); coordinated verbs of one type that name different kinds of act ("dispersed the crowd
and beat demonstrators") stay apart. Signing an agreement is PLOVER's SUPPORT, promising to sign
one AGREE. Nor is the content of a threat, request, refusal, offer or aid ("vowed to
strike back", "offered to negotiate", "trained forces to fight"): what happened is the threat or
the offer, typed by the quad of what is intended (CAMEO 03 AGREE for a cooperative act, 13
THREATEN for a conflictual one). Last, triggers that name no occurrence (:mod:`occurrence`: a
topic, a prospect, a question, a policy) are left out.

A caller's verb dictionary (``resources.event_triggers.using_verb_dictionary``) decides every verb
it knows: the verb is a trigger of the PLOVER type its CAMEO code is coded as, keeping that code's
root, or no trigger at all (a null code, a code that is not CAMEO's, a public statement); the
lexicon still codes the verbs it does not know, and nouns. Such a trigger goes through the same
merging and occurrence filters, but keeps its type: the dictionary has said what the verb is.
"""

from __future__ import annotations

from typing import Any

from newsledger.resources.event_triggers import (
    TriggerEntry,
    TriggerLexicon,
    caller_verb_dictionary,
)
from newsledger.resources.plover import cameo_code_root, plover_for_cameo
from newsledger.stages.coreference import SUBJECT_DEPS
from newsledger.stages.event_parts.candidate import (
    SIGNING_VERBS,
    Candidate,
    clause_of,
    intent_type,
)
from newsledger.stages.event_parts.occurrence import not_occurrences
from newsledger.stages.event_parts.speech_acts import accusation, characterization, speech_acts
from newsledger.stages.event_parts.syntax import children

__all__ = ["Candidate", "find_candidates", "intent_type", "verb_entry"]

_NAME_LABELS = frozenset({"DATE", "TIME", "PERSON", "GPE", "LOC", "FAC"})
_NOMINAL_DEPS = frozenset({"dobj", "pobj", "nsubj", "nsubjpass", "conj"})
_PARTICLE_DEPS = frozenset({"prt", "prep", "advmod", "dative"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
# Relations along which a trigger governed by another trigger of the same type joins it.
_JOINING_DEPS = frozenset(
    {"dobj", "pobj", "prep", "pcomp", "agent", "advcl", "xcomp", "nsubj", "nsubjpass"}
    | {"compound", "acl"}
)
# Types whose infinitival complement is only their content: "vowed to strike back" is a threat,
# "urged Russia to withdraw" a request, "refused to negotiate" a rejection; none of the strike,
# the withdrawal or the talks has happened. Aid given for a purpose ("trained the forces to
# fight") is the aid; the fighting it is for is not told by it.
_CONTENT_TAKING_TYPES = frozenset({"THREATEN", "REQUEST", "REJECT", "AID"})
_PARTITIVES = frozenset({"part", "some", "all", "most", "half", "portion", "bulk", "rest"})
_PROPOSAL_NOUNS = frozenset({"proposal", "offer", "plan", "pledge", "promise", "initiative"})
_ANNOUNCING_VERBS = frozenset({"announce", "declare", "unveil", "outline"})
_PROSPECTIVE_MODIFIERS = frozenset({"potential", "possible", "planned", "proposed", "prospective"})


def find_candidates(sentence: Any, lexicon: TriggerLexicon) -> list[Candidate]:
    """Every trigger in the sentence, merged so that each stands for one event."""
    found: list[Candidate] = []
    for token in sentence:
        candidate = _candidate(token, sentence, lexicon)
        if candidate is not None:
            found.append(candidate)
    # A speech act's intent is typed by an act the sentence tells, so what names no occurrence
    # ("will not advance negotiations") is left out first.
    merged = _occurring(_merge(found, lexicon), lexicon)
    acts = speech_acts(sentence, merged, lexicon)
    # What a demand asks for has not happened: "said Libya must hand over the suspects" is the
    # demand, as "urged Libya to hand over" is (the content of a request is no event).
    demanded = {act.complement.i for act in acts if act.type == "REQUEST" and act.complement}
    # Nor has what a party says it will do to another: "said it would impose martial law"
    # threatens (CAMEO 13), as "vowed to impose" does; the act is the threat's content.
    threatened = {act.anchor.i for act in acts if act.type == "THREATEN" and act.light}
    contents = demanded | threatened
    kept = [c for c in merged if clause_of(c).i not in contents]
    return _occurring(kept + acts, lexicon)


def _occurring(candidates: list[Candidate], lexicon: TriggerLexicon) -> list[Candidate]:
    left_out = not_occurrences(candidates, lexicon)
    return [c for c in candidates if c.anchor.i not in left_out]


def _candidate(token: Any, sentence: Any, lexicon: TriggerLexicon) -> Candidate | None:
    if token.pos_ == "VERB":
        if token.dep_ in _NOMINAL_DEPS and any(c.dep_ == "det" for c in token.children):
            return None  # "evacuated the wounded": a participle naming people, not an event
        known, coded = _caller_coded(token, sentence, lexicon)
        if known:
            return coded
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
            if (
                entry.type == "SUPPORT"
                and token.lemma_ in SIGNING_VERBS
                and not _told_as_done(token)
            ):
                candidate.type = "AGREE"  # "will sign", "to ratify": a promise to sign agrees
            _refine_mode(candidate, lexicon)
            return candidate
        return accusation(token, lexicon) or characterization(token, lexicon)
    if token.pos_ in {"NOUN", "PROPN"}:
        if token.ent_type_ in _NAME_LABELS:
            return None  # "in March" is a month, not a march; "Grant" a person, not aid
        entries = lexicon.nouns.get(token.lemma_.lower()) or lexicon.nouns.get(token.lower_, ())
        # Entries with modifier conditions first: a "phone call" before any other call.
        ordered = sorted(entries, key=lambda e: not e.objects)
        entry = next((e for e in ordered if _noun_conditions_hold(token, e)), None)
        if entry is None or _aggregate(token, lexicon):
            return None
        candidate = Candidate(token, entry.type, entry.mode, "noun", entry, entry.ground)
        head = token.head
        if token.dep_ in {"dobj", "nsubjpass"} and _is_light(head, lexicon):
            candidate.light = head
        elif (
            token.dep_ in {"conj", "compound"}
            and head.dep_ == "dobj"
            and _is_light(head.head, lexicon)
            and not (token.dep_ == "compound" and _is_trigger(head, lexicon))
        ):
            # "launched a mediation effort": the trigger modifies the light verb's object
            candidate.light = head.head
        elif (
            token.dep_ == "pobj"
            and head.lower_ == "in"
            and head.head.lemma_ in lexicon.participation_verbs
        ):
            candidate.light = head.head  # "were engaged in ethnic cleansing"
        if entry.needs_light and candidate.light is None:
            return None
        if (
            candidate.type == "PROTEST"
            and candidate.light is not None
            and (candidate.light.lemma_ in lexicon.complaint_verbs)
        ):
            # "lodged an official protest": a complaint made to a party (CAMEO 114), not a
            # demonstration.
            candidate.type, candidate.mode = "ACCUSE", "allege"
        _refine_mode(candidate, lexicon)
        if candidate.type == "MOBILIZE" and (
            any(
                child.dep_ in _MODIFIER_DEPS and child.lower_ in lexicon.joint_markers
                for child in token.children
            )
            or (
                {token.lemma_.lower(), token.lower_} & lexicon.exercise_nouns
                and _coordinated_subject(candidate)
            )
        ):
            # "joint exercises", "French and Egyptian warships launched war games": military
            # cooperation (CAMEO 062), not a show of force.
            candidate.type, candidate.mode = "COOPERATE", None
        if (
            candidate.type == "AGREE"
            and candidate.light is not None
            and candidate.light.lemma_ in SIGNING_VERBS
            and _told_as_done(candidate.light)
        ):
            # "signed a treaty", "ratified the accord": PLOVER's SUPPORT ("ratify, sign, or
            # finalize an agreement", CAMEO 057); a signing promised, sought or forced ("to
            # sign agreements", "will sign") is AGREE, as promises to sign are.
            candidate.type, candidate.mode = "SUPPORT", None
        if candidate.mode == "ceasefire" and _promised(candidate, lexicon):
            # A truce only offered or promised is an intent (CAMEO 0356), not a declared one.
            candidate.type, candidate.mode = "AGREE", None
        if candidate.light is not None and candidate.light.lemma_ in lexicon.commissive_verbs:
            # "offered concessions", "pledged aid": what happened is the offer (CAMEO 03).
            _make_intent(candidate, candidate.type)
        elif candidate.light is not None and _announced_prospect(candidate):
            # "announced the potential exchange": the announcement states an intent (CAMEO 03),
            # told at the announcing verb; the act is possible, the announcement is not.
            _make_intent(candidate, candidate.type)
            candidate.members.append(candidate.anchor)
            candidate.anchor, candidate.light = candidate.light, None
        return candidate
    return None


def _caller_coded(
    token: Any, sentence: Any, lexicon: TriggerLexicon
) -> tuple[bool, Candidate | None]:
    """Whether the caller's verb dictionary knows the verb, and the trigger it codes, if any."""
    dictionary = caller_verb_dictionary()
    coding = dictionary.code_for(sentence, token) if dictionary is not None else None
    if coding is None:
        return False, None
    plover = plover_for_cameo(coding.code) if coding.code is not None else None
    if coding.code is None or plover is None:
        return True, None  # the null code, a code that is not CAMEO's, a public statement
    if any(
        child.dep_ == "advmod" and child.lower_ in lexicon.habitual_modifiers
        for child in token.children
    ):
        return True, None  # a habit, not one event, whatever the verb's code
    if plover[0] == "ASSAULT" and _accidental(token, lexicon):
        return True, None
    if _attribution(token, lexicon):
        return True, None
    candidate = Candidate(
        token,
        plover[0],
        plover[1],
        "verb",
        cameo=cameo_code_root(coding.code),
        reverse_code=coding.reverse_code,
        source=_phrase_head(token.doc, coding.source),
        target=_phrase_head(token.doc, coding.target),
    )
    if candidate.mode is None:
        _refine_mode(candidate, lexicon)
    return True, candidate


def _phrase_head(doc: Any, span: tuple[int, int] | None) -> Any | None:
    """The head word of the noun phrase at token positions ``span`` (first, last)."""
    return doc[span[0] : span[1] + 1].root if span is not None else None


def _attribution(verb: Any, lexicon: TriggerLexicon) -> bool:
    """ "Valdoria reopened the border, officials said": a speech verb after the clause it
    reports, outside a quotation, names the report's source; it tells no event of its own."""
    if verb.lemma_ not in lexicon.speech_verbs or any(t.is_quote for t in verb.sent):
        return False
    return any(c.dep_ in {"ccomp", "parataxis"} and c.i < verb.i for c in verb.children) or (
        verb.dep_ == "parataxis" and verb.head.i < verb.i
    )


def _announced_prospect(candidate: Candidate) -> bool:
    """ "announced the potential exchange", "declared a planned withdrawal": an act announced as
    possible or planned is the announcer's stated intent, not the act."""
    light = candidate.light
    return (
        light is not None
        and light.lemma_ in _ANNOUNCING_VERBS
        and any(
            c.dep_ == "amod" and c.lower_ in _PROSPECTIVE_MODIFIERS
            for c in candidate.anchor.children
        )
    )


def _coordinated_subject(candidate: Candidate) -> bool:
    """Whether the clause's subject names two parties: "French and Egyptian warships",
    "Russia and China"."""
    return any(
        word.dep_ == "conj"
        for subject in children(candidate.verb, *SUBJECT_DEPS)
        for word in subject.subtree
    )


def _object_heads(verb: Any) -> list[Any]:
    """The verb's objects, through a partitive head: "suspended part of a military aid
    program" suspends the program."""
    heads = []
    for obj in children(verb, "dobj", "nsubjpass"):
        heads.append(obj)
        if obj.lemma_.lower() in _PARTITIVES:
            heads.extend(
                pobj
                for prep in children(obj, "prep")
                if prep.lower_ == "of"
                for pobj in children(prep, "pobj")
            )
    return heads


def _is_light(verb: Any, lexicon: TriggerLexicon) -> bool:
    return verb.lemma_ in lexicon.light_verbs or verb.lower_ in lexicon.light_verb_forms


def _is_trigger(noun: Any, lexicon: TriggerLexicon) -> bool:
    return noun.lemma_.lower() in lexicon.nouns or noun.lower_ in lexicon.nouns


def verb_entry(token: Any, lexicon: TriggerLexicon) -> TriggerEntry | None:
    """The lexicon entry whose conditions this verb meets, if any."""
    for entry in lexicon.verbs.get(token.lemma_.lower(), ()):
        if entry.particle and not any(
            child.dep_ in _PARTICLE_DEPS and child.lower_ in entry.particle
            for child in token.children
        ):
            continue
        if entry.objects or entry.object_types:
            objects = _object_heads(token)
            if not any(
                obj.lemma_.lower() in entry.objects
                or obj.lower_ in entry.objects
                or obj.ent_type_ in entry.object_types
                for obj in objects
            ):
                continue
        if entry.not_particle and any(
            child.dep_ in _PARTICLE_DEPS and child.lower_ in entry.not_particle
            for child in token.children
        ):
            continue  # "back down" yields; it backs no one
        if any(
            obj.lemma_.lower() in entry.not_objects
            or obj.lower_ in entry.not_objects
            or obj.ent_type_ in entry.not_object_types
            for obj in _shared_objects(token)
        ):
            # "shot down 33 drones" is an interception, "dismissed the claim" a denial,
            # "dismissed the minister" a personnel decision.
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


def _shared_objects(verb: Any) -> list[Any]:
    """The verb's objects, or those of the verb it is coordinated with when it has none of its
    own: "shot down or jammed 33 drones" shoots down the drones."""
    own = children(verb, "dobj", "nsubjpass")
    if own:
        return own
    partners = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    if verb.dep_ == "conj":
        partners.append(verb.head)
    return [obj for partner in partners for obj in children(partner, "dobj", "nsubjpass")]


def _infinitives(verb: Any) -> list[Any]:
    """The infinitival complements of a verb: "to fight" in "have sworn to fight", which the
    parser sometimes hangs as an adverbial clause."""
    return [
        child
        for child in verb.children
        if child.dep_ == "xcomp" or (child.dep_ == "advcl" and _has_to(child))
    ]


def _has_to(verb: Any) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _infinitive_of(clause: Any) -> bool:
    return any(clause.i == child.i for child in _infinitives(clause.head))


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
    if token.lemma_.lower() == "strike" and candidate.cameo is None:
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
    if candidate.anchor.dep_ == "compound":
        # "Russia's ceasefire proposals": a truce proposed, not declared
        return bool(head.lemma_.lower() in _PROPOSAL_NOUNS)
    if candidate.anchor.dep_ == "pobj":
        head = head.head
    return bool(head.lemma_ in lexicon.promising_verbs)


def _make_intent(candidate: Candidate, content_type: str) -> None:
    if candidate.cameo is not None:
        return  # the caller's dictionary has coded this verb
    intent = intent_type(content_type)
    if intent != candidate.type:
        candidate.type, candidate.mode, candidate.ground = intent, None, False


def _content_of(candidate: Candidate, found: list[Candidate]) -> Candidate | None:
    """The trigger in the infinitive a verb takes: "negotiate" in "offered to negotiate"."""
    return next(
        (
            other
            for other in found
            if other is not candidate
            and other.verb.head.i == candidate.anchor.i
            and _infinitive_of(other.verb)
        ),
        None,
    )


def _takes_content(candidate: Candidate, lexicon: TriggerLexicon) -> bool:
    """Whether what the trigger's infinitive says is only its content, not an event."""
    return candidate.type in _CONTENT_TAKING_TYPES or (
        candidate.kind == "verb" and candidate.anchor.lemma_ in lexicon.commissive_verbs
    )


def _merge(found: list[Candidate], lexicon: TriggerLexicon) -> list[Candidate]:
    by_token = {c.anchor.i: c for c in found}
    dropped: set[int] = set()
    for candidate in found:
        # "vowed to strike back" threatens, "offered to negotiate" agrees: the intent takes the
        # quad of what is intended.
        if candidate.kind == "verb" and candidate.anchor.lemma_ in lexicon.commissive_verbs:
            content = _content_of(candidate, found)
            if content is not None:
                _make_intent(candidate, content.type)
    for candidate in found:
        # The light verb is part of its nominal trigger's event, whatever it means alone; but
        # a verb the caller's dictionary codes has been coded with its object ("* ATTACK").
        if candidate.light is not None and candidate.light.i in by_token:
            coded = by_token[candidate.light.i].cameo is not None
            dropped.add(candidate.anchor.i if coded else candidate.light.i)
    for candidate in found:
        if candidate.kind != "noun" or candidate.light is not None:
            continue
        governor = _governing_candidate(candidate.anchor, by_token, dropped)
        # "rejected Ukraine's accusation": the accusation is what is rejected, told before.
        anchor = candidate.anchor
        is_topic = (
            anchor.dep_ == "dobj"
            or (anchor.dep_ == "pobj" and anchor.head.lower_ in lexicon.topic_preps)
            or (governor is not None and _particle_object(anchor, governor))
        )
        if governor is not None and governor.type != candidate.type and is_topic:
            dropped.add(candidate.anchor.i)
    dropped |= _protest_purposes(found)
    dropped |= _contents(found, by_token, lexicon)
    for candidate in sorted(found, key=lambda c: -_depth(c.anchor)):
        if candidate.anchor.i in dropped:
            continue
        governor = _governing_candidate(candidate.anchor, by_token, dropped)
        if governor is not None and governor.type == candidate.type:
            if _other_kinds_of_act(governor, candidate):
                continue
            governor.members.extend(candidate.tokens())
            governor.mode = governor.mode or candidate.mode
            governor.ground = governor.ground or candidate.ground
            dropped.add(candidate.anchor.i)
    return [c for c in found if c.anchor.i not in dropped]


def _told_as_done(verb: Any) -> bool:
    """Whether a verb tells its act as done: a finite or perfect verb without a modal, not an
    infinitive ("to sign") or a prospect ("will sign", "could sign")."""
    if verb.tag_ not in {"VBD", "VBZ", "VBP", "VBN"}:
        return False
    return not any(c.dep_ == "aux" and c.tag_ in {"MD", "TO"} for c in verb.children)


def _particle_object(noun: Any, governor: Candidate) -> bool:
    """ "complied with the demands", "yielded to pressure", "consented to the deal": the object
    of the preposition a verb's lexicon entry requires is what the verb acts on, as a direct
    object is, not an event told beside it."""
    entry = governor.entry
    prep = noun.head
    return (
        entry is not None
        and bool(entry.particle)
        and noun.dep_ == "pobj"
        and prep.lower_ in entry.particle
        and prep.head.i == governor.anchor.i
    )


def _other_kinds_of_act(governor: Candidate, candidate: Candidate) -> bool:
    """ "dispersed protesters with tear gas and beat demonstrators": coordinated verbs of one
    type that name different kinds of act (PLOVER modes) are separate acts, each an event;
    "were killed and wounded", or "killed by a strike", name one."""
    return (
        candidate.kind == governor.kind == "verb"
        and candidate.anchor.dep_ == "conj"
        and governor.mode is not None
        and candidate.mode is not None
        and governor.mode != candidate.mode
    )


def _protest_purposes(found: list[Candidate]) -> set[int]:
    """Demands a protest is for: "staged demonstrations to demand reforms" is one PROTEST, as
    CAMEO's "demonstrate for ..." codes (141x-144x); the protest voices the demand."""
    # The protest's words: its trigger, its light verb, the verb whose object it is ("staged").
    protests = {
        token.i
        for c in found
        if c.type == "PROTEST"
        for token in (c.anchor, c.light, c.anchor.head if c.anchor.dep_ == "dobj" else None)
        if token is not None
    }
    return {
        c.anchor.i
        for c in found
        if c.type == "REQUEST"
        and c.verb.head.i in protests
        and (_infinitive_of(c.verb) or (c.verb.dep_ == "acl" and _has_to(c.verb)))
    }


def _contents(
    found: list[Candidate], by_token: dict[int, Candidate], lexicon: TriggerLexicon
) -> set[int]:
    """Triggers in the infinitive of a content-taking trigger ("urged Russia to withdraw",
    "offered to negotiate"): what is asked, refused or offered has not happened. A commissive
    keeps their words, whose parties are its own ("offered to negotiate with Armenia")."""
    contents: set[int] = set()
    for candidate in found:
        head = by_token.get(candidate.verb.head.i)
        if (
            head is not None
            and _infinitive_of(candidate.verb)
            and _takes_content(head, lexicon)
            and head.type != candidate.type
        ):
            contents.add(candidate.anchor.i)
            if head.kind == "verb" and head.anchor.lemma_ in lexicon.commissive_verbs:
                head.members.extend(candidate.tokens())
    return contents


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
        if current.dep_ == "conj" and current.pos_ == "VERB" and current.head.pos_ == "NOUN":
            # "using tear gas to disperse protests and beating demonstrators": a verb the
            # parser coordinates with a noun is the conjunct of the verb above that noun
            # ("using ... and beating"), another act, not part of the noun's event.
            return None
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
