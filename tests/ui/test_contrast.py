"""Every text colour our styles use meets WCAG AA (4.5:1) against every
background it may sit on, in all three themes. The colours are read from the
themes and the .tcss files themselves, so a new style is checked too."""

import re
from pathlib import Path

import pytest
from textual.color import Color
from textual.theme import BUILTIN_THEMES

from bot.progress.settings import THEMES
from bot.ui.themes import REGISTERED

STYLES = Path(__file__).resolve().parents[2] / "bot" / "ui" / "styles"
AA = 4.5
PAGE_BACKGROUNDS = ("background", "surface", "panel")
# colours set from Python rather than a stylesheet (the coach's skill meters)
FROM_CODE = {"$success", "$warning", "$text-muted"}
# the key bar draws on its own background, and only there
OWN_BACKGROUND = {"footer": "footer-background"}


def theme(name: str):
    return {t.name: t for t in REGISTERED}.get(name) or BUILTIN_THEMES[name]


def luminance(color: Color) -> float:
    def channel(value: int) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def contrast(a: Color, b: Color) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_colours() -> set[str]:
    """`$variable` or `$variable NN%` from every `color:` declaration."""
    found = set(FROM_CODE)
    for path in STYLES.glob("*.tcss"):
        found |= {m.strip() for m in re.findall(r"^\s*color:\s*(\$[a-z-]+(?:\s+\d+%)?)\s*;", path.read_text(), re.M)}
    return found


def resolve(spec: str, variables: dict, background: Color) -> Color:
    name, _, alpha = spec.partition(" ")
    value = variables[name[1:]]
    colour = background.get_contrast_text() if value.startswith("auto") else Color.parse(value)
    share = float(alpha.rstrip("%")) / 100 if alpha else (float(value.split()[1].rstrip("%")) / 100
                                                           if value.startswith("auto") and " " in value else 1.0)
    return background.blend(colour, share)


@pytest.mark.parametrize("name", THEMES)
def test_every_text_colour_is_readable_on_every_background(name):
    variables = theme(name).to_color_system().generate()
    poor = []
    for spec in sorted(text_colours()):
        prefix = spec[1:].split("-")[0]
        backgrounds = (OWN_BACKGROUND[prefix],) if prefix in OWN_BACKGROUND else PAGE_BACKGROUNDS
        for bg_name in backgrounds:
            background = Color.parse(variables[bg_name])
            ratio = contrast(resolve(spec, variables, background), background)
            if ratio < AA:
                poor.append(f"{spec} on ${bg_name}: {ratio:.2f}")
    assert not poor, f"{name}: text below {AA}:1: {poor}"


def test_the_contrast_measure_matches_wcag():
    assert round(contrast(Color.parse("#000000"), Color.parse("#ffffff")), 1) == 21.0
    assert round(contrast(Color.parse("#767676"), Color.parse("#ffffff")), 2) == 4.54


async def test_choosing_light_gives_the_readable_light_theme(make_app):
    from bot.ui.themes import READABLE_LIGHT

    app = make_app(theme="textual-light")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "textual-light"
        assert app.current_theme.accent == READABLE_LIGHT.accent
