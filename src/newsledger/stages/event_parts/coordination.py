"""Parties made of several: "between" phrases and coordinated actors.

A nominal trigger's "between" phrase names both parties ("clashes between protesters and security
forces", "talks between his envoy and Putin"), listed actor first; coordinated actors of different
countries ("Hamas and Iran", "the Russian and Syrian defense ministries") are coded as one
compound party without a country, since no single country did the act.
"""

from __future__ import annotations

from typing import Any

from newsledger.model import ActorRef
from newsledger.pipeline.stage import Analysis
from newsledger.resources.countries import country, country_by_demonym
from newsledger.stages.actors import without_article
from newsledger.stages.event_parts.parties import ARMED_SECTORS, Party, code_party
from newsledger.stages.event_parts.syntax import children, prep_objects
from newsledger.stages.event_parts.triggers import Candidate


def between_parties(analysis: Analysis, candidate: Candidate) -> list[Party]:
    """ "clashes erupted between the leader's supporters and security forces", "talks between
    his envoy and Putin": the parties of a nominal trigger's "between" phrase (on the noun, or
    on the verb it is the subject of), in actor-then-target order. An assault's actor is the
    armed party, since a clash of crowds and forces is coded as the forces' violence."""
    if candidate.kind != "noun":
        return []
    anchor = candidate.anchor
    holders = [anchor]
    if anchor.dep_ in {"nsubj", "nsubjpass"}:
        holders.append(anchor.head)
    for holder in holders:
        for _prep, first in prep_objects(holder, {"between"}):
            members = [first, *conjuncts(first)]
            if len(members) < 2:
                for appos in children(first, "appos"):
                    members = [first, *conjuncts(appos)]
            parties = [p for p in (code_party(analysis, m) for m in members) if p is not None]
            if len(parties) < 2:
                return []
            if candidate.type == "ASSAULT":
                parties.sort(key=lambda p: p.ref.sector not in ARMED_SECTORS)
            return parties
    return []


def conjuncts(token: Any) -> list[Any]:
    """The nouns coordinated with ``token`` ("Iran, Russia and Syria" → Russia, Syria)."""
    found: list[Any] = []
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in {"NOUN", "PROPN"}:
            found.extend([child, *conjuncts(child)])
    return found


def compound_party(analysis: Analysis, head: Any, party: Party) -> Party:
    """The party, or a compound party without a country when it coordinates parties of
    different countries: nouns ("Hamas and Iran", "Russia and the Syrian government") or
    national modifiers ("the Russian and Syrian defense ministries")."""
    countries: set[str] = set()
    sectors = {party.ref.sector}
    members = conjuncts(head)
    # Each coordinated party as coded, the head's first, one per country.
    refs: dict[str, ActorRef] = {}
    for code, ref in parts_of(party.ref):
        countries.add(code)
        refs.setdefault(code, ref)
    for member in members:
        coded = code_party(analysis, member)
        for code, ref in parts_of(coded.ref) if coded is not None else ():
            countries.add(code)
            sectors.add(ref.sector)
            refs.setdefault(code, ref)
    if not members:
        for modifier in head.children:
            coordinated = modifier_conjuncts(modifier)
            if modifier.dep_ not in {"amod", "compound", "nmod"} or not coordinated:
                continue
            for word in (modifier, *coordinated):
                found = country_by_demonym(word.text) or country(word.text)
                if found is not None:
                    countries.add(found.alpha3)
                    # "the Russian and Syrian defense ministries": each country's ministry.
                    refs.setdefault(
                        found.alpha3,
                        ActorRef(name=found.name, country=found.alpha3, sector=party.ref.sector),
                    )
    if len(countries) < 2:
        return party
    last = members[-1] if members else head
    start = min(party.start, head.left_edge.idx)
    end = max(party.end, last.right_edge.idx + len(last.right_edge.text))
    name = without_article(analysis.document.text[start:end])
    # One sector where all members share it ("defense ministries"), else none.
    sector = party.ref.sector if len(sectors) == 1 else None
    return Party(ActorRef(name=name, sector=sector, members=tuple(refs.values())), start, end)


def parts_of(ref: ActorRef) -> list[tuple[str, ActorRef]]:
    """The parties with a country that ``ref`` stands for, by country: its members when it is
    a compound (a name a caller's dictionary codes as two actors), else itself."""
    return [(r.country, r) for r in (ref.members or (ref,)) if r.country is not None]


def modifier_conjuncts(token: Any) -> list[Any]:
    found: list[Any] = []
    for child in token.children:
        if child.dep_ == "conj":
            found.extend([child, *modifier_conjuncts(child)])
    return found
