"""Coverage-guided fuzzing of the CSV parser with atheris (libFuzzer).

Every input must either give a table whose chosen pairs are finite, bounded and aligned, or be
refused with a CsvError: any other exception, or a broken invariant, is a crash that libFuzzer
reports with the input saved as crash-<hash> in the working directory.

    .venv/bin/python scripts/fuzz_csv.py tests/fuzz_corpus -atheris_runs=20000   # CI-sized
    .venv/bin/python scripts/fuzz_csv.py /tmp/corpus tests/fuzz_corpus -max_total_time=3600

The first form runs in the test suite (tests/test_fuzz_csv.py); the second is the long run
(new interesting inputs are written to the first corpus directory).
"""

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

with atheris.instrument_imports(include=["core"]):
    import numpy as np

    from core import csvdata

READINGS = [(None, None), (",", None), (";", ","), ("\t", "."), (None, ",")]


def one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    separator, decimal = READINGS[fdp.ConsumeIntInRange(0, len(READINGS) - 1)]
    max_rows = fdp.ConsumeIntInRange(1, 50)
    raw = fdp.ConsumeBytes(fdp.remaining_bytes())
    try:
        table = csvdata.parse_csv(
            raw, max_rows=max_rows, max_bytes=4096, separator=separator, decimal=decimal
        )
    except csvdata.CsvError:
        return
    rows = table.lines.size
    assert 1 <= rows <= max_rows
    assert np.all(np.diff(table.lines) > 0), "file lines must increase"
    assert len(set(table.names)) == len(table.names)
    for col in table.columns:
        assert col.values.shape == (rows,) and not np.any(col.missing & col.text)
    names = table.numeric_names
    for x in names[:3]:
        for y in names[:3]:
            try:
                pair = table.pair(x, y)
            except csvdata.CsvError:
                continue
            assert pair.x.shape == pair.y.shape and pair.x.size >= 2
            assert np.all(np.isfinite(pair.x)) and np.all(np.abs(pair.y) <= csvdata.MAX_ABS)
            used = rows - len(pair.missing_lines) - len(pair.text_lines)
            assert used == pair.x.size


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
