"""Widgets of the Google Business Profile feature."""
