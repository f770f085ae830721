"""Settings pages: standalone widgets the Settings dialog shows, each with ``apply()``."""
