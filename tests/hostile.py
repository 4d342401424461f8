"""A library whose every displayed field carries markup and terminal escape
sequences, for proving that content is shown as text and does nothing."""

from pathlib import Path

# what a hostile or careless author might write, each with a marker word
MARKUP = ["[bold red]RED[/]", "[link=https://evil.example]LINK[/link]", "[@click=app.quit]QUIT[/]", "[bold OPEN"]
ESCAPES = ["\x1b[31mESC\x1b[0m", "\x9b31mCSI", "\x1b]0;TITLE\x07", "\x1b]8;;https://evil.example\x1b\\OSC8\x1b]8;;\x1b\\",
           "\x1b]52;c;ZXZpbA==\x07", "\x85NEL", "\u202eRLO\u202c", "\u2066ISO\u2069"]
# the characters that must never reach the screen
FORBIDDEN = {chr(c) for c in range(0x20) if chr(c) not in "\n"} | {chr(0x7f)} | {chr(c) for c in range(0x80, 0xa0)} \
    | set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")

PAYLOAD = " ".join(MARKUP + ESCAPES)


def yaml_quoted(text: str) -> str:
    """A YAML double-quoted scalar; control characters as escapes (\\e, \\x9b...)."""
    out = []
    for char in text:
        if char == '"' or char == "\\":
            out.append("\\" + char)
        elif ord(char) < 0x20 or 0x7f <= ord(char) < 0xa0:
            out.append("\\e" if char == "\x1b" else f"\\x{ord(char):02x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def in_link(text: str) -> str:
    """Text for inside a Markdown link: brackets escaped, so it displays as written."""
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def write_library(root: Path) -> Path:
    """A complete library (course, source, one scenario) full of payloads."""
    q = yaml_quoted
    link = in_link(PAYLOAD)
    (root / "sources").mkdir(parents=True)
    (root / "scenarios" / "m").mkdir(parents=True)
    (root / "course.md").write_text(f"""---
title: {q("Course " + PAYLOAD)}
modules:
  - id: m
    title: {q("Module " + PAYLOAD)}
    summary: {q("Summary " + PAYLOAD)}
skills:
  calm: {{label: {q("Calm " + PAYLOAD)}, good: up}}
  enabling: {{label: {q("Enabling " + PAYLOAD)}, good: down}}
---

Welcome {PAYLOAD}
""", encoding="utf-8")
    (root / "sources" / "src.md").write_text(f"""---
title: {q("Source " + PAYLOAD)}
publisher: {q("Publisher " + PAYLOAD)}
url: {q("https://evil.example/" + PAYLOAD)}
---

## Point one

Section text {PAYLOAD}

## Point two

More text {PAYLOAD}
""", encoding="utf-8")
    (root / "scenarios" / "m" / "hostile.md").write_text(f"""---
title: {q("Title " + PAYLOAD)}
module: m
id: hostile
persona: {q("Persona " + PAYLOAD)}
learner: {q("Learner " + PAYLOAD)}
setting: {q("Setting " + PAYLOAD)}
minutes: 5
skills: [calm, enabling]
warnings: [{q("anger " + PAYLOAD)}, anger]
---

Briefing {PAYLOAD}

## Start here

*Narration {PAYLOAD}*

**Sam {PAYLOAD}:** Line {PAYLOAD}

> Coach note {PAYLOAD} `source: src#point-one`

> [!SAFETY]
> Safety {PAYLOAD}

> [!DISCUSS]
> Discuss {PAYLOAD}

- [Choice one {link}](#middle) `calm +1`
  > Feedback one {PAYLOAD} `source: src#point-two`
- [Choice two {link}](#bad-end) `enabling +1`
  > Feedback two {PAYLOAD} `source: src#point-one`

## Middle

**Sam {PAYLOAD}:** Middle line {PAYLOAD}

- [Finish well {link}](#good-end) `calm +1`
  > Feedback three {PAYLOAD} `source: src#point-two`
- [Give in {link}](#bad-end) `enabling +1`
  > Feedback four {PAYLOAD} `source: src#point-one`

## Good end

*Good ending narration {PAYLOAD}*

`end: success`

> Ending note {PAYLOAD} `source: src#point-two`

## Bad end

*Bad ending narration {PAYLOAD}*

`end: setback`

> Bad ending note {PAYLOAD} `source: src#point-one`
""", encoding="utf-8")
    return root


def leaks(text: str) -> set[str]:
    """Forbidden characters present in text."""
    return {c for c in text if c in FORBIDDEN}
