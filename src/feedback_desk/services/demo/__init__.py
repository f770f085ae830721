"""The demo studio: a deterministic, believable year of a fitness studio's feedback.

``write_demo(path, DemoOptions(until=...))`` writes it; the same options give the same data.
"""

from feedback_desk.services.demo.builder import DemoOptions
from feedback_desk.services.demo.output import DemoSummary, write_demo

__all__ = ["DemoOptions", "DemoSummary", "write_demo"]
