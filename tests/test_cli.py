"""The command line: formats, options, stdin, exit codes and one-line errors."""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from newsledger import __version__
from newsledger.cli import main
from newsledger.model import json_schema

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "kharkiv-strike.txt"
CLI = [sys.executable, "-m", "newsledger.cli"]


def _run(
    args: list[str],
    capsys: pytest.CaptureFixture[str],
    stdin: bytes | None = None,
    monkeypatch: pytest.MonkeyPatch | None = None,
) -> tuple[int, str, str]:
    if stdin is not None:
        assert monkeypatch is not None
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _records(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_version_and_help_with_examples(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"newsledger {__version__}"
    for command in (
        ["--help"],
        ["extract", "--help"],
        ["schema", "--help"],
        ["gazetteer", "--help"],
    ):
        with pytest.raises(SystemExit):
            main(command)
        assert "example" in capsys.readouterr().out


def test_schema_command_prints_a_valid_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["schema"], capsys)
    assert code == 0
    schema = json.loads(out)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema == json_schema()


def test_extract_example_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(["extract", str(EXAMPLE), "--format", "json"], capsys)
    assert code == 0, err
    (record,) = _records(out)
    jsonschema.validate(record, json_schema())
    document = record["document"]
    assert isinstance(document, dict)
    assert document["title"].startswith("Drone strike on Kharkiv apartment block")
    assert document["author"] == "Mara Lindqvist"
    assert document["published"] == "2025-05-12"
    assert "Subscribe" not in document["text"]
    assert "truce within hours" in document["text"]
    places = {p["name"]: p for p in record["places"]}  # type: ignore[union-attr]
    assert places["Kharkiv"]["country"] == "UA"
    claims = {c["id"]: c for c in record["claims"]}  # type: ignore[union-attr]
    assert "Andrii Sybiha" in {c["speaker"]["name"] for c in claims.values()}
    (contradiction,) = record["contradictions"]  # type: ignore[misc]
    assert [claims[c]["speaker"]["name"] for c in contradiction["claims_against"]] == [
        "Russian Ministry of Defense"
    ]
    assert [claims[c]["speaker"]["name"] for c in contradiction["claims_for"]] == [
        "Ukrainian officials"
    ]


def test_overrides_win_over_detected_metadata(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(
        [
            "extract",
            str(EXAMPLE),
            "--format",
            "json",
            "--published",
            "13 May 2025",
            "--title",
            "T",
            "--outlet",
            "O",
            "--url",
            "https://example.org/a",
            "--author",
            "A",
        ],
        capsys,
    )
    assert code == 0
    document = _records(out)[0]["document"]
    assert document == document | {
        "published": "2025-05-13",
        "title": "T",
        "outlet": "O",
        "url": "https://example.org/a",
        "author": "A",
    }


def test_table_format_has_the_sections(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["extract", str(EXAMPLE), "--format", "table"], capsys)
    assert code == 0
    for section in ("People and organisations", "Places", "Dates and times", "Claims", "Events"):
        assert section in out
    assert "Kharkiv" in out


def test_table_shows_the_members_of_a_coordinated_party(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = b"Poland and Hungary accused Russia of sabotage on Monday.\n"
    args = ["extract", "-", "--format", "table", "--published", "2025-03-05"]
    code, out, _ = _run(args, capsys, stdin=text, monkeypatch=monkeypatch)
    assert code == 0
    assert "[POL+HUN]" in out


def test_stdin_text_and_html(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = b"Russian forces shelled Kharkiv on Tuesday, Ukrainian officials said.\n"
    code, out, _ = _run(
        ["extract", "-", "--format", "json", "--published", "2025-05-08"],
        capsys,
        stdin=text,
        monkeypatch=monkeypatch,
    )
    assert code == 0
    assert _records(out)[0]["document"]["text"].startswith("Russian forces shelled Kharkiv")
    html = (
        b"<html><head><title>Shelling</title></head><body><article><p>"
        + text
        + b"</p></article></body></html>"
    )
    code, out, _ = _run(
        ["extract", "-", "--format", "json"], capsys, stdin=html, monkeypatch=monkeypatch
    )
    assert code == 0
    assert "<p>" not in _records(out)[0]["document"]["text"]


def test_jsonl_bad_line_becomes_an_error_object_in_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "articles.jsonl"
    path.write_text(
        json.dumps({"id": "a", "text": "Kyiv said talks would resume.", "published": "2025-05-01"})
        + "\n{not json\n"
        + json.dumps({"id": "b", "text": "Moscow denied the report."})
        + "\n",
        encoding="utf-8",
    )
    code, out, err = _run(["extract", str(path), "--format", "json"], capsys)
    assert code == 1
    first, error, last = _records(out)
    assert first["document"]["source_id"] == "a"  # type: ignore[index]
    assert error["line"] == 2 and "error" in error
    assert last["document"]["source_id"] == "b"  # type: ignore[index]
    assert f"{path}:2" in err


def test_non_english_article_gets_a_record_and_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "fr.txt"
    path.write_text(
        "La Russie a lancé une attaque massive contre Kiev dans la nuit, selon les autorités "
        "ukrainiennes, qui ont fait état de plusieurs blessés.\n",
        encoding="utf-8",
    )
    code, out, _ = _run(["extract", str(path), "--format", "json"], capsys)
    assert code == 0
    record = _records(out)[0]
    assert record["document"]["language"] == "fr"  # type: ignore[index]
    assert "language 'fr' not supported for extraction yet" in record["document"]["warnings"]  # type: ignore[index]
    assert record["entities"] == record["claims"] == record["events"] == []


def test_invalid_utf8_is_replaced_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "broken.txt"
    path.write_bytes(b"Kyiv said the talks failed." + b"\xff\xfe Moscow denied it.\n")
    code, out, _ = _run(["extract", str(path), "--format", "json"], capsys)
    assert code == 0
    document = _records(out)[0]["document"]
    assert "\ufffd" in document["text"]  # type: ignore[index]
    assert any("UTF-8" in w for w in document["warnings"])  # type: ignore[index]


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("missing", "does not exist"),
        ("empty-folder", "no .txt, .html or .jsonl files"),
        ("empty-file", "empty"),
        ("binary", "binary"),
        ("too-large", "limit"),
        ("50-MB", "above the limit of 5242880 bytes"),
    ],
)
def test_unreadable_input_exits_2_with_one_line(
    setup: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "input.txt"
    extra: list[str] = []
    if setup == "empty-folder":
        path = tmp_path / "folder"
        path.mkdir()
    elif setup == "empty-file":
        path.write_text("")
    elif setup == "binary":
        path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    elif setup == "50-MB":
        # Sparse: 50 MB long without writing 50 MB; refused from its size before any read.
        with path.open("wb") as f:
            f.truncate(50 * 1024 * 1024)
    elif setup == "too-large":
        path.write_text("Kyiv said the talks failed. " * 100)
        extra = ["--max-bytes", "1000"]
    code, out, err = _run(["extract", str(path), "--format", "json", *extra], capsys)
    assert code == 2
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert str(path) in lines[0] and message in lines[0]


def test_bad_published_option_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(["extract", str(EXAMPLE), "--published", "next Blursday"], capsys)
    assert code == 2
    assert err.strip() == (
        "newsledger: --published: cannot read 'next Blursday' as a date (use YYYY-MM-DD)"
    )


def test_installed_command_reports_errors_without_traceback(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    result = subprocess.run(
        [*CLI, "extract", str(missing)], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert str(missing) in result.stderr
    result = subprocess.run(
        [*CLI, "extract", "--format", "bogus", str(EXAMPLE)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2


# A fictional actors file of our own in the PETRARCH format (issue 6: --actors FILE).
_ACTORS_FILE = "<!-- test actors -->\nVALDORIA_ [VAL]\nQUARNISH [QRNMIL]  # prefix phrase\n"
_FICTIONAL = b"Valdoria accused Quarnish troops of blocking the border crossing on Monday.\n"


def test_actors_file_codes_the_callers_actors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    actors = tmp_path / "fiction.actors.txt"
    actors.write_text(_ACTORS_FILE, encoding="utf-8")
    args = ["extract", "-", "--format", "json", "--published", "2025-03-05"]
    code, out, _ = _run([*args, "--actors", str(actors)], capsys, _FICTIONAL, monkeypatch)
    assert code == 0
    events = _records(out)[0]["events"]
    assert isinstance(events, list)
    accusations = [e for e in events if e["type"] == "ACCUSE"]
    assert len(accusations) == 1
    assert accusations[0]["actor"]["country"] == "VAL"
    assert accusations[0]["target"]["country"] == "QRN"
    assert accusations[0]["target"]["sector"] == "MIL"
    # Without the file the same actors have no country: the dictionary did the coding.
    code, out, _ = _run(args, capsys, _FICTIONAL, monkeypatch)
    assert code == 0
    events = _records(out)[0]["events"]
    assert isinstance(events, list)
    assert all(e["actor"]["country"] is None for e in events)


def test_bad_actors_file_exits_2_naming_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    actors = tmp_path / "broken.actors.txt"
    actors.write_text("VALDORIA_ [VAL]\nQUARNISH [QRN bad]\n", encoding="utf-8")
    code, out, err = _run(["extract", str(EXAMPLE), "--actors", str(actors)], capsys)
    assert code == 2
    assert out == ""
    assert f"{actors}:2:" in err
    assert len(err.strip().splitlines()) == 1
    code, _, err = _run(["extract", str(EXAMPLE), "--actors", str(tmp_path / "none.txt")], capsys)
    assert code == 2
    assert "none.txt" in err


# A fictional verbs file of our own in the PETRARCH format (--verbs FILE): "rebuked", which our
# lexicon does not know, coded as a threat (CAMEO 13), and "praised" left uncoded.
_VERBS_FILE = """\
<!-- test verbs -->
--- REBUKE [130] ---
REBUKE
--- PRAISE [---] ---
PRAISE
"""
_REBUKE = b"Valdoria rebuked Quarnish troops on Monday and praised Esker.\n"


def test_verbs_file_codes_the_callers_verbs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    actors = tmp_path / "fiction.actors.txt"
    actors.write_text(_ACTORS_FILE, encoding="utf-8")
    verbs = tmp_path / "fiction.verbs.txt"
    verbs.write_text(_VERBS_FILE, encoding="utf-8")
    args = [
        "extract",
        "-",
        "--format",
        "json",
        "--published",
        "2025-03-05",
        "--actors",
        str(actors),
    ]
    code, out, _ = _run([*args, "--verbs", str(verbs)], capsys, _REBUKE, monkeypatch)
    assert code == 0
    record = _records(out)[0]
    events = record["events"]
    assert isinstance(events, list)
    assert [(e["type"], e["cameo"], e["actor"]["country"]) for e in events] == [
        ("THREATEN", "13", "VAL")
    ]
    # The record names the dictionaries each stage coded with, by file and content digest.
    digests = {
        kind: "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        for kind, path in (("actors", actors), ("verbs", verbs))
    }
    runs = {run["name"]: run["dictionaries"] for run in record["pipeline"]}  # type: ignore[union-attr]
    assert runs["events"] == [
        f"actors {actors} {digests['actors']}",
        f"verbs {verbs} {digests['verbs']}",
    ]
    assert runs["actors"] == [f"actors {actors} {digests['actors']}"]
    assert runs["claims"] == []
    # Without the verbs file our lexicon codes the praise (it does not know "rebuke").
    code, out, _ = _run(args, capsys, _REBUKE, monkeypatch)
    assert code == 0
    events = _records(out)[0]["events"]
    assert isinstance(events, list)
    assert [(e["type"], e["trigger"]["text"]) for e in events] == [("SUPPORT", "praised")]


def test_bad_verbs_file_exits_2_naming_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    verbs = tmp_path / "broken.verbs.txt"
    verbs.write_text("--- REBUKE [130] ---\nREBUKE\n- * TIES [13\n", encoding="utf-8")
    code, out, err = _run(["extract", str(EXAMPLE), "--verbs", str(verbs)], capsys)
    assert code == 2
    assert out == ""
    assert f"{verbs}:3" in err
    assert len(err.strip().splitlines()) == 1
    code, _, err = _run(["extract", str(EXAMPLE), "--verbs", str(tmp_path / "none.txt")], capsys)
    assert code == 2
    assert "none.txt" in err


def test_no_embeddings_never_loads_the_embedding_model() -> None:
    # A separate process: the embedding model may already be loaded in this one.
    script = (
        "import sys, json, contextlib, io\n"
        "from newsledger.cli import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        f"    code = main(['extract', {str(EXAMPLE)!r}, '--format', 'json', '--no-embeddings'])\n"
        "record = json.loads(out.getvalue())\n"
        "print(json.dumps({'code': code, 'loaded': 'sentence_transformers' in sys.modules,\n"
        "  'pipeline': record['pipeline'], 'contradictions': len(record['contradictions'])}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300, check=True
    )
    report = json.loads(result.stdout.splitlines()[-1])
    assert report["code"] == 0
    assert report["loaded"] is False
    runs = {run["name"]: run["version"] for run in report["pipeline"]}
    assert runs["contradictions"] == "3-concepts"
    # The example's one denial names what it denies closely enough for concepts alone.
    assert report["contradictions"] == 1
