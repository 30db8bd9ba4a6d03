"""The default pipeline: the built-in stages in the order their requirements allow.

Built-in stages are listed here exactly as a plugin's would be: a list of Stage objects that
``Pipeline`` checks for order when it is built.
"""

from __future__ import annotations

from functools import lru_cache

from newsledger.pipeline.runner import Pipeline
from newsledger.pipeline.stage import Stage


def default_stages(model: str | None = None, *, embeddings: bool = True) -> list[Stage]:
    """language → entities → times → places → actors → claims → events → contradictions.

    Without ``embeddings`` contradictions are matched by shared concepts alone and torch is
    never loaded (for one article at a time, where loading it is most of the cost).
    """
    from newsledger.stages.actors import ActorsStage
    from newsledger.stages.claims import ClaimsStage
    from newsledger.stages.contradictions import (
        ConceptOnlyContradictionsStage,
        ContradictionsStage,
    )
    from newsledger.stages.entities import EntitiesStage
    from newsledger.stages.events import EventsStage
    from newsledger.stages.language import LanguageStage
    from newsledger.stages.places import PlacesStage
    from newsledger.stages.times import TimesStage

    return [
        LanguageStage(),
        EntitiesStage(model),
        TimesStage(),
        PlacesStage(),
        ActorsStage(),
        ClaimsStage(),
        EventsStage(),
        ContradictionsStage() if embeddings else ConceptOnlyContradictionsStage(),
    ]


@lru_cache(maxsize=4)
def default_pipeline(model: str | None = None, *, embeddings: bool = True) -> Pipeline:
    """The default pipeline, built once per process (stages hold loaded models)."""
    return Pipeline(default_stages(model, embeddings=embeddings))
