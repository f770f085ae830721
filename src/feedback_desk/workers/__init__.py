"""Thin QThread wrappers that run a service off the GUI thread and report through signals."""
