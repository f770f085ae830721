"""The frozen app's windowed launcher (Start menu, macOS Dock): ``feedback-desk-gui``.

PyInstaller runs this file as ``__main__``; the console executable runs
``src/feedback_desk/__main__.py``. Both only call into the package.
"""

from feedback_desk.cli import window_main

raise SystemExit(window_main())
