"""Parse an uploaded CSV of numbers into named columns: pure, bounded, with specific refusals.

Accepted: UTF-8 with or without BOM, or Windows-1252; separated by commas, or by semicolons with
decimal commas (``1,5``), or tabs; with or without a header row. Refused, each with its own code
(``CsvError.code``) and details: empty, binary, a single column, header only, a single row,
ragged rows (the first one is named), duplicate column names, too many non-numeric rows,
non-finite values, files over the size cap.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass

import numpy as np

MAX_BYTES = 2_000_000
MAX_COLUMNS = 50
SKIP_LIMIT = 0.10  # refuse when more than this share of the rows has non-numeric cells


class CsvError(ValueError):
    """A refusal: ``code`` names the reason, ``details`` fill in its message."""

    def __init__(self, code: str, **details):
        super().__init__(code)
        self.code = code
        self.details = details


@dataclass(frozen=True, eq=False)
class Table:
    """Numeric columns by name, in file order, plus what was done on the way."""

    names: tuple[str, ...]
    values: np.ndarray  # (rows, columns), finite floats
    encoding: str
    separator: str
    header: bool
    skipped_rows: tuple[int, ...] = ()  # 1-based line numbers of rows left out (non-numeric)
    truncated_from: int | None = None  # number of data rows in the file when over max_rows

    def column(self, name: str) -> np.ndarray:
        return self.values[:, self.names.index(name)]


def _decode(raw: bytes) -> tuple[str, str]:
    if b"\x00" in raw:
        raise CsvError("binary")
    try:
        return raw.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        raise CsvError("binary") from None
    return text, "Windows-1252"


def _looks_binary(text: str) -> bool:
    control = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\r\n")
    return control > max(2, 0.01 * len(text))


def _separator(first_line: str) -> str:
    counts = {sep: first_line.count(sep) for sep in (";", "\t", ",")}
    best = max(counts, key=counts.__getitem__)
    if counts[best] == 0:
        raise CsvError("one_column")
    return best


def _number(cell: str, decimal_comma: bool) -> float | None:
    cell = cell.strip().replace("\u00a0", "").replace(" ", "")
    if decimal_comma:
        cell = cell.replace(",", ".")
    if not cell:
        return None
    try:
        return float(cell)
    except ValueError:
        return None


def parse_csv(raw: bytes, *, max_rows: int, max_bytes: int = MAX_BYTES) -> Table:
    """Parse ``raw`` into a :class:`Table` of at most ``max_rows`` data rows (the rest are
    dropped and counted), or raise :class:`CsvError`."""
    if len(raw) > max_bytes:
        raise CsvError("too_big", size=len(raw), limit=max_bytes)
    if not raw.strip():
        raise CsvError("empty")
    text, encoding = _decode(raw)
    if _looks_binary(text):
        raise CsvError("binary")
    lines = [line for line in text.splitlines()]
    while lines and not lines[-1].strip():
        lines.pop()
    first = next((line for line in lines if line.strip()), "")
    sep = _separator(first)
    decimal_comma = sep == ";"
    rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=sep))
    line_numbers = [i + 1 for i, row in enumerate(rows) if any(c.strip() for c in row)]
    rows = [row for row in rows if any(c.strip() for c in row)]
    width = len(rows[0])
    if width > MAX_COLUMNS:
        raise CsvError("too_wide", columns=width, limit=MAX_COLUMNS)
    header = any(_number(c, decimal_comma) is None for c in rows[0])
    if header:
        names = tuple(c.strip() or f"column {k + 1}" for k, c in enumerate(rows[0]))
        seen = set()
        for name in names:
            if name in seen:
                raise CsvError("duplicate", name=name)
            seen.add(name)
        body, body_lines = rows[1:], line_numbers[1:]
    else:
        names = tuple(f"column {k + 1}" for k in range(width))
        body, body_lines = rows, line_numbers
    if not body:
        raise CsvError("header_only")
    for row, line in zip(body, body_lines, strict=True):
        if len(row) != width:
            raise CsvError("ragged", line=line, found=len(row), expected=width)
    truncated = None
    if len(body) > max_rows:
        truncated = len(body)
        body, body_lines = body[:max_rows], body_lines[:max_rows]
    values, skipped = [], []
    for row, line in zip(body, body_lines, strict=True):
        parsed = [_number(c, decimal_comma) for c in row]
        numbers = [v for v in parsed if v is not None]
        if len(numbers) < len(parsed):
            skipped.append(line)
            continue
        bad = next((k for k, v in enumerate(numbers) if not math.isfinite(v)), None)
        if bad is not None:
            raise CsvError("nonfinite", line=line, column=names[bad])
        values.append(numbers)
    if len(skipped) > SKIP_LIMIT * len(body):
        raise CsvError("non_numeric", skipped=len(skipped), rows=len(body), line=skipped[0])
    if len(values) < 2:
        raise CsvError("single_row")
    return Table(
        names=names,
        values=np.array(values, dtype=float),
        encoding=encoding,
        separator=sep,
        header=header,
        skipped_rows=tuple(skipped),
        truncated_from=truncated,
    )
