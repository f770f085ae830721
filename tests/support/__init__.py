"""Test helpers: real parts on loopback and in temp folders, never mocks of our own modules."""
