"""Body-text cleaning shared by the plain-text and HTML readers.

An article body arrives with page-layout damage: Windows line endings, trailing spaces, runs of
blank lines, paragraphs and lines broken mid-sentence where a page, column or line ended
("two\n\nweeks later", "the truce\nwithin hours"), words hyphenated across lines
("interna-\ntional"), and site furniture such as "Subscribe to our newsletter" or a contact
footer. :func:`clean_body` repairs the layout and removes that furniture. Removal works on
whole lines and is conservative: a line goes only when it matches a known footer or banner
form and is short, so an article sentence is never dropped; a bare URL line goes only at the
very end of the text. Paragraphs are separated by exactly one blank line ("\n\n"); a single
line break inside a paragraph is kept unless a sentence runs on across it.
"""

from __future__ import annotations

import re

__all__ = [
    "clean_body",
    "is_boilerplate_line",
    "join_broken_paragraphs",
    "normalize_layout",
    "split_paragraphs",
    "unwrap_lines",
]

# C0/C1 control characters other than tab and newline, plus stray byte-order marks.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff]")
_BLANK_LINES = re.compile(r"\n(?:[ \t\u00a0]*\n)+")

# Footer and banner lines. Each is matched against a whole line (case-insensitive) no longer than
# _MAX_BOILERPLATE_CHARS, which keeps long article sentences out of reach.
_MAX_BOILERPLATE_CHARS = 250
_BOILERPLATE_FORMS = [
    r"to contact\b.{0,120}\b(?:visit|e-?mail|write to|call)\b.{0,100}",
    r"(?:subscribe|sign up|sign-up)\b.{0,100}\b(?:newsletters?|e-?mails?|inbox|alerts?|updates|"
    r"briefings?|digest|podcasts?|channel|for free|here|now|today)\b.{0,100}",
    r"read (?:more|also|next)\s*(?::|»|›|>|\.\.\.|…).{0,200}",
    r"read more\.?",
    r"related(?: articles?| stories| coverage| content| reading)?\s*:.{0,200}",
    r"share (?:this|on)\b.{0,80}",
    r"follow (?:us|@\w+)\b.{0,120}",
    r"follow .{1,60} on (?:twitter|x|facebook|instagram|telegram|threads|bluesky|linkedin|"
    r"youtube|tiktok)\.?",
    r"click here\b.{0,200}",
    r"(?:©|\(c\)|copyright\s*(?:©|\(c\)|\d{4})).{0,200}",
    r".{0,150}\ball rights reserved\.?",
    r"(?:we use cookies|this (?:web)?site uses cookies|by (?:using|continuing)\b.{0,80}\bcookies|"
    r"(?:accept|reject|manage) (?:all )?cookies|"
    r"cookie (?:policy|settings|preferences|notice)).{0,200}",
    r"(?:advertisement|advert|sponsored content|story continues below(?: this)? advertisement|"
    r"continue reading(?: below)?)\.?",
    r"(?:download|get) (?:our|the) .{0,40}\bapp\b.{0,100}",
    # Rules drawn with punctuation ("___" under AP stories, "* * *"): layout, not text.
    r"[-_*=~•·#\s]{3,}",
]
_BOILERPLATE = re.compile(
    "|".join(f"(?:{form})" for form in _BOILERPLATE_FORMS), re.IGNORECASE | re.DOTALL
)
# A line that is nothing but a web or mail address ("wsws.org/contact"): a footer only at the end.
_BARE_ADDRESS = re.compile(
    r"(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:/\S*)?|[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
    re.IGNORECASE,
)

# What a complete paragraph may end with; anything else followed by a lowercase start is broken.
_TERMINAL = frozenset(".!?:\"”’»)]…'")


def normalize_layout(text: str) -> str:
    """Unix line endings, no control characters, lines stripped, at most one blank line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Page and paragraph separators from PDF-like sources are paragraph breaks.
    text = text.replace("\u2029", "\n\n").replace("\f", "\n\n").replace("\v", "\n")
    text = text.replace("\u2028", "\n").replace("\x85", "\n")
    text = _CONTROL.sub("", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", text).strip()


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of text already passed through :func:`normalize_layout`."""
    return [p for p in text.split("\n\n") if p]


def is_boilerplate_line(line: str) -> bool:
    """Whether a whole line is site furniture (footer, share/subscribe banner, cookie notice)."""
    line = line.strip()
    return bool(line) and len(line) <= _MAX_BOILERPLATE_CHARS and bool(_BOILERPLATE.fullmatch(line))


def _drop_boilerplate(paragraphs: list[str]) -> list[str]:
    kept: list[str] = []
    for paragraph in paragraphs:
        lines = [line for line in paragraph.split("\n") if not is_boilerplate_line(line)]
        if lines:
            kept.append("\n".join(lines))
    while kept and all(_BARE_ADDRESS.fullmatch(line) for line in kept[-1].split("\n")):
        kept.pop()
    return kept


def join_broken_paragraphs(paragraphs: list[str]) -> list[str]:
    """Join paragraphs split mid-sentence by page layout.

    A paragraph that ends without terminal punctuation (.!?:" ” ’ and the like) and is followed
    by one that starts with a lowercase letter continues in it: "two" + "weeks later" gives
    "two weeks later"; "interna-" + "tional" gives "international".
    """
    joined: list[str] = []
    for paragraph in paragraphs:
        if joined and _continues(joined[-1], paragraph):
            previous = joined[-1]
            if len(previous) > 1 and previous.endswith("-") and previous[-2].isalpha():
                joined[-1] = previous[:-1] + paragraph
            else:
                joined[-1] = f"{previous} {paragraph}"
        else:
            joined.append(paragraph)
    return joined


def _continues(previous: str, following: str) -> bool:
    return previous[-1] not in _TERMINAL and following[0].islower()


def unwrap_lines(paragraph: str) -> str:
    """Join the lines of a hard-wrapped paragraph where a sentence runs on.

    The rule is the paragraph rule: a line that ends without terminal punctuation, followed by a
    line that starts lowercase ("the truce" / "within hours"). Other line breaks (a list, a
    heading above its text) are kept.
    """
    lines = paragraph.split("\n")
    return "\n".join(join_broken_paragraphs(lines)) if len(lines) > 1 else paragraph


# Markdown emphasis left by page-to-text converters: "the *Guardian* noted". The marks are
# layout, not words, and they break the parse ("*Guardian*" stops being the subject).
_EMPHASIS = re.compile(r"(?<![*\w])\*{1,2}(?=[^\s*])([^*\n]{1,120}?)(?<=[^\s*])\*{1,2}(?![*\w])")


def strip_emphasis(text: str) -> str:
    """Remove Markdown emphasis marks around words, keeping the words."""
    return _EMPHASIS.sub(r"\1", text)


def clean_body(text: str) -> str:
    """The article body with layout repaired, emphasis marks and boilerplate lines removed."""
    paragraphs = _drop_boilerplate(split_paragraphs(normalize_layout(text)))
    paragraphs = join_broken_paragraphs(paragraphs)
    return "\n\n".join(strip_emphasis(unwrap_lines(p)) for p in paragraphs)
