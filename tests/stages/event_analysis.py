"""The events-stage tests' shared set-up: the real parse and actors stage on a sentence, with
places and times given by hand so that each events rule is tested alone."""

from __future__ import annotations

from typing import Any

from newsledger.model import Document, Mention, Place, TimeExpr
from newsledger.pipeline.stage import Analysis
from newsledger.stages.actors import ActorsStage
from newsledger.stages.entities import build_entities

# name: (alpha-2, feature code)
PLACES = {
    "Sumy": ("UA", "PPLA"),
    "Kharkiv": ("UA", "PPLA"),
    "Belgorod": ("RU", "PPLA"),
    "Kyiv": ("UA", "PPLC"),
    "Moscow": ("RU", "PPLC"),
    "Kursk": ("RU", "PPLA"),
}


def analyse(nlp: Any, text: str, times: dict[str, str] | None = None) -> Analysis:
    doc = nlp(text)
    analysis = Analysis(document=Document(id="t", text=text, language="en", published="2025-04-22"))
    analysis.parse = doc
    analysis.entities = build_entities(doc)
    places: list[Place] = []
    for name, (country, feature) in PLACES.items():
        mentions = []
        start = text.find(name)
        while start >= 0:
            mentions.append(Mention(start, start + len(name), name))
            start = text.find(name, start + 1)
        if mentions:
            places.append(
                Place(
                    id=f"p{len(places) + 1}",
                    name=name,
                    lat=0.0,
                    lon=0.0,
                    feature=feature,
                    confidence=1.0,
                    mentions=tuple(mentions),
                    country=country,
                )
            )
    analysis.places = tuple(places)
    analysis.times = tuple(
        TimeExpr(
            id=f"t{i}",
            text=s,
            start=text.find(s),
            end=text.find(s) + len(s),
            # TIMEX3 durations ("P5D") are DURATION expressions; the rest are dates.
            type="DURATION" if v.startswith("P") else "DATE",
            value=v,
        )
        for i, (s, v) in enumerate((times or {}).items(), start=1)
    )
    ActorsStage().run(analysis)
    return analysis
