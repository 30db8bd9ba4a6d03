"""The language stage: identifies the language where ingest left "und", keeps a given one."""

from __future__ import annotations

from newsledger.model import Document, document_id
from newsledger.pipeline.runner import Pipeline, check_order, run_article
from newsledger.pipeline.stage import Analysis, Stage
from newsledger.stages.language import LanguageStage, identify_language

ENGLISH = (
    "Rebel artillery shelled the port on Monday night, damaging two cranes and a warehouse, "
    "the regional governor said on Tuesday."
)
FRENCH = (
    "L'artillerie rebelle a bombardé le port lundi soir, endommageant deux grues et un "
    "entrepôt, a déclaré mardi le gouverneur de la région."
)


def _document(text: str, language: str = "und") -> Document:
    return Document(id=document_id(text), text=text, language=language)


def _run(document: Document) -> Document:
    analysis = Analysis(document=document)
    LanguageStage().run(analysis)
    return analysis.document


def test_is_a_stage_that_fits_first_in_a_pipeline() -> None:
    stage = LanguageStage()
    assert isinstance(stage, Stage)
    assert (stage.name, stage.version) == ("language", "1")
    assert stage.requires == stage.produces == frozenset({"document"})
    assert stage.languages is None
    check_order([stage])


def test_english_and_french() -> None:
    english = _run(_document(ENGLISH))
    assert english.language == "en"
    assert english.warnings == ()
    french = _run(_document(FRENCH))
    assert french.language == "fr"
    assert french.warnings == ()
    assert french.text == FRENCH  # only the language changes


def test_given_language_is_kept() -> None:
    assert _run(_document(FRENCH, language="en")).language == "en"
    assert _run(_document(ENGLISH, language="")).language == "en"


def test_short_and_letterless_texts() -> None:
    short = _run(_document("Port shelled"))
    assert short.language != "und"  # still identified, with a warning when unsure
    assert all("low confidence" in w for w in short.warnings)
    nothing = _run(_document("12:45 — 3/4"))
    assert nothing.language == "und"
    assert nothing.warnings == ("language could not be identified",)
    assert identify_language("") == ("und", 0.0)


def test_runs_in_a_pipeline_and_is_recorded() -> None:
    record = Pipeline([LanguageStage()]).run(_document(FRENCH))
    assert record.document.language == "fr"
    assert [(run.name, run.version) for run in record.pipeline] == [("language", "1")]
    assert run_article([LanguageStage()], _document(ENGLISH)).document.language == "en"
