"""Feedback Desk: collect, understand and act on what a studio's clients think."""

__version__ = "0.1.0"
# One id everywhere the desktop names the application: the Linux desktop file and AppStream
# metainfo, the macOS bundle identifier and Qt's desktop file name (installer/ uses it too).
APP_ID = "ca.feedbackdesk.FeedbackDesk"
