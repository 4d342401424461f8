"""`python -m bot` is the `rehearse` command."""

from .cli import entry

entry()
