"""One exception tree for newsledger; the CLI maps it to exit codes, the API to 4xx/5xx.

::

    NewsledgerError
    ├── InputError                 the input cannot be read as an article (CLI exit 2)
    │   ├── MissingInputError      a path that does not exist, a folder with no articles
    │   ├── EmptyInputError        a file or line with no text
    │   ├── BinaryInputError       bytes that are not text (NUL bytes, an image, a zip)
    │   ├── InputTooLargeError     above the configured size limit
    │   └── BadArticleError        a JSONL line that is not an article object
    ├── OptionError                a bad option value, e.g. an unknown --published format (exit 2)
    ├── ResourceError              a data file or model the install should have brought is missing
    └── PipelineError              stages in an order that cannot work (a programming error)

Context travels as keyword arguments (``source=...``) so the message can name the input, as in
httpx's exception tree.
"""

from __future__ import annotations


class NewsledgerError(Exception):
    """Base of every error newsledger raises on purpose."""


class InputError(NewsledgerError):
    """An input that cannot be read as an article. ``source`` names it (a path, "<stdin>")."""

    def __init__(self, message: str, *, source: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.reason = message


class MissingInputError(InputError):
    """A path that does not exist, or a folder with no readable articles."""


class EmptyInputError(InputError):
    """A file or article with no text."""


class BinaryInputError(InputError):
    """Bytes that are not text."""


class InputTooLargeError(InputError):
    """An input above the configured size limit (``--max-bytes``, ``NEWSLEDGER_MAX_BYTES``)."""


class BadArticleError(InputError):
    """A JSONL line or mapping that is not a valid article."""


class OptionError(NewsledgerError):
    """A bad option value. ``option`` names the option, e.g. ``--published``."""

    def __init__(self, message: str, *, option: str) -> None:
        super().__init__(f"{option}: {message}")
        self.option = option


class ResourceError(NewsledgerError):
    """A data file or model that the install should have provided is missing or unreadable."""


class PipelineError(NewsledgerError):
    """Stages assembled so that one needs what no earlier stage produces."""
