"""The phone pages: small static files in page/, read once, with the few
values they need escaped in. No external assets: the room may have no
internet at all."""

import html
from functools import lru_cache
from pathlib import Path

PAGE_DIR = Path(__file__).with_name("page")


@lru_cache(maxsize=None)
def read(name: str) -> str:
    return (PAGE_DIR / name).read_text(encoding="utf-8")


def fill(name: str, **values: str) -> str:
    """The page with each {{key}} replaced by its value, HTML-escaped."""
    text = read(name)
    for key, value in values.items():
        text = text.replace("{{" + key + "}}", html.escape(value, quote=True))
    return text


def security_headers(host: str) -> dict[str, str]:
    """Nothing but this server: no other site may frame, script or receive
    anything from these pages."""
    return {
        "Content-Security-Policy": (
            "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; "
            f"connect-src 'self' ws://{host}; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "same-origin",  # "no-referrer" would make form posts send `Origin: null`
        "Cache-Control": "no-store",
    }
