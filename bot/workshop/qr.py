"""A QR code drawn with half-block characters, two module rows to a text
row, so a phone can scan it off the projector. Dark modules on a light
ground (with the quiet zone readers need), whatever the terminal theme."""

import segno

UPPER, LOWER, FULL, EMPTY = "▀", "▄", "█", " "


def qr_rows(data: str, border: int = 2) -> list[str]:
    """Text rows where a block character is a dark module: print them dark
    on light."""
    matrix = [list(row) for row in segno.make(data, error="m", boost_error=False).matrix_iter(border=border)]
    if len(matrix) % 2:
        matrix.append([0] * len(matrix[0]))
    rows = []
    for top, bottom in zip(matrix[::2], matrix[1::2]):
        rows.append("".join(FULL if t and b else UPPER if t else LOWER if b else EMPTY for t, b in zip(top, bottom)))
    return rows

