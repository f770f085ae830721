"""The charts' look: a colour-blind-safe palette (Okabe & Ito) and readable defaults."""

from __future__ import annotations

from typing import Final

# Okabe-Ito: distinguishable with every common colour-vision deficiency.
PROMOTER: Final = "#009E73"  # bluish green
PASSIVE: Final = "#E69F00"  # orange
DETRACTOR: Final = "#D55E00"  # vermillion
LINE: Final = "#0072B2"  # blue: response rate, averages, "after integration"
BEFORE: Final = "#9E9E9E"  # grey: "before integration"
ACCENT: Final = "#56B4E9"  # sky blue
NEUTRAL: Final = "#000000"
EXCEL: Final = PROMOTER
TO_IMPROVE: Final = DETRACTOR
SERIES: Final = (LINE, PASSIVE, PROMOTER, DETRACTOR, ACCENT, "#CC79A7", "#F0E442", NEUTRAL)

RC_PARAMS: Final = {
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.titleweight": "bold",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "y",
    "grid.alpha": 0.3,
    "legend.frameon": False,
    "figure.autolayout": False,
    # Client text (names, aspects) is plain text: "$…$" is never read as mathematics.
    "text.parse_math": False,
}
