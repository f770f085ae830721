"""The inbox in the window: Replies to read, one email's panel and dialog, the status-bar count."""
