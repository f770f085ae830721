"""The outbox in the window: the status-bar counts and the Outbox view."""
