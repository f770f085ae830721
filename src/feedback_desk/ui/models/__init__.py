"""Qt item models over the store (lazy where the data can be large)."""
