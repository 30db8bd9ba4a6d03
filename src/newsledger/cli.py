"""The ``newsledger`` command: a thin layer over importable functions.

Each command validates its options, calls the library, and turns the outcome into output and an
exit code (0 success; 1 some articles failed, each reported, the others processed; 2 bad usage,
a bad option value, or no readable input at all, with one line on stderr and no traceback).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from newsledger import __version__
from newsledger.errors import InputError, NewsledgerError, OptionError
from newsledger.model import Record, json_schema
from newsledger.pipeline.runner import ArticleFailure

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2

_EXTRACT_EXAMPLES = """\
examples:
  newsledger extract examples/kharkiv-strike.txt
  newsledger extract article.html --format json > record.json
  newsledger extract corpus/ --format json > records.jsonl
  cat article.txt | newsledger extract - --published 2025-04-22
  newsledger extract story.txt --actors my.actors.txt   # PETRARCH actors-file format
  newsledger extract story.txt --actors my.actors.txt --verbs my.verbs.txt   # and verbs file
  newsledger extract story.txt --no-embeddings   # no torch: faster start, fewer contradictions
"""


class _Parser(argparse.ArgumentParser):
    """argparse with our one-line error format (argparse already exits 2)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="newsledger",
        description="Turn news articles into records of who did what to whom, where and when, "
        "and who says so.",
        epilog="example:\n  newsledger extract examples/kharkiv-strike.txt",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"newsledger {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = commands.add_parser(
        "extract",
        help="extract a record from each article",
        description="Read articles (.txt, .html, .jsonl files, folders of them, or - for stdin) "
        "and print one record per article.",
        epilog=_EXTRACT_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    extract.add_argument("paths", nargs="+", metavar="PATH", help="file, folder, or - for stdin")
    extract.add_argument(
        "--format",
        choices=["json", "table"],
        help="json (JSON Lines) or a readable table; default: table on a terminal, else json",
    )
    extract.add_argument(
        "--input-format", choices=["text", "html", "jsonl"], help="how to read stdin or files"
    )
    extract.add_argument(
        "--published", metavar="DATE", help="publication date (anchor of relative dates)"
    )
    for name in ("title", "author", "outlet", "url"):
        extract.add_argument(f"--{name}", help=f"override the article's {name}")
    extract.add_argument(
        "--max-bytes",
        type=int,
        metavar="N",
        help="refuse articles above N bytes (default: NEWSLEDGER_MAX_BYTES or 5 MiB)",
    )
    extract.add_argument("--model", help="spaCy model name (default: NEWSLEDGER_SPACY_MODEL)")
    extract.add_argument(
        "--no-embeddings",
        dest="embeddings",
        action="store_false",
        help="match contradictions by shared concepts only: starts seconds faster and uses "
        "hundreds of MB less (no torch), finds fewer contradictions",
    )
    extract.add_argument(
        "--actors",
        type=Path,
        metavar="FILE",
        help="an actor dictionary of your own in the PETRARCH actors-file format "
        "(NAME [CODE] lines, e.g. ARNOR [ARN]); consulted before the built-in one",
    )
    extract.add_argument(
        "--verbs",
        type=Path,
        metavar="FILE",
        help="a verb dictionary of your own in the PETRARCH verbs-file format "
        "(--- VERB [code] --- blocks with patterns such as '- * TIES [064]'); it decides "
        "every verb it lists (its CAMEO code, or no event); the built-in lexicon codes the rest",
    )

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of the record",
        description="Print the JSON Schema (draft 2020-12) that every record validates against.",
        epilog="example:\n  newsledger schema > record.schema.json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    schema.set_defaults(command="schema")

    gazetteer = commands.add_parser(
        "gazetteer",
        help="build the offline gazetteer index",
        description="Build the compact gazetteer index from the installed GeoNames data "
        "(done by `make setup`; otherwise on first use).",
        epilog="example:\n  newsledger gazetteer build",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    gazetteer.add_argument("action", choices=["build"])
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "extract":
            return extract_command(args, sys.stdout)
        if args.command == "schema":
            print(json.dumps(json_schema(), indent=2))
            return EXIT_OK
        if args.command == "gazetteer":
            from newsledger.resources.gazetteer import build_index

            path = build_index()
            print(f"gazetteer index: {path}")
            return EXIT_OK
    except (InputError, OptionError) as exc:
        print(f"newsledger: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except NewsledgerError as exc:
        print(f"newsledger: {exc}", file=sys.stderr)
        return EXIT_SOME_FAILED
    except BrokenPipeError:
        # `newsledger extract ... | head` closing the pipe early is not an error of ours.
        sys.stderr.close()
        return EXIT_OK
    return EXIT_USAGE


def extract_command(args: argparse.Namespace, out: TextIO) -> int:
    from newsledger.ingest.batch import Overrides, read_articles, resolve_max_bytes
    from newsledger.ingest.dates import parse_published
    from newsledger.pipeline.default import default_pipeline
    from newsledger.resources.actors import using_actor_dictionary
    from newsledger.resources.event_triggers import using_verb_dictionary
    from newsledger.resources.petrarch_actors import read_actor_dictionary
    from newsledger.resources.petrarch_verbs import read_verb_dictionary

    # Read the dictionaries before any article, so a bad file stops the run at once.
    actors = read_actor_dictionary(args.actors) if args.actors is not None else None
    verbs = read_verb_dictionary(args.verbs) if args.verbs is not None else None
    published = None
    if args.published is not None:
        published = parse_published(args.published)
        if published is None or len(published) != len("YYYY-MM-DD"):
            raise OptionError(
                f"cannot read {args.published!r} as a date (use YYYY-MM-DD)", option="--published"
            )
    max_bytes = resolve_max_bytes(args.max_bytes)
    output = args.format or ("table" if out.isatty() else "json")
    overrides = Overrides(
        title=args.title,
        author=args.author,
        published=published,
        outlet=args.outlet,
        url=args.url,
    )
    items = read_articles(
        args.paths,
        input_format=args.input_format,
        overrides=overrides,
        max_bytes=max_bytes,
        stdin=sys.stdin.buffer,
    )
    pipeline = default_pipeline(args.model, embeddings=args.embeddings)
    records = 0
    failures: list[ArticleFailure] = []
    with using_actor_dictionary(actors), using_verb_dictionary(verbs):
        for result in pipeline.run_batch(items):
            if isinstance(result, Record):
                records += 1
                _print_record(result, output, out)
            else:
                failures.append(result)
                _print_failure(result, output, out)
    if records == 0 and failures and all(f.line is None for f in failures):
        return EXIT_USAGE  # nothing readable at all: each problem was named on stderr
    return EXIT_SOME_FAILED if failures else EXIT_OK


def _print_record(record: Record, output: str, out: TextIO) -> None:
    if output == "json":
        out.write(record.to_json() + "\n")
        out.flush()
    else:
        from newsledger.summary import print_summary

        print_summary(record, out)


def _print_failure(failure: ArticleFailure, output: str, out: TextIO) -> None:
    where = failure.source if failure.line is None else f"{failure.source}:{failure.line}"
    print(f"newsledger: {where}: {failure.error}", file=sys.stderr)
    if output == "json" and failure.line is not None:
        # JSONL input: an error object takes the failed line's place, so output stays aligned.
        out.write(json.dumps({"error": failure.error, "line": failure.line}) + "\n")


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
