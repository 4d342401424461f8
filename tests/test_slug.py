"""Node ids are heading slugs exactly as GitHub makes anchors."""

import pytest

from bot.content.slug import slugify


@pytest.mark.parametrize("heading,slug", [
    ("Offer a ride!", "offer-a-ride"),
    ("Café — now?", "café--now"),
    ("Kitchen door", "kitchen-door"),
    ("Step 2: the call", "step-2-the-call"),
    ("snake_case stays", "snake_case-stays"),
    ("Ünïcödé Ärger", "ünïcödé-ärger"),
    ("Emoji 🎉 gone", "emoji--gone"),
    ("  spaced  out ", "--spaced--out-"),
    ("dash-es and (parens)", "dash-es-and-parens"),
    ("Ⅻ roman", "ⅻ-roman"),
    ("e\u0301 combining", "e\u0301-combining"),
])
def test_github_slugs(heading, slug):
    assert slugify(heading) == slug


def test_heading_text_is_trimmed_before_slugging(tmp_path):
    from bot.content.diagnostics import Report
    from bot.content.scenario_parser import parse_scenario

    path = tmp_path / "s.md"
    path.write_text("---\ntitle: T\nmodule: m\n---\n\n## Offer a *ride*!   \n\n`end: success`\n")
    scenario = parse_scenario(path, "s.md", Report("s.md"))
    assert scenario.nodes[0].id == "offer-a-ride"
