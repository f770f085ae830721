"""Queries shared by several services."""
