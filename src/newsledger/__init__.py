"""newsledger: news reporting on wars and politics turned into a ledger of who did what to whom,
where and when, and who says so. The version lives in pyproject.toml only."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("newsledger")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
