"""The coder's bounded memos (text._memo.Generations): at most two generations of ``bound`` entries, an entry used
in every generation never worked out again, the bound checked when an entry is added."""
from __future__ import annotations

import pickle

from marsad.text._memo import Generations


def _memoized(memo: Generations, bound: int, calls: list[str]):
    def get(key: str) -> str:
        got = memo.get(key)
        if got is None:
            got = memo.recall(key, bound)
            if got is None:
                calls.append(key)
                got = memo.put(key, key.upper(), bound)
        return got
    return get


def test_a_memo_never_holds_more_than_two_generations():
    memo, calls = Generations(), []
    get = _memoized(memo, 100, calls)
    for n in range(10_000):
        assert get(f"w{n}") == f"W{n}"
        assert get(f"w{n // 3}") == f"W{n // 3}"  # recalled from the old generation, or worked out again
        assert len(memo) <= 100 and memo.entries() <= 200
    assert 10_000 <= len(calls) < 20_000


def test_an_entry_used_in_every_generation_is_worked_out_once():
    memo, calls = Generations(), []
    get = _memoized(memo, 50, calls)
    for n in range(5_000):
        get(f"rare{n}")
        if n % 20 == 0:
            assert get("frequent") == "FREQUENT"
    assert calls.count("frequent") == 1
    assert memo.entries() <= 100


def test_recall_moves_an_old_entry_back_and_a_miss_gives_the_default():
    memo = Generations()
    memo.put("a", 1, 2)
    memo.put("b", 2, 2)
    memo.put("c", 3, 2)  # the current generation held 2: a and b are the old one now
    assert dict(memo) == {"c": 3} and memo.old == {"a": 1, "b": 2}
    assert memo.get("a") is None and memo.recall("a", 2) == 1
    assert dict(memo) == {"c": 3, "a": 1} and memo.old == {"b": 2}
    assert memo.recall("b", 2) == 2  # a move back counts against the bound: a new generation first
    assert dict(memo) == {"b": 2} and memo.old == {"c": 3, "a": 1}
    missing = object()
    assert memo.recall("zz", 2, missing) is missing
    memo.put("d", None, 10)  # None is a value like any other (recall's default tells them apart)
    memo.rotate()
    assert memo.recall("d", 10, missing) is None
    memo.forget()
    assert memo.entries() == 0


def test_a_memo_pickles_with_both_generations():
    memo = Generations()
    memo.put("a", 1, 1)
    memo.put("b", 2, 1)
    back = pickle.loads(pickle.dumps(memo))
    assert type(back) is Generations and dict(back) == {"b": 2} and back.old == {"a": 1}
