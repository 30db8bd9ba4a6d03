"""Temporal expressions: finding them (patterns, with durations and sets in durations), anchoring
them (anchor, tense, feasts), and choosing the one that dates a verb (governing). The times stage
is a thin layer over :func:`extract_times`.
"""

from newsledger.timex.anchor import record_date
from newsledger.timex.governing import governing_time
from newsledger.timex.normalize import extract_times

__all__ = ["extract_times", "governing_time", "record_date"]
