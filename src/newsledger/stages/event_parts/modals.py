"""The modal auxiliaries the event rules read, in the groups they read them by.

What a modal does to an event depends on the rule: ``modality`` marks an act under a possibility,
obligation or conditional modal as hypothetical and one under a future modal as future;
``speech_acts`` reads an obligation as a demand and a future as an intent; ``occurrence`` leaves
out acts that a manner question or a purpose clause only envisages. Each builds its set from
these groups, so that the words are listed once. spaCy splits "won't" into "wo" and "n't".
"""

from __future__ import annotations

POSSIBILITY_MODALS = frozenset({"could", "might", "may", "can"})
OBLIGATION_MODALS = frozenset({"must", "should"})
FUTURE_MODALS = frozenset({"will", "shall", "'ll", "wo"})
# "would": the conditional, and in reported speech the future of the past ("said it would").
CONDITIONAL_MODALS = frozenset({"would"})
