"""The frozen app's windowed launcher (Start menu, macOS Dock): ``feedback-desk-gui``.

PyInstaller runs this file as ``__main__``; the console executable runs
``src/feedback_desk/__main__.py``. Both only call into the package.
"""

import multiprocessing

# The chart renderer is this program started again (ui/charts/renderer_process.py).
multiprocessing.freeze_support()

from feedback_desk.cli import window_main  # noqa: E402

raise SystemExit(window_main())
