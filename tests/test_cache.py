"""The process-wide memo behind ui/cache.py."""
from __future__ import annotations

import threading

from core import lab
from ui.cache import _Shared


def test_bounded_least_recently_used_and_keyed_by_value():
    calls = []
    memo = _Shared(lambda spec, scaled: calls.append((spec, scaled)) or (spec.lr, scaled), 2)
    a, b, c = lab.RunSpec(lr=0.1), lab.RunSpec(lr=0.2), lab.RunSpec(lr=0.3)
    assert memo(a, False) == (0.1, False)
    assert memo(lab.RunSpec(lr=0.1), False) == (0.1, False)  # an equal spec: no new call
    assert len(calls) == 1
    memo(b, False)
    memo(a, False)       # a is now the most recent
    memo(c, False)       # evicts b
    assert len(memo) == 2
    memo(a, False)
    assert len(calls) == 3
    memo(b, False)       # b was evicted: computed again
    assert len(calls) == 4


def test_a_failed_call_stores_nothing():
    def make(x):
        if x < 0:
            raise ValueError("negative")
        return x
    memo = _Shared(make, 4)
    for _ in range(2):
        try:
            memo(-1)
        except ValueError:
            pass
    assert len(memo) == 0 and memo(3) == 3


def test_threads_share_one_result():
    memo = _Shared(lambda k: object(), 8)
    seen = []
    threads = [threading.Thread(target=lambda: seen.append(memo("key"))) for _ in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert len(seen) == 8 and all(v is memo("key") for v in seen)  # one kept, all given it
