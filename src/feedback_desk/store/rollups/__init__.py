"""Daily rollups of the reviews and prompts, kept exact by database triggers (see specs.py)."""
