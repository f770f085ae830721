"""Closing the loop: non-respondents and thanking the promoters."""
