"""What a client could not read in full on the kiosk's screen: a label squeezed below the height
its wrapped text needs, a button narrower or shorter than its text, or anything cut by the edge
of what holds it (a scroll area may hide it above or below: a finger scrolls there)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

READ = (QLabel, QAbstractButton, QLineEdit, QPlainTextEdit)


def _is_read(widget: QWidget) -> bool:
    if isinstance(widget, QAbstractButton):
        return bool(widget.text())  # a line edit's clear button is part of the line edit
    return isinstance(widget, READ)


def clipped(window: QWidget) -> list[str]:
    found = []
    for widget in window.findChildren(QWidget):
        if widget.window() is not window or not widget.isVisibleTo(window):
            continue
        if not _is_read(widget):
            continue
        name = f"{type(widget).__name__} {getattr(widget, 'text', lambda: '')()!r}"
        if isinstance(widget, QLabel) and widget.text():
            if widget.wordWrap():
                if widget.heightForWidth(widget.width()) > widget.height():
                    found.append(f"{name}: its lines do not fit")
            elif widget.sizeHint().width() > widget.width():
                found.append(f"{name}: too narrow")
        if isinstance(widget, QAbstractButton):
            hint = widget.sizeHint()
            if hint.width() > widget.width() or hint.height() > widget.height():
                found.append(f"{name}: smaller than its text")
        why = _cut(window, widget)
        if why:
            found.append(f"{name}: {why}")
    return found


def _cut(window: QWidget, widget: QWidget) -> str | None:
    """Whether an ancestor cuts *widget* off (a scroll area's viewport only sideways)."""
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None:
        holder = QRect(parent.mapTo(window, QPoint(0, 0)), parent.size())
        if parent is window:
            holder = window.rect()
        scrolls = isinstance(parent.parentWidget(), QAbstractScrollArea) and (
            parent is parent.parentWidget().viewport()  # type: ignore[union-attr]
        )
        if scrolls:
            if rect.left() < holder.left() or rect.right() > holder.right():
                return "cut off sideways"
            return None  # above or below: scrolled to
        if not holder.contains(rect):
            return f"cut off by {type(parent).__name__}"
        if parent is window:
            return None
        parent = parent.parentWidget()
    return None


def fully_shown(window: QWidget, widget: QWidget) -> bool:
    """*widget* is on screen whole: no ancestor (a scroll area included) hides any of it."""
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if not QRect(parent.mapTo(window, QPoint(0, 0)), parent.size()).contains(rect):
            return False
        parent = parent.parentWidget()
    return window.rect().contains(rect)
