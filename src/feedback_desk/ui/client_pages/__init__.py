"""The client pages in the window: the server it runs while ``web.enabled``, and how it is
going (the status bar and Settings → Client pages show it)."""
