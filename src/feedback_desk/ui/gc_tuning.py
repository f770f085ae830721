"""Keeping Python's garbage collector from pausing the GUI thread.

A full (generation 2) collection walks every tracked object and holds the GIL while it does: with
the window, the store and matplotlib loaded that is a pause of 100-250 ms, long enough to stutter
the window. Freezing what start-up built moves those long-lived objects out of the collector's
walk, so later full collections only visit what was made since.
"""

from __future__ import annotations

import gc


def settle_after_startup() -> None:
    """Call once the window is built and shown: collect what start-up dropped, freeze the rest."""
    gc.collect()
    gc.freeze()
