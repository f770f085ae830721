"""The window's testimonials (seed 000): the tab's parts, the client card's section, inviting
clients and exporting the published page."""
