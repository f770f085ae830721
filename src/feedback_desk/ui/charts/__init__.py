"""matplotlib charts on a Qt canvas: one style, one canvas widget, one function per chart."""
