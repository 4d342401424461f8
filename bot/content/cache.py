"""A cache of the parsed library, so the app opens without parsing Markdown
every time, in any language. It is plain JSON (never pickle: reading it
builds only model classes named below), one file per language, keyed by the
language and every content file's size and mtime, and written whole or not
at all. A damaged or stale cache is simply ignored."""

import dataclasses
import hashlib
import json
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from .. import __version__
from ..locations import write_private
from . import expr, model
from .diagnostics import Diagnostic

FORMAT = 4
_TYPES = {cls.__name__: cls for cls in (
    model.Span, model.Citation, model.Effect, model.Line, model.Narration, model.Note, model.Choice,
    model.Node, model.Scenario, model.ScenarioCard, model.Module, model.Skill, model.Course, model.Section, model.Source,
    expr.Compare, expr.Visited, expr.Not, expr.And, expr.Or, Diagnostic,
)}


def fingerprint(paths: list[Path], lang: str) -> str:
    """Changes whenever any content file (or rehearse itself) changes, and
    differs between languages, so one language's entry never serves another."""
    digest = hashlib.sha256(f"{FORMAT}:{__version__}:{lang}".encode())
    for path in paths:
        info = path.stat()
        digest.update(f"\0{path}\0{info.st_size}\0{info.st_mtime_ns}".encode())
    return digest.hexdigest()


def file_for(cache_file: Path, lang: str | None) -> Path:
    """The original language's entry is `cache_file`; each other language
    has its own beside it (`library.es.json`), so switching language
    rewrites neither."""
    return cache_file if lang is None else cache_file.with_name(f"{cache_file.stem}.{lang}{cache_file.suffix}")


def _encode(value):
    if dataclasses.is_dataclass(value):
        encoded = {"@": type(value).__name__}
        for field in dataclasses.fields(value):
            encoded[field.name] = _encode(getattr(value, field.name))
        return encoded
    if isinstance(value, Path):
        return {"@path": str(value)}
    if isinstance(value, (list, tuple)):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        return {"@dict": [[k, _encode(v)] for k, v in value.items()]}
    return value


def _tuples(value):
    """JSON arrays back to the tuples the model holds."""
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


def _object(pairs: dict):
    """Called by the JSON parser for each object, innermost first."""
    if "@path" in pairs:
        return Path(pairs["@path"])
    if "@dict" in pairs:
        return {k: _tuples(v) for k, v in pairs["@dict"]}
    if "@" not in pairs:
        return pairs
    cls = _TYPES[pairs.pop("@")]  # KeyError on anything else: the cache is rejected
    return cls(**{k: _tuples(v) for k, v in pairs.items()})


_DAMAGED = (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError)


def dumps(value) -> str:
    return json.dumps(_encode(value), separators=(",", ":"))


def loads(text: str):
    return _tuples(json.loads(text, object_hook=_object))


def load(path: Path, key: str):
    """The cached value for this key, or None."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle, object_hook=_object)
        if data.get("key") != key:
            return None
        return _tuples(data["value"])
    except _DAMAGED:
        return None


class Shelf(Mapping):
    """Values kept as JSON text (from `dumps`), each decoded the first time
    it is asked for: the app's first screen needs none of them. If one will
    not decode as a `kind`, `reload` gives every value afresh, as a cache
    miss would."""

    def __init__(self, texts: dict[str, str], kind: type, reload: Callable[[], dict]):
        self._texts, self._kind, self._reload = texts, kind, reload
        self._values: dict = {}

    def __getitem__(self, key):
        if key not in self._values:
            text = self._texts[key]
            try:
                value = loads(text)
            except _DAMAGED:
                value = None
            if not isinstance(value, self._kind):
                self._values = dict(self._reload())
                self._texts = dict.fromkeys(self._values, "")
                return self._values[key]
            self._values[key] = value
        return self._values[key]

    def __contains__(self, key) -> bool:
        return key in self._texts

    def __iter__(self) -> Iterator:
        return iter(self._texts)

    def __len__(self) -> int:
        return len(self._texts)


def save(path: Path, key: str, value) -> None:
    """Written whole or not at all, readable by the owner only (see
    write_private); a failure just means no cache."""
    try:
        write_private(path, json.dumps({"key": key, "value": _encode(value)}, separators=(",", ":")))
    except OSError:
        pass
