"""Feedback Desk: collect, understand and act on what a studio's clients think."""

__version__ = "0.1.0"
