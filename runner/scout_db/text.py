"""Values from the database (or from a file) shown to a person: always as text.

A transaction id, a category or an error message is data: it may hold rich markup
(`[/bold]`, `[link=…]`) or terminal control sequences (ESC [ …, a carriage return
that overwrites the line, bidi overrides that reorder it). Everything scout-db
prints that it did not write itself goes through `shown`, and rich tables get it as
`Text`, which rich never parses for markup.
"""

from __future__ import annotations

import unicodedata

from rich.text import Text

# Line breaks and tabs keep their meaning in a message; every other control or
# format character (C0, DEL, C1, bidi overrides, zero-width joiners) is shown escaped.
_KEPT = {"\n", "\t"}


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown(value: object) -> str:
    """`value` as plain text a terminal shows as it is: control characters escaped."""
    text = "" if value is None else str(value)
    if text.isprintable():
        return text
    return "".join(char if char in _KEPT or unicodedata.category(char) not in ("Cc", "Cf") else _escape(char)
                   for char in text)


def cell(value: object) -> Text:
    """A table cell: `shown` text that rich renders literally, never as markup."""
    return Text(shown(value))
