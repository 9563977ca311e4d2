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
    memo(a, False)  # a is now the most recent
    memo(c, False)  # evicts b
    assert len(memo) == 2
    memo(a, False)
    assert len(calls) == 3
    memo(b, False)  # b was evicted: computed again
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


def test_bounded_in_bytes_too_and_the_newest_result_is_always_kept():
    import numpy as np

    sizes = {"a": 400, "b": 300, "c": 500, "huge": 5000}
    memo = _Shared(lambda k: np.zeros(sizes[k], dtype=np.uint8), 10, max_bytes=1000)
    memo("a")
    memo("b")
    assert len(memo) == 2 and memo.bytes == 700
    memo("c")  # 1200 bytes in all: the least recent ("a") goes
    assert len(memo) == 2 and memo.bytes == 800
    memo("huge")  # alone over the bound: kept, everything older goes
    assert len(memo) == 1 and memo.bytes == 5000


def test_a_runs_bytes_are_counted_from_its_arrays():
    import numpy as np

    from ui.cache import nbytes

    problem = lab.make_problem(
        lab.make_dataset(lab.DataSpec(scenario="synthetic", n=1000)), scaled=False
    )
    traj = lab.run(problem, lab.RunSpec(lr=0.01, batch_size=1, epochs=3))
    arrays = [traj.params, traj.grads, traj.batch_loss, traj.train_loss]
    assert nbytes(traj) >= sum(a.nbytes for a in arrays) > 3 * 800 * 4 * 8
    shared = np.ones(100)
    assert nbytes((shared, [shared, {"x": shared}])) == shared.nbytes  # each array once


def test_an_upload_sessions_memo_is_bounded_in_bytes_too():
    """Uploads are memoised per session by the same memo: a few long runs, not eight."""
    import numpy as np

    from ui.cache import _SESSION_MEMO_BYTES, _SESSION_MEMO_SIZE, _Memo

    memo = _Memo(_SESSION_MEMO_SIZE, _SESSION_MEMO_BYTES)
    run = 50 * 2**20  # what a run of a million updates holds
    for k in range(_SESSION_MEMO_SIZE):
        memo.get(("run", k), lambda: np.zeros(run, dtype=np.uint8))
    assert memo.bytes <= _SESSION_MEMO_BYTES and len(memo) == _SESSION_MEMO_BYTES // run
    assert memo.get(("run", _SESSION_MEMO_SIZE - 1), lambda: None) is not None  # newest kept


def test_a_pool_bounds_the_bytes_of_many_memos_together_least_recent_first():
    import numpy as np

    from ui.cache import Pool, _Memo

    pool = Pool(1000)
    a, b = _Memo(10, pool=pool), _Memo(10, pool=pool)
    a.get("a1", lambda: np.zeros(400, dtype=np.uint8))
    b.get("b1", lambda: np.zeros(400, dtype=np.uint8))
    a.get("a1", lambda: None)  # a1 used again: b1 is now the least recent
    b.get("b2", lambda: np.zeros(400, dtype=np.uint8))  # 1200 in all: b1 goes, not a1
    assert pool.bytes == 800 and len(a) == 1 and len(b) == 1
    assert b.get("b2", lambda: None) is not None and a.get("a1", lambda: None) is not None
    b.get("big", lambda: np.zeros(5000, dtype=np.uint8))  # alone over the budget: kept
    assert len(b) == 1 and len(a) == 0 and pool.bytes == 5000


def test_many_sessions_uploads_stay_within_one_budget_and_a_gone_session_frees_its_share():
    """36 heavy sessions used to hold 36 x their own bound (the server rested near 1.1 GiB)."""
    import gc

    import numpy as np

    from ui.cache import _SESSION_MEMO_BYTES, _SESSION_MEMO_SIZE, UPLOADS, Pool, _Memo

    pool = Pool(UPLOADS.max_bytes)
    run = 50 * 2**20
    sessions = [_Memo(_SESSION_MEMO_SIZE, _SESSION_MEMO_BYTES, pool=pool) for _ in range(36)]
    for memo in sessions:
        for k in range(3):
            memo.get(("run", k), lambda: np.zeros(run, dtype=np.uint8))
        assert pool.bytes <= UPLOADS.max_bytes  # at every step, not only at the end
    assert sum(len(m) for m in sessions) == UPLOADS.max_bytes // run
    assert len(sessions[-1]) >= 1  # the newest session keeps its newest run
    held = pool.bytes
    del sessions[-1], memo  # the session ends: nothing refers to its memo any more
    gc.collect()
    assert pool.bytes < held  # the session's memo went with it, and its bytes with it
