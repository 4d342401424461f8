"""A skill's scores across attempts as a small SVG line, for the HTML
report: the good direction drawn as an arrow, zero as a dashed line, the
best score marked. Only its label is words, escaped as any text."""

import html

from ..i18n import ngettext
from ..wording import direction
from .skills import SkillHistory

WIDTH, HEIGHT, PAD = 240, 56, 6


def sparkline_svg(history: SkillHistory) -> str:
    scores = history.scores
    label = html.escape(ngettext("{count} attempt; {better}", "{count} attempts; {better}", len(scores)).format(
        count=len(scores), better=direction(history.good)), quote=True)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
             f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{label}">',
             f'<rect x="0.5" y="0.5" width="{WIDTH - 1}" height="{HEIGHT - 1}" fill="#fafafa" stroke="#ccc"/>']
    parts.append(_arrow(history.good))
    if scores:
        low, high = min(min(scores), 0), max(max(scores), 0)
        span = (high - low) or 1
        left, right = PAD, WIDTH - PAD - 18
        step = (right - left) / (len(scores) - 1) if len(scores) > 1 else 0

        def y(value: int) -> float:
            return round(HEIGHT - PAD - (value - low) / span * (HEIGHT - 2 * PAD), 1)

        def x(index: int) -> float:
            return round(left + index * step, 1) if len(scores) > 1 else (left + right) / 2

        parts.append(f'<line x1="{left}" y1="{y(0)}" x2="{right}" y2="{y(0)}" stroke="#999" '
                     'stroke-dasharray="3 3"/>')
        points = " ".join(f"{x(i)},{y(v)}" for i, v in enumerate(scores))
        parts.append(f'<polyline points="{points}" fill="none" stroke="#1f5fa8" stroke-width="2" '
                     'stroke-linejoin="round"/>')
        best = len(scores) - 1 - scores[::-1].index(history.best)
        parts.append(f'<circle cx="{x(best)}" cy="{y(history.best)}" r="3.5" fill="#1a6b2f"/>')
    parts.append("</svg>")
    return "".join(parts)


def _arrow(good: str) -> str:
    """An arrow at the right edge pointing the good way."""
    x, top, bottom = WIDTH - 10, PAD + 4, HEIGHT - PAD - 4
    tip, tail = (top, bottom) if good == "up" else (bottom, top)
    head = 5 if good == "up" else -5
    return (f'<line x1="{x}" y1="{tail}" x2="{x}" y2="{tip}" stroke="#1a6b2f" stroke-width="2"/>'
            f'<polyline points="{x - 4},{tip + head} {x},{tip} {x + 4},{tip + head}" fill="none" '
            'stroke="#1a6b2f" stroke-width="2"/>')
