"""The themes: a high-contrast one (pure black and white with a bright yellow
focus, for low vision and glare), and a readable light one that replaces
Textual's own under its name, whose orange and green text is too faint on
light grey (WCAG AA, 4.5:1, is checked in tests/ui/test_contrast.py)."""

from textual.theme import Theme

from ..i18n import N_

HIGH_CONTRAST = Theme(
    name="rehearse-contrast",
    primary="#ffff00",
    secondary="#00ffff",
    accent="#ffff00",
    warning="#ffaf00",
    error="#ff5f5f",
    success="#5fff5f",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#1c1c1c",
    boost="#303030",
    dark=True,
    luminosity_spread=0.0,
    text_alpha=1.0,
    variables={"text-muted": "#e4e4e4", "text-disabled": "#c0c0c0", "block-cursor-foreground": "#000000", "block-cursor-background": "#ffff00",
               "footer-key-foreground": "#ffff00", "input-selection-background": "#ffff00 40%"},
)

# Textual's light theme with darker text colours: the same name, so a saved
# "Light" setting keeps working; only the colours people read are changed.
READABLE_LIGHT = Theme(
    name="textual-light",
    primary="#004578",
    secondary="#0160AA",
    accent="#7F4500",
    warning="#7F4500",
    error="#A3153B",
    success="#17602F",
    background="#E0E0E0",
    surface="#D8D8D8",
    panel="#D0D0D0",
    dark=False,
    luminosity_spread=0.15,
    text_alpha=0.95,
    variables={"footer-key-foreground": "#004578"},
)

REGISTERED = (HIGH_CONTRAST, READABLE_LIGHT)  # every theme the app registers over Textual's own

THEME_NAMES = {  # translated where shown
    "textual-dark": N_("Dark"),
    "textual-light": N_("Light"),
    "rehearse-contrast": N_("High contrast"),
}
