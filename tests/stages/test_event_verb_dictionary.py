"""A caller's verb dictionary in the events stage: the verbs it knows are coded its way (its code,
or no event), through the real default pipeline; without one nothing changes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from newsledger.model import Document, Event, document_id
from newsledger.pipeline.default import default_pipeline
from newsledger.resources.event_triggers import using_verb_dictionary
from newsledger.resources.petrarch_verbs import VerbDictionary, parse_verb_dictionary

pytestmark = pytest.mark.slow

# A made-up dictionary: codes chosen to differ from what our own lexicon would say, so that the
# tests can tell which of the two coded a verb.
VERBS = """\
&TIEKINDS_
+TRADE
+CULTURAL
--- REASSURE [031] ---
REASSURE
- NOT * [---]
--- SEVER [---] ---
SEVER
- * DIPLOMATIC_TIES [161]
--- CONVENE [036] ---
MEET {MET MEETS MEETING}
--- RESUME [---] ---
RESUME
- * &TIEKINDS TIES [064]
--- SNUB [345] ---
SNUB
--- REMARK [010] ---
REMARK
--- SAY [---] ---
SAY {SAID SAYS SAYING}
--- CORDON [172] ---
+CORDON_OFF {+CORDONED_OFF +CORDONS_OFF +CORDONING_OFF}
--- HOST [043:042] ---
HOST
--- RECEIVE [---] ---
RECEIVE
- + * WEAPONS FROM $ [071]
"""


@pytest.fixture(scope="module")
def verbs() -> VerbDictionary:
    return parse_verb_dictionary(VERBS, source="test.verbs.txt")


@pytest.fixture()
def with_verbs(verbs: VerbDictionary) -> Iterator[None]:
    with using_verb_dictionary(verbs):
        yield


def _events(text: str) -> tuple[Event, ...]:
    document = Document(id=document_id(text), text=text, language="en", published="2024-05-06")
    return default_pipeline().run(document).events


def _coded(text: str) -> list[tuple[str, str | None]]:
    return [(event.type, event.cameo) for event in _events(text)]


@pytest.mark.usefixtures("with_verbs")
def test_a_verb_is_coded_by_the_dictionary() -> None:
    # Our lexicon does not know "reassure"; the dictionary codes it 031, intent to cooperate.
    (event,) = _events("Poland reassured Lithuania on Monday.")
    assert (event.type, event.cameo) == ("AGREE", "03")
    assert event.actor.country == "POL"
    assert event.target is not None and event.target.country == "LTU"


@pytest.mark.usefixtures("with_verbs")
def test_the_dictionary_replaces_our_coding_of_its_verbs() -> None:
    # Our lexicon has "meet" as CONSULT (04); this dictionary says 036, intent to meet (03).
    assert _coded("The Polish president met the Lithuanian president in Vilnius.") == [
        ("AGREE", "03")
    ]


@pytest.mark.usefixtures("with_verbs")
def test_patterns_and_synsets_give_their_codes() -> None:
    assert _coded("Poland severed diplomatic ties with Belarus.") == [("SANCTION", "16")]
    assert _coded("Poland resumed cultural ties with Belarus.") == [("COOPERATE", "06")]
    assert _coded("Polish police cordoned off the border crossing.") == [("COERCE", "17")]


@pytest.mark.usefixtures("with_verbs")
def test_a_known_verb_the_dictionary_does_not_code_makes_no_event() -> None:
    # "sever ... relations" is a SANCTION for our lexicon; for this dictionary only "sever
    # diplomatic ties" codes anything.
    assert _coded("Poland severed diplomatic relations with Belarus.") == []
    assert _coded("Poland did not reassure Lithuania.") == []  # a pattern with the null code
    assert _coded("Poland snubbed Lithuania.") == []  # 345 is no CAMEO code
    assert _coded("Poland remarked on Lithuania.") == []  # 010, a statement: no PLOVER type


@pytest.mark.usefixtures("with_verbs")
def test_a_speech_verb_the_dictionary_knows_performs_nothing_else() -> None:
    # Without the dictionary, "said Belarus must release" is a demand (REQUEST); this dictionary
    # codes "said" as nothing, so only the release is told, as something that may not happen.
    events = _events("Poland said Belarus must release the detained journalists.")
    assert [(e.type, e.aux) for e in events] == [("RETREAT", "hypothetical")]


@pytest.mark.usefixtures("with_verbs")
def test_a_symmetric_code_adds_the_targets_act_toward_the_actor() -> None:
    # [043:042]: the host hosts (043), the guest visits (042), both CONSULT.
    events = _events("Poland hosted Lithuania's president on Monday.")
    assert [(e.type, e.cameo, e.actor.country, e.target and e.target.country) for e in events] == [
        ("CONSULT", "04", "POL", "LTU"),
        ("CONSULT", "04", "LTU", "POL"),
    ]
    # Without a target there is no reverse act to list.
    assert _coded("Poland hosted a summit on Monday.") == [("CONSULT", "04")]


@pytest.mark.usefixtures("with_verbs")
def test_the_patterns_markers_say_who_did_it_to_whom() -> None:
    # "+ * WEAPONS FROM $": the subject is the target, the one after "from" the source.
    (event,) = _events("Poland received weapons from Germany on Monday.")
    assert (event.type, event.cameo) == ("AID", "07")
    assert event.actor.country == "DEU"
    assert event.target is not None and event.target.country == "POL"


@pytest.mark.usefixtures("with_verbs")
def test_nouns_keep_our_rules() -> None:
    assert ("ASSAULT", "19") in _coded("Russian forces launched an attack on Kharkiv on Monday.")


def test_without_a_dictionary_nothing_changes() -> None:
    texts = (
        "Poland severed diplomatic relations with Belarus.",
        "The Polish president met the Lithuanian president in Vilnius.",
        "Poland said Belarus must release the detained journalists.",
    )
    plain = [_coded(text) for text in texts]
    with using_verb_dictionary(None):
        assert [_coded(text) for text in texts] == plain
    assert plain == [[("SANCTION", "16")], [("CONSULT", "04")], [("REQUEST", "10")]]
    assert _coded("Poland reassured Lithuania on Monday.") == []
