"""A high-contrast theme beside Textual's own dark and light ones: pure
black and white with a bright yellow focus, for low vision and glare."""

from textual.theme import Theme

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

THEME_NAMES = {
    "textual-dark": "Dark",
    "textual-light": "Light",
    "rehearse-contrast": "High contrast",
}
