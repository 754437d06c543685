"""Writing untrusted text into Excel workbooks without formula injection (OWASP "CSV injection").

Every export writes its rows through :func:`append_row` (or a value through :func:`safe_cell`):
text starting with ``= + - @`` or a tab / carriage return is prefixed with an apostrophe, so
Excel and LibreOffice show it as text and never evaluate it. Numbers and dates are kept as they are.
"""

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """The value to write into a cell: text that could start a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def safe_row(values):
    return [safe_cell(value) for value in values]


def append_row(sheet, values):
    """``sheet.append(values)`` with every text value made safe."""
    sheet.append(safe_row(values))


def unquote_cell(text):
    """Undo :func:`safe_cell` on a value read back from an exported sheet."""
    if isinstance(text, str) and text.startswith("'") and text[1:].startswith(FORMULA_TRIGGERS):
        return text[1:]
    return text
