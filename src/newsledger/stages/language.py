"""The language stage: identify the article's language when the input did not give it.

Ingest sets ``Document.language`` to the language the input declared (a JSONL field, a header
line, the page's ``<html lang>``) or to the placeholder ``"und"``. This stage replaces ``"und"``
with the language py3langid identifies (a naive Bayes model shipped inside the wheel: nothing is
downloaded; loaded on first use and kept). A declared language is never second-guessed. The
runner then skips English-only stages for other languages and says so in a warning.

Short texts are still identified, since a guess from a headline-length text is usually right,
but a low-confidence result carries a warning so it is not taken for a fact; a text with no
letters at all keeps ``"und"``.
"""

from __future__ import annotations

import functools
from dataclasses import replace
from typing import Any, ClassVar

from newsledger.pipeline.stage import Analysis

__all__ = ["LanguageStage", "identify_language"]

UNDETERMINED = "und"
# Below this probability the identified language is reported with a warning.
LOW_CONFIDENCE = 0.5
# Language identification needs a few paragraphs, not a whole long article.
_SAMPLE_CHARS = 20_000
# py3langid labels that are not ISO 639-1 but belong to a macrolanguage that has a code.
_TO_ISO_639_1 = {"arz": "ar", "ary": "ar", "yue": "zh", "wuu": "zh", "uzs": "uz", "gug": "gn"}


@functools.lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify_language(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, probability) of ``text``; ("und", 0.0) when it has no letters."""
    sample = text[:_SAMPLE_CHARS]
    if not any(char.isalpha() for char in sample):
        return UNDETERMINED, 0.0
    label, probability = _identifier().classify(sample)
    code = _TO_ISO_639_1.get(str(label), str(label))
    if code == "zxx":  # the model's "no linguistic content"
        return UNDETERMINED, float(probability)
    return code, float(probability)


class LanguageStage:
    """Fill in ``document.language`` where ingest left the placeholder "und"."""

    name: ClassVar[str] = "language"
    version: ClassVar[str] = "1"
    requires: ClassVar[frozenset[str]] = frozenset({"document"})
    produces: ClassVar[frozenset[str]] = frozenset({"document"})
    languages: ClassVar[frozenset[str] | None] = None

    def run(self, analysis: Analysis) -> None:
        document = analysis.document
        if document.language and document.language != UNDETERMINED:
            return
        code, probability = identify_language(document.text)
        analysis.document = replace(document, language=code)
        if code == UNDETERMINED:
            analysis.warn("language could not be identified")
        elif probability < LOW_CONFIDENCE:
            analysis.warn(f"language {code!r} identified with low confidence ({probability:.2f})")
