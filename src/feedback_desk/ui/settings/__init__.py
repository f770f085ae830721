"""Pages of the Settings dialog."""
