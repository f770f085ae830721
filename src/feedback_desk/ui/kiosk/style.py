"""The kiosk's look: big type and touch targets of at least 48 logical pixels (most are 64+)."""

from __future__ import annotations

from typing import Final

MIN_TOUCH_PX: Final = 64
STAR_PX: Final = 104

STYLE_SHEET: Final = """
#kiosk { background: #FAFAF7; }
#kiosk QLabel { font-size: 20pt; color: #1B1B1B; }
#kiosk QLabel[role="title"] { font-size: 34pt; font-weight: 600; }
#kiosk QLabel[role="question"] { font-size: 28pt; font-weight: 600; }
#kiosk QLabel[role="heading"] { font-size: 24pt; font-weight: 600; }
#kiosk QLabel[role="hint"] { font-size: 16pt; color: #555555; }
#kiosk QLabel[role="error"] { font-size: 18pt; color: #B00020; }
#kiosk QPushButton {
    font-size: 20pt; padding: 8px 24px; border-radius: 14px;
    border: 2px solid #0072B2; background: #FFFFFF; color: #0072B2;
}
#kiosk QPushButton:checked { background: #0072B2; color: #FFFFFF; }
#kiosk QPushButton:disabled { border-color: #BDBDBD; color: #9E9E9E; }
#kiosk QPushButton[role="primary"] { background: #0072B2; color: #FFFFFF; font-weight: 600; }
#kiosk QPushButton[role="quiet"] { border: none; background: transparent; color: #555555; }
#kiosk QPushButton[role="star"] {
    font-size: 48pt; border: none; background: transparent; color: #BDBDBD; padding: 0;
}
#kiosk QPushButton[role="star"]:checked { color: #E69F00; background: transparent; }
#kiosk QLineEdit, #kiosk QPlainTextEdit {
    font-size: 22pt; padding: 8px; border: 2px solid #9E9E9E; border-radius: 12px;
    background: #FFFFFF;
}
#kiosk QScrollArea { border: none; background: transparent; }
#kiosk QWidget#scrollContent { background: transparent; }
#kiosk QScrollBar:vertical { width: 28px; background: transparent; }
#kiosk QScrollBar::handle:vertical { background: #BDBDBD; border-radius: 12px; min-height: 64px; }
#kiosk QScrollBar::add-line:vertical, #kiosk QScrollBar::sub-line:vertical { height: 0; }
"""
