# Replaces PyInstaller's run-time hook for PySide6 (rthooks.dat beside this folder: a hook folder
# given in the spec wins). That hook imports PySide6.QtCore as the frozen app starts, to register
# a qt.conf for Qt builds that lack one, so every command, --help and the headless ones included,
# loaded Qt (and its ICU data) before doing anything. PyPI's PySide6 registers its own
# qt.conf when it is first imported; all that is left to do here is to point Qt at its plugins.
def _pyi_rthook():
    import os
    import sys

    if sys.platform.startswith("win"):
        qt = os.path.join(sys._MEIPASS, "PySide6")
        os.environ["PATH"] = sys._MEIPASS + os.pathsep + os.environ.get("PATH", "")
    else:
        qt = os.path.join(sys._MEIPASS, "PySide6", "Qt")
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt, "plugins")


_pyi_rthook()
del _pyi_rthook
