"""Parse an uploaded CSV into named columns: pure, bounded, with specific refusals.

Every column is read; the ones that hold numbers (at most a few stray cells excepted) are offered
for x and y, the others (a species, a country, a date, an id) are named and left aside. Accepted:
UTF-8 with or without BOM, UTF-16 with BOM (Excel's "Unicode text") or Windows-1252; separated by
commas, semicolons or tabs, with or without a header row; decimal points or decimal commas, with
thousands separators in whole groups of three (``1,234.5``, ``1.234,5``, ``1 234,5``), currency
signs and a trailing ``%`` cleaned off (the page says so). Ambiguous readings are never taken
quietly: a separator that other lines contradict, or numbers such as ``1.000`` that mean 1 under
one format and 1000 under the other, are reported with the other reading (``Table.other_*``) so
the page can offer it. Empty cells and ``NA``-style markers are missing values: rows missing the
chosen x or y are left out and counted. Refused, each with its own code (``CsvError.code``) and
details naming the file line: empty, binary, a single column, header only, too few rows, ragged
rows, duplicate names, malformed quoting, too many non-numeric cells in a chosen column,
infinite or too large values, files over the size cap.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

import numpy as np

MAX_BYTES = 2 * 2**20  # 2 MB as the uploader counts them (server.maxUploadSize = 2)
MAX_COLUMNS = 50
SKIP_LIMIT = 0.10  # a column is numeric when at most this share of its filled cells is not
MAX_ABS = 1e100  # larger values overflow the squares and sums of the statistics and the loss
SEPARATORS = (",", ";", "\t")
DECIMALS = (".", ",")
MISSING = frozenset({"", "na", "n/a", "nan", "null", "none", "-", "—", "?", "#n/a"})
_CURRENCY = "$€£¥₹"
_SPACES = str.maketrans("", "", " \u00a0\u202f\u2009")
_CONTROL = [chr(c) for c in range(32) if chr(c) not in "\t\r\n"]

# a long text field (a description) is a text column, not an error: the size cap bounds it
csv.field_size_limit(max(csv.field_size_limit(), MAX_BYTES + 1))


class CsvError(ValueError):
    """A refusal: ``code`` names the reason, ``details`` fill in its message."""

    def __init__(self, code: str, **details):
        super().__init__(code)
        self.code = code
        self.details = details


@dataclass(frozen=True, eq=False)
class Column:
    name: str
    values: np.ndarray  # one float per data row; NaN where missing or not a number
    missing: np.ndarray  # bool: empty or an NA marker
    text: np.ndarray  # bool: filled, but not a number
    cleaned: frozenset[str] = frozenset()  # "grouping", "currency", "percent"

    @property
    def numeric(self) -> bool:
        filled = int((~self.missing).sum())
        numbers = filled - int(self.text.sum())
        return numbers >= 1 and self.text.sum() <= SKIP_LIMIT * filled


@dataclass(frozen=True, eq=False)
class Pair:
    """The chosen x and y, with the file lines of the rows left out."""

    x: np.ndarray
    y: np.ndarray
    missing_lines: tuple[int, ...]  # rows where x or y is empty
    text_lines: tuple[int, ...]  # rows where x or y is not a number


@dataclass(frozen=True, eq=False)
class Table:
    """Every column by name, in file order, plus how the file was read."""

    columns: tuple[Column, ...]
    lines: np.ndarray  # the file line (1-based) each data row starts on
    encoding: str
    separator: str
    decimal: str
    header: bool
    other_separators: tuple[str, ...] = ()  # separators that read the file as well
    other_decimal: str | None = None  # the other number format, when it reads numbers too
    truncated_from: int | None = None  # data rows in the file when over max_rows
    names: tuple[str, ...] = field(init=False)

    def __post_init__(self):
        object.__setattr__(self, "names", tuple(c.name for c in self.columns))

    @property
    def numeric_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.numeric)

    @property
    def text_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if not c.numeric)

    def column(self, name: str) -> Column:
        return self.columns[self.names.index(name)]

    def pair(self, x_name: str, y_name: str) -> Pair:
        """The rows where both chosen columns hold finite numbers, or a :class:`CsvError`."""
        cols = [self.column(x_name), self.column(y_name)]
        for col in cols:
            filled = int((~col.missing).sum())
            if col.text.sum() > SKIP_LIMIT * filled:
                first = int(self.lines[np.argmax(col.text)])
                skipped = int(col.text.sum())
                raise CsvError(
                    "non_numeric", column=col.name, skipped=skipped, rows=filled, line=first
                )
        missing = cols[0].missing | cols[1].missing
        text = (cols[0].text | cols[1].text) & ~missing
        keep = ~(missing | text)
        for col in cols:
            v = col.values
            bad = keep & ~np.isfinite(v)
            if bad.any():
                raise CsvError("nonfinite", line=int(self.lines[np.argmax(bad)]), column=col.name)
            with np.errstate(invalid="ignore"):
                big = keep & (np.abs(v) > MAX_ABS)
            if big.any():
                line = int(self.lines[np.argmax(big)])
                raise CsvError("too_large", line=line, column=col.name, limit="1e100")
        if keep.sum() < 2:
            raise CsvError("single_row")
        return Pair(
            x=cols[0].values[keep],
            y=cols[1].values[keep],
            missing_lines=tuple(int(n) for n in self.lines[missing]),
            text_lines=tuple(int(n) for n in self.lines[text]),
        )


def _decode(raw: bytes) -> tuple[str, str]:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            raise CsvError("binary") from None
    if len(raw) >= 4 and raw[1::2].count(0) > 0.9 * (len(raw) // 2):  # UTF-16 LE without BOM
        try:
            return raw.decode("utf-16-le"), "UTF-16"
        except UnicodeDecodeError:
            pass
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
    control = sum(map(text.count, _CONTROL))
    return control > max(2, 0.01 * len(text)) or "\x00" in text


def _records(text: str, sep: str, limit: int | None = None) -> list[tuple[int, list[str]]]:
    """Non-blank records with the file line each starts on (a quoted field may span lines)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=False)
    out, line = [], 1
    for row in reader:
        if any(c.strip() for c in row):
            out.append((line, row))
            if limit is not None and len(out) >= limit:
                break
        line = reader.line_num + 1
    return out


def _separator(text: str) -> tuple[str, tuple[str, ...]]:
    """The separator that splits the first lines into the same number (at least two) of
    fields, most fields first; the others that do so too are returned as alternatives."""
    fits = []
    for sep in SEPARATORS:
        try:
            sample = _records(text, sep, limit=50)
        except csv.Error:
            continue
        widths = [len(row) for _, row in sample]
        if widths and widths[0] > 1:
            agree = sum(w == widths[0] for w in widths) / len(widths)
            cells = [c for _, row in sample[1:] for c in row] or sample[0][1]
            numbers = sum(any(_number(c, d)[0] is not None for d in DECIMALS) for c in cells)
            fits.append((agree, numbers / len(cells), widths[0], sep))
    if not fits:
        raise CsvError("one_column")
    fits.sort(key=lambda f: (-f[0], -f[1], -f[2]))
    best = fits[0]
    others = tuple(f[3] for f in fits[1:] if f[0] == best[0] == 1.0)
    return best[3], others


# thousands in whole groups of three after a first group that does not start with 0 (0.125 is
# never 125)
_GROUPED = {
    ".": re.compile(r"[+-]?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d*)?"),
    ",": re.compile(r"[+-]?[1-9]\d{0,2}(?:\.\d{3})+(?:,\d*)?"),
}
_SPACED = re.compile(r"[+-]?[1-9]\d{0,2}(?: \d{3})+(?:[.,]\d*)?")
_PLAIN = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|[+-]?(?:inf|infinity|nan)", re.I)


def _number(cell: str, decimal: str) -> tuple[float | None, tuple[str, ...]]:
    """The value of one filled cell under a decimal mark, and the clean-ups it needed; (None, ())
    if it is not a number."""
    s = cell.strip()
    if (decimal == "." or ("," not in s and "." not in s)) and "_" not in s:  # plain: fast
        try:
            return float(s), ()
        except ValueError:
            pass
    cleaned: tuple[str, ...] = ()
    if s and s[0] in _CURRENCY:
        s, cleaned = s[1:].strip(), ("currency",)
    elif s and s[-1] in _CURRENCY:
        s, cleaned = s[:-1].strip(), ("currency",)
    elif s.endswith("%"):
        s, cleaned = s[:-1].strip(), ("percent",)
    if _SPACED.fullmatch(s.replace("\u00a0", " ").replace("\u202f", " ")):
        s, cleaned = s.translate(_SPACES), (*cleaned, "grouping")
    group = "," if decimal == "." else "."
    if group in s:
        if not _GROUPED[decimal].fullmatch(s):
            return None, ()
        s, cleaned = s.replace(group, ""), (*cleaned, "grouping")
    if decimal == ",":
        if "." in s:
            return None, ()
        s = s.replace(",", ".")
    if not _PLAIN.fullmatch(s):
        return None, ()
    return float(s), cleaned


def _read_column(name: str, cells: list[str], decimal: str) -> Column:
    nan = float("nan")
    values, missing, text = [], [], []
    cleaned: set[str] = set()
    for cell in cells:
        empty = cell.strip().lower() in MISSING
        value, how = (None, ()) if empty else _number(cell, decimal)
        values.append(nan if value is None else value)
        missing.append(empty)
        text.append(value is None and not empty)
        if how:
            cleaned.update(how)
    return Column(
        name,
        np.array(values, dtype=float),
        np.array(missing, dtype=bool),
        np.array(text, dtype=bool),
        frozenset(cleaned),
    )


def _decimal(body: list[list[str]], width: int, sep: str) -> tuple[str, str | None]:
    """The decimal mark that reads more cells as numbers; on a tie, the usual one for the
    separator (a comma after semicolons). The other is returned when it reads the very same
    cells but to different values (``1.000``: 1 or 1000), so the page can offer it."""
    default = "," if sep == ";" else "."
    other = "." if default == "," else ","
    if sep == "," and not any("," in cell for row in body for cell in row):
        return ".", None  # unquoted commas separate: no decimal comma can be in the file
    read = {d: 0 for d in DECIMALS}
    differ = False
    for row in body:
        for cell in row[:width]:
            if "," not in cell and "." not in cell:
                continue  # the same under both marks
            if cell.strip().lower() in MISSING:
                continue
            a, _ = _number(cell, default)
            b, _ = _number(cell, other)
            read[default] += a is not None
            read[other] += b is not None
            differ = differ or (a is not None and b is not None and a != b)
    if read[other] > read[default]:
        return other, None
    if read[other] == read[default] and differ:
        return default, other
    return default, None


def parse_csv(
    raw: bytes,
    *,
    max_rows: int,
    max_bytes: int = MAX_BYTES,
    separator: str | None = None,
    decimal: str | None = None,
) -> Table:
    """Parse ``raw`` into a :class:`Table` of at most ``max_rows`` data rows (the rest are
    dropped and counted), or raise :class:`CsvError`. ``separator`` and ``decimal`` force a
    reading (the other one the page offered)."""
    if len(raw) > max_bytes:
        raise CsvError("too_big", size=len(raw), limit=max_bytes)
    if not raw.strip():
        raise CsvError("empty")
    text, encoding = _decode(raw)
    if _looks_binary(text):
        raise CsvError("binary")
    if not text.strip():
        raise CsvError("empty")
    if not text.strip(" \t\r\n,;\"'"):
        raise CsvError("no_values")  # separators and quotes only (`,,,` or `"",""`)
    if separator is None:
        sep, other_seps = _separator(text)
    else:
        sep, other_seps = separator, ()
    try:
        records = _records(text, sep)
    except csv.Error as err:
        raise CsvError("malformed", reason=str(err)) from None
    if not records:
        raise CsvError("no_values")
    width = len(records[0][1])
    if width < 2:
        raise CsvError("one_column")
    if width > MAX_COLUMNS:
        raise CsvError("too_wide", columns=width, limit=MAX_COLUMNS)
    for line, row in records:
        if len(row) != width:
            raise CsvError("ragged", line=line, found=len(row), expected=width)
    first = [c for c in records[0][1]]
    rest = [row for _, row in records[1:]]
    if decimal is None:
        mark, other_mark = _decimal(rest or [first], width, sep)
    else:
        mark, other_mark = decimal, None
    # a header when a first-row cell is not a number while the same column below holds numbers,
    # or when every first-row cell is text
    head_text = [c.strip().lower() not in MISSING and _number(c, mark)[0] is None for c in first]
    header = all(head_text) or any(
        is_text and any(_number(row[k], mark)[0] is not None for row in rest[:50])
        for k, is_text in enumerate(head_text)
    )
    if header:
        names = tuple(c.strip() or f"column {k + 1}" for k, c in enumerate(first))
        seen: set[str] = set()
        for name in names:
            if name in seen:
                raise CsvError("duplicate", name=name)
            seen.add(name)
        body = records[1:]
    else:
        names = tuple(f"column {k + 1}" for k in range(width))
        body = records
    if not body:
        raise CsvError("header_only")
    truncated = None
    if len(body) > max_rows:
        truncated = len(body)
        body = body[:max_rows]
    columns = tuple(
        _read_column(name, [row[k] for _, row in body], mark) for k, name in enumerate(names)
    )
    return Table(
        columns=columns,
        lines=np.array([line for line, _ in body], dtype=int),
        encoding=encoding,
        separator=sep,
        decimal=mark,
        header=header,
        other_separators=other_seps,
        other_decimal=other_mark,
        truncated_from=truncated,
    )
