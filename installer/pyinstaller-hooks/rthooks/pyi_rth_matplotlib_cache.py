# Replaces PyInstaller's run-time hook for matplotlib, which gives matplotlib a new temporary
# configuration folder at every start: its font list was rebuilt each time the window drew its
# first chart. The frozen app keeps that folder in the user's cache folder instead, as one
# installed with pip does, unless MPLCONFIGDIR names another.
def _pyi_rthook():
    import os

    if os.environ.get("MPLCONFIGDIR"):
        return
    import platformdirs

    cache = platformdirs.user_cache_dir("Feedback Desk", "FeedbackDesk")
    os.environ["MPLCONFIGDIR"] = os.path.join(cache, "matplotlib")


_pyi_rthook()
del _pyi_rthook
