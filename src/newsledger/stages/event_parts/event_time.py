"""When an event happened: the time expression governing its clause, else the publication date.

The clause climbs to governing clauses only through control, coordination and clauses that
happen at the same time ("when it was sideswiped", "said on Friday that he was pushing for",
"reiterated on Friday ..., adding"): a complement, relative or adverbial clause has a time of its
own. Times nested in clauses the event is not in are left out, except the time of the statement
a speech act is made in ("in a statement published Oct. 25, X accused Y"). Of two time
expressions side by side ("on Friday last week") the finer dates the event; two days joined into
one span ("Friday night and early Saturday") give their month, and so does a span of recent days
("over the last five days"). A speech act that "also" continues the statement before ("NATO said
last week ... They also accused"), or a report by the same named speaker right after it, has its
time. "Eight months after X launched an incursion"
dates X eight months before the time of the clause it hangs off; "days later" than a day named
just before dates to that day's month, and so does what a just-told event "followed" or "came
hours after". ISO weeks ("last week") date an
event to the month of their Thursday and weekends to that of their Saturday, since the record
has no week dates.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from itertools import pairwise
from typing import Any

from newsledger.model import TimeExpr
from newsledger.pipeline.stage import Analysis
from newsledger.stages.dating import week_month
from newsledger.stages.event_parts.candidate import SPEECH_ACT_TYPES, Candidate
from newsledger.stages.event_parts.parties import SAYING_LEMMAS
from newsledger.stages.event_parts.syntax import children
from newsledger.stages.times import governing_time, record_date

# Relations through which an event's clause takes the date of the clause that governs it; a
# complement (ccomp), relative (relcl) or adverbial (advcl) clause has a time of its own.
_DATE_CLIMB_DEPS = frozenset({"xcomp", "pcomp", "prep", "conj", "acomp", "dobj", "pobj", "acl"})
_SIMULTANEITY_MARKS = frozenset({"when", "as", "while"})
_OWN_TIME_DEPS = frozenset({"relcl", "ccomp", "advcl", "acl"})
# Nouns of the statement, speech or document a speech act is made in: "in a statement
# published Oct. 25, X accused Y" is dated by the statement.
_STATEMENT_NOUNS = frozenset(
    {
        "statement",
        "speech",
        "address",
        "interview",
        "letter",
        "post",
        "message",
        "communique",
        "briefing",
        "conference",
        "declaration",
        "video",
    }
)
# Statements and decisions: named inside another event's clause, their times are their own.
_ANNOUNCEMENT_NOUNS = _STATEMENT_NOUNS | {"announcement", "decision", "remark", "comment"}
# Verbs that report speech; a progressive clause they govern happens as they are said.
_REPORTING_LEMMAS = SAYING_LEMMAS | {"stress", "write", "repeat"}
# "eight months after X", "18 years after X": a count of months or years before a clause.
_COUNTED_SPAN = re.compile(r"^P(\d+)([YM])$")
_RELATIVE_MARKS = {"after": -1, "before": 1}
# "Friday night and (in the early hours of) Saturday": two days joined into one span.
_SPAN_LINK = re.compile(r"^\W*(?:and|to|until|till|through|into)\b", re.IGNORECASE)
_SPAN_GAP = 40
# How far back (characters) "days later" looks for the day it counts from.
_LATER_REACH = 1200
# "over the last five days", "in the past two weeks": a span ending at publication.
_RECENT_DAYS = re.compile(r"^P(\d+)([DW])$")
_RECENT_PREPS = frozenset({"over", "in", "during", "for", "within"})


def event_date(
    analysis: Analysis, candidate: Candidate, clause: Any
) -> tuple[str | None, str | None]:
    """The date of the time expression governing the event's clause, climbing to governing
    clauses only through control and coordination; else the publication date."""
    counted = _counted_span_date(analysis, clause)
    if counted is not None:
        return counted, "text"
    speech = candidate.type in SPEECH_ACT_TYPES
    found = _clause_date(analysis, clause, candidate.anchor.idx, speech=speech)
    if found is None and (speech or clause.lemma_.lower() in _REPORTING_LEMMAS):
        found = _continued_statement(analysis, clause)
    if found is None:
        found = _days_later_date(analysis, clause) or _followed_date(analysis, candidate, clause)
    if found is not None:
        return found, "text"
    published = analysis.document.published
    return (published, "published") if published else (None, None)


def _clause_date(
    analysis: Analysis, clause: Any, anchor_pos: int, *, speech: bool = False
) -> str | None:
    """The record date of the time governing ``clause`` (climbing as the module says), or None."""
    text = analysis.document.text
    token = clause
    for _ in range(6):
        start = token.left_edge.idx
        end = token.right_edge.idx + len(token.right_edge.text)
        times = _own_times(analysis, token, anchor_pos, speech=speech)
        found = governing_time(times, start, end, anchor_pos, text=text)
        if found is not None:
            found_date = record_date(found.value)
            if found_date is not None:
                return _across_days(found, found_date, times, text)
        recent = _recent_span(times, start, end, text, analysis.document.published)
        if recent is not None:
            return recent
        report = _report_of_adjunct(token) if speech else None
        if report is not None:
            # "reiterated on Friday that ..., adding Moscow must accept": a participle of
            # saying adds to the report it goes with, at its time.
            token = report
            continue
        if token.head.i == token.i or not (
            token.dep_ in _DATE_CLIMB_DEPS
            or _simultaneous_clause(token)
            or _reported_progressive(token)
        ):
            break
        token = token.head
    return None


def _continued_statement(analysis: Analysis, clause: Any) -> str | None:
    """ "NATO said last week that ... They also accused Russia of ...": a speech act whose
    pronoun subject "also" does something goes on with the statement of the sentence before,
    and has its time."""
    subjects = children(clause, "nsubj", "nsubjpass")
    also = any(c.dep_ == "advmod" and c.lower_ == "also" for c in clause.children)
    sentence = clause.sent
    if not subjects or sentence.start == 0:
        return None
    previous = clause.doc[sentence.start - 1].sent.root
    if previous.lemma_.lower() not in _REPORTING_LEMMAS:
        return None
    pronoun_goes_on = also and subjects[0].pos_ == "PRON"
    if not (pronoun_goes_on or _same_speaker(clause, subjects[0], previous)):
        return None
    return _clause_date(analysis, previous, previous.idx)


def _same_speaker(clause: Any, subject: Any, previous: Any) -> bool:
    """ "On Friday, Foreign Minister Andrii Sybiha reiterated that ... / "...," Sybiha said
    during a press conference": the next sentence's report by the same named speaker goes on
    with the same statement."""
    if clause.lemma_.lower() not in _REPORTING_LEMMAS or subject.pos_ != "PROPN":
        return False
    earlier = children(previous, "nsubj")
    return bool(earlier) and earlier[0].pos_ == "PROPN" and earlier[0].text == subject.text


def _days_later_date(analysis: Analysis, clause: Any) -> str | None:
    """ "On 19 May, Trump and Putin had a call. ... Just days later, Trump called him crazy": a
    clause told "days later" (or "weeks later") than a day named just before happened in that
    day's month, as a count of days from a date is taken to the month."""
    verbs = {clause.i}
    token = clause
    for _ in range(3):
        # "called him crazy and threatened sanctions": coordinated with the clause told later.
        if token.dep_ not in {"conj", "oprd", "acomp", "xcomp"} or token.head.i == token.i:
            break
        token = token.head
        verbs.add(token.i)
    later = [
        t
        for t in clause.sent
        if t.lower_ == "later"
        and t.head.i in verbs
        and any(c.lemma_.lower() in {"day", "week"} for c in t.children)
    ]
    if not later:
        return None
    return _month_of_day_before(analysis, clause.sent.start_char)


def _followed_date(analysis: Analysis, candidate: Candidate, clause: Any) -> str | None:
    """ "Trump called Putin crazy [19 May + days]. His comments followed Moscow's largest
    attacks", "Their release [Tuesday] came hours after the government freed three prisoners":
    an event told as what a just-told event ("his comments", "their release") followed happened
    shortly before it, in the month of the day named just before."""
    anchor = candidate.anchor
    if anchor.dep_ == "dobj" and anchor.head.lemma_.lower() == "follow":
        governing = anchor.head
    elif (
        clause.dep_ == "advcl"
        and clause.head.lemma_.lower() == "come"
        and any(c.dep_ == "mark" and c.lower_ == "after" for c in clause.children)
    ):
        governing = clause.head
    else:
        return None
    subjects = children(governing, "nsubj")
    if not subjects or subjects[0].pos_ != "NOUN":
        return None
    if not any(c.dep_ in {"poss", "det"} for c in subjects[0].children):
        return None  # "his comments", "the release": a reference back to what was told
    return _month_of_day_before(analysis, governing.sent.start_char)


def _month_of_day_before(analysis: Analysis, start: int) -> str | None:
    """The month of the nearest day named shortly before ``start``."""
    earlier = [
        t
        for t in analysis.times
        if start - _LATER_REACH <= t.start < start and t.type in ("DATE", "TIME")
    ]
    for time in sorted(earlier, key=lambda t: t.start, reverse=True):
        day = record_date(time.value)
        if day is not None and len(day) == len("YYYY-MM-DD"):
            return day[:7]
    return None


def _report_of_adjunct(token: Any) -> Any | None:
    """The verb of saying a participle of saying ("adding", "saying") adds to: the nearest one
    above it, wherever the parser hangs the participle."""
    if not (
        token.dep_ == "advcl"
        and token.tag_ == "VBG"
        and token.lemma_.lower() in _REPORTING_LEMMAS
        and not any(c.dep_ == "mark" for c in token.children)
    ):
        return None
    return next((a for a in token.ancestors if a.lemma_.lower() in _REPORTING_LEMMAS), None)


def _across_days(found: TimeExpr, day: str, times: list[TimeExpr], text: str) -> str:
    """ "on Friday night and in the early hours of Saturday": a time running from one day into
    the next (joined by and / to / until / into) is given as the month both days lie in (the
    year, across months), since the record's dates have no spans."""
    if len(day) < 10:
        return day
    for other in times:
        other_date = record_date(other.value) if other.type in ("DATE", "TIME") else None
        if other is found or other_date is None or len(other_date) < 10 or other_date == day:
            continue
        left, right = (found, other) if found.end <= other.start else (other, found)
        between = text[left.end : right.start]
        if len(between) <= _SPAN_GAP and _SPAN_LINK.match(between):
            return day[:7] if day[:7] == other_date[:7] else day[:4]
    return day


def _recent_span(
    times: list[TimeExpr], start: int, end: int, text: str, published: str | None
) -> str | None:
    """ "have tried to block it over the last five days": a span of days or weeks up to
    publication is given as the month it lies in (the year, when it crosses into another
    month), as a span across days is."""
    if not published or len(published) < 10:
        return None
    for time in times:
        if time.type != "DURATION" or not start <= time.start < end:
            continue
        match = _RECENT_DAYS.match(time.value or "")
        before = text[max(0, time.start - 12) : time.start].lower().split()
        if match is None or not before or before[-1] not in _RECENT_PREPS:
            continue
        if not time.text.lower().startswith(("the last", "the past")):
            continue
        days = int(match.group(1)) * (7 if match.group(2) == "W" else 1)
        try:
            end_day = date.fromisoformat(published[:10])
            first = end_day - timedelta(days=days)
        except (ValueError, OverflowError):
            return None  # a publication date or span no calendar holds: no date from it
        if (first.year, first.month) == (end_day.year, end_day.month):
            return published[:7]
        return published[:4] if first.year == end_day.year else None
    return None


def _reported_progressive(token: Any) -> bool:
    """ "told the BBC on Friday that he was pushing for a ceasefire": a progressive clause
    reported by a verb of saying is going on as it is said, so it has the saying's time."""
    return bool(
        token.dep_ == "ccomp"
        and token.tag_ == "VBG"
        and any(c.dep_ == "aux" and c.lemma_ == "be" for c in token.children)
        and token.head.lemma_.lower() in _REPORTING_LEMMAS
    )


def _counted_span_date(analysis: Analysis, clause: Any) -> str | None:
    """ "(troops remain,) 18 years after Washington invaded": a clause introduced by after or
    before with a count of months or years is dated that far from the clause it hangs off (its
    own date, else publication), as precisely as the count: a month for months, a year for
    years. Shorter counts ("a day after") are left alone: the governing clause rarely states its
    day, so the result would claim a precision the text does not give."""
    if clause.dep_ != "advcl" or clause.head.i == clause.i:
        return None
    marks = [c.lower_ for c in clause.children if c.dep_ == "mark"]
    direction = next((_RELATIVE_MARKS[m] for m in marks if m in _RELATIVE_MARKS), None)
    if direction is None:
        return None
    spans = [c for c in clause.children if c.dep_ == "npadvmod" and c.i < clause.i]
    for span in spans:
        for time in analysis.times:
            if time.type != "DURATION" or not time.start <= span.idx < time.end:
                continue
            match = _COUNTED_SPAN.match(time.value or "")
            if match is None:
                continue
            head = clause.head
            base = _clause_date(analysis, head, head.idx) or analysis.document.published
            if base is None or len(base) < 7:
                return None
            count, unit = int(match.group(1)), match.group(2)
            year, month = int(base[:4]), int(base[5:7])
            months = year * 12 + (month - 1) + direction * count * (12 if unit == "Y" else 1)
            if not 1 <= months // 12 <= 9999:
                return None  # no calendar year: the count is not a real span
            if unit == "Y":
                return f"{months // 12:04d}"
            return f"{months // 12:04d}-{months % 12 + 1:02d}"
    return None


def _simultaneous_clause(token: Any) -> bool:
    """ "had sustained damage on Friday when it was sideswiped": a when/as/while clause
    happens at the time of the clause it hangs off."""
    return bool(
        token.dep_ == "advcl"
        and any(
            c.dep_ in {"mark", "advmod"} and c.lower_ in _SIMULTANEITY_MARKS for c in token.children
        )
    )


def _week_as_month(time: TimeExpr) -> TimeExpr:
    """An ISO week or weekend as its month (:func:`~newsledger.stages.dating.week_month`), since
    the record's dates have no weeks."""
    month = week_month(time.value)
    return time if month is None else replace(time, value=month)


def _own_times(
    analysis: Analysis, clause: Any, anchor_pos: int, *, speech: bool = False
) -> list[TimeExpr]:
    """The times of the clause, leaving out those of clauses nested in it that the event is not
    in: "operating in Belgorod oblast, ... a region that Kiev invaded in August 2024" does not
    date the operating, and a statement named in it ("under Trump's announcement last month")
    does not date what it announces. A speech act keeps the time of the statement it is made
    in."""
    nested: list[tuple[int, int]] = []
    for token in clause.subtree:
        if not speech and token.pos_ == "NOUN" and token.lemma_.lower() in _ANNOUNCEMENT_NOUNS:
            # "leave Syria under Trump's announcement last month": the time of a statement
            # named in the clause dates the statement, not what it announces.
            start = token.left_edge.idx
            end = token.right_edge.idx + len(token.right_edge.text)
            if not start <= anchor_pos < end:
                nested.append((start, end))
        if token.i != clause.i and token.dep_ in _OWN_TIME_DEPS:
            if speech and _statement_clause(token, clause):
                continue
            if token.dep_ == "acl" and token.tag_ == "VBG":
                # "abducted by gunmen wearing uniforms in August 2016": a present participle
                # describing a party ("who were wearing") holds at the time of the clause.
                continue
            start = token.left_edge.idx
            end = token.right_edge.idx + len(token.right_edge.text)
            if not start <= anchor_pos < end:
                nested.append((start, end))
    times = [
        _week_as_month(t) for t in analysis.times if not any(a <= t.start < b for a, b in nested)
    ]
    return _finest_of_adjacent(times, analysis.document.text)


def _statement_clause(token: Any, clause: Any) -> bool:
    """ "In a joint statement published Oct. 25, the ministries accused ...": a participial
    clause of a statement noun that the speech act's verb is said in."""
    noun = token.head
    if token.dep_ != "acl" or noun.lemma_.lower() not in _STATEMENT_NOUNS:
        return False
    prep = noun.head
    return bool(noun.dep_ == "pobj" and prep.lower_ in {"in", "during"} and prep.head.i == clause.i)


def _finest_of_adjacent(times: list[TimeExpr], text: str) -> list[TimeExpr]:
    """ "on Friday last week": two expressions side by side name one time; the finer (the day)
    dates the event, so the coarser one (the week's month) is left out."""
    dated = sorted(
        ((t, d) for t in times if t.type in ("DATE", "TIME") and (d := record_date(t.value))),
        key=lambda pair: pair[0].start,
    )
    coarser: set[str] = set()
    for (left, left_date), (right, right_date) in pairwise(dated):
        if right.start < left.end or text[left.end : right.start].strip(" ,"):
            continue
        if len(right_date) > len(left_date) and right_date.startswith(left_date):
            coarser.add(left.id)
        elif len(left_date) > len(right_date) and left_date.startswith(right_date):
            coarser.add(right.id)
    return [t for t in times if t.id not in coarser] if coarser else times


def in_past_narrative(analysis: Analysis, position: int) -> bool:
    """Whether the paragraph before ``position`` is set at least two years before publication
    ("As of 2016, Jordan had admitted 1.4 million refugees. Jordan closed its borders."): its
    latest date expression is that old, so an undated event told there is historical."""
    published = analysis.document.published
    if not published:
        return False
    text = analysis.document.text
    paragraph_start = text.rfind("\n\n", 0, position) + 1
    earlier = [
        t
        for t in analysis.times
        if t.type in ("DATE", "TIME")
        and paragraph_start <= t.start
        and t.end <= position
        and record_date(t.value) is not None
    ]
    if not earlier:
        return False
    latest = record_date(max(earlier, key=lambda t: t.end).value)
    return latest is not None and int(latest[:4]) <= int(published[:4]) - 2
