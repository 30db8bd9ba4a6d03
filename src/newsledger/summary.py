"""A readable summary of a record for the terminal: the ``table`` format of ``extract``.

Sections in the order an analyst reads an article: the document, people and organisations,
places, dates, claims, events, contradictions. Long texts are shortened; the JSON format has
everything.
"""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.table import Table

from newsledger.model import ActorRef, Record

_TEXT_WIDTH = 70


def print_summary(record: Record, out: TextIO) -> None:
    # Piped output has no terminal width to follow: use one wide enough for the tables.
    width = None if out.isatty() else 160
    console = Console(file=out, width=width, highlight=False)
    doc = record.document
    console.rule(f"[bold]{doc.title or '(untitled)'}")
    console.print(
        f"author: {doc.author or '-'}   published: {doc.published or '-'}   "
        f"outlet: {doc.outlet or '-'}   language: {doc.language}   id: {doc.id}"
    )
    for warning in doc.warnings:
        console.print(f"[yellow]warning:[/] {warning}")

    people = Table(title="People and organisations", title_justify="left", expand=False)
    for column in ("name", "type", "country", "sector", "mentions"):
        people.add_column(column)
    for entity in record.entities:
        if entity.type in {"PERSON", "ORG", "NORP"}:
            people.add_row(
                entity.name,
                entity.type,
                entity.country or "",
                entity.sector or "",
                str(len(entity.mentions)),
            )
    _print_if_rows(console, people)

    places = Table(title="Places", title_justify="left")
    for column in ("name", "country", "region", "feature", "lat, lon", "as written"):
        places.add_column(column)
    for place in record.places:
        written = sorted({m.text for m in place.mentions})
        places.add_row(
            place.name,
            place.country or "",
            place.admin1 or "",
            place.feature,
            f"{place.lat:.3f}, {place.lon:.3f}",
            ", ".join(written),
        )
    _print_if_rows(console, places)

    times = Table(title="Dates and times", title_justify="left")
    for column in ("as written", "type", "value", "mod"):
        times.add_column(column)
    for time in record.times:
        times.add_row(_short(time.text), time.type, time.value or "?", time.mod or "")
    _print_if_rows(console, times)

    claims = Table(title="Claims", title_justify="left")
    for column in ("id", "speaker", "stance", "cue", "date", "claim"):
        claims.add_column(column)
    for claim in record.claims:
        speaker = claim.speaker.name + (f" ({claim.speaker.role})" if claim.speaker.role else "")
        text = f"“{claim.text}”" if claim.kind == "direct" else claim.text
        claims.add_row(
            claim.id,
            speaker,
            claim.stance,
            claim.cue,
            _date(claim.date, claim.date_source),
            _short(text),
        )
    _print_if_rows(console, claims)

    place_names = {p.id: p.name for p in record.places}
    events = Table(title="Events", title_justify="left")
    for column in ("id", "type", "actor", "target", "place", "date", "dead", "aux", "sentence"):
        events.add_column(column)
    for event in record.events:
        dead = "" if event.fatalities is None else str(event.fatalities)
        if dead and event.casualties_approx:
            dead = "≥" + dead
        events.add_row(
            event.id,
            event.type + (f" ({event.mode})" if event.mode else ""),
            _actor(event.actor),
            _actor(event.target),
            place_names.get(event.place or "", ""),
            _date(event.date, event.date_source),
            dead,
            event.aux or "",
            _short(event.text, 40),
        )
    _print_if_rows(console, events)

    contradictions = Table(title="Contradictions", title_justify="left")
    for column in ("id", "about", "for", "against"):
        contradictions.add_column(column)
    for item in record.contradictions:
        contradictions.add_row(
            item.id, _short(item.about), ", ".join(item.claims_for), ", ".join(item.claims_against)
        )
    _print_if_rows(console, contradictions)


def _print_if_rows(console: Console, table: Table) -> None:
    if table.row_count:
        console.print(table)
    else:
        console.print(f"[dim]{table.title}: none[/]")


def _short(text: str, width: int = _TEXT_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _date(date: str | None, source: str | None) -> str:
    if date is None:
        return ""
    return date + ("*" if source == "published" else "")


def _actor(actor: ActorRef | None) -> str:
    if actor is None:
        return ""
    codes = "/".join(code for code in (actor.country, actor.sector) if code)
    if actor.members:
        # "Poland and Hungary [POL+HUN]": a coordinated party shows whose act it was.
        codes = "+".join(m.country for m in actor.members if m.country)
    return f"{actor.name} [{codes}]" if codes else actor.name
