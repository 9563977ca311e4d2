"""A short coverage-guided fuzz of the CSV parser in every run of the suite: 20,000 inputs grown
by libFuzzer from the seed corpus (the shapes of file an outside test brought). A crash (any
exception but CsvError, or a broken invariant) fails the test with the input that caused it."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_csv_parser_survives_a_bounded_fuzz(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "tests" / "fuzz_corpus", corpus)  # libFuzzer writes into it
    seeds = len(list(corpus.iterdir()))
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "fuzz_csv.py"), str(corpus),
         "-atheris_runs=20000", "-max_len=4096"],
        cwd=tmp_path, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-4000:]
    assert re.search(r"^Done 2000[01] (runs )?in", result.stderr, re.M), result.stderr[-2000:]
    assert len(list(corpus.iterdir())) > seeds  # coverage guided: it found new paths
    assert not list(tmp_path.glob("crash-*"))
