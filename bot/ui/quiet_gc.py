"""Python's full garbage collection scans every object, and in a long
conversation that takes a tenth of a second: if it lands on a key press,
the next line is late. So the objects that live all session (the library,
the screens) are frozen out of the scan, and full collections are moved
from the middle of a key press to a quiet timer."""

import gc

EVERY = 5.0  # seconds between full collections


def collect_between_keys(app) -> None:
    """Call once the app is up. Process-wide, so only for the real app and the benchmark."""
    gc.collect()
    gc.freeze()
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, 1_000_000)  # no automatic full collection
    gc.enable()  # launch turned collection off for the start-up
    app.set_interval(EVERY, lambda: gc.collect(2), name="quiet garbage collection")
