"""Timing shared by the benchmarks: percentiles, latency samples, rounds alternating ours and a baseline,
and a clock that keeps the time spent making data out of what is measured."""

import statistics
import time


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def latency(function, items, rounds=1):
    """Calls `function` on each of `items`, `rounds` times over; p50 and p95 of the calls in milliseconds."""
    samples = []
    for _ in range(rounds):
        for item in items:
            start = time.perf_counter()
            function(item)
            samples.append((time.perf_counter() - start) * 1000)
    return {"p50": statistics.median(samples), "p95": percentile(samples, 0.95), "n": len(samples)}


def seconds(function):
    """How long one call of `function` takes, and what it returned."""
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def alternate(sides, rounds, label=""):
    """Runs each of `sides` ({name: function returning a measure}) in turn, `rounds` times, so that the sides
    share whatever else the machine is doing; returns the list of rounds ({name: measure})."""
    found = []
    for number in range(1, rounds + 1):
        print(f"{label}round {number}/{rounds}…", flush=True)
        result = {}
        for name, function in sides.items():
            result[name] = function()
            print(f"  {name}: {result[name]}", flush=True)
        found.append(result)
    return found


def median_of(rounds, name, key=None):
    return statistics.median(r[name][key] if key else r[name] for r in rounds)


class SetupClock:
    """Time spent making data inside a measured stretch (a generator of synthetic records read lazily by the
    code under test), to be taken out of the measure: making the data set is not what is measured."""

    def __init__(self):
        self.seconds = 0.0

    def wrap(self, iterable):
        iterator = iter(iterable)
        while True:
            start = time.perf_counter()
            try:
                item = next(iterator)
            except StopIteration:
                return
            finally:
                self.seconds += time.perf_counter() - start
            yield item
