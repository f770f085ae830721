"""QtGui's Qt plugins for the frozen app: only those a desktop window of Feedback Desk uses.

PyInstaller's own hook for PySide6.QtGui collects every plugin of every type (GTK's platform
theme alone pulls in some 20 MB of GTK, Cairo and Pango libraries). Hooks in the spec's
``hookspath`` take precedence over PyInstaller's, so this one replaces it: it asks PyInstaller's
helper for the same files and keeps the plugins listed below. Plugins left out are never
analysed, so neither are the libraries they would have pulled in.
"""

from pathlib import PurePath

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

# Plugin folder → the plugins kept (file names without "lib" and extension); None keeps all.
KEPT_PLUGINS = {
    # The desktop sessions of each system, and offscreen for `feedback-desk screenshot`.
    "platforms": {"qxcb", "qwayland", "qwindows", "qdirect2d", "qcocoa", "qoffscreen", "qminimal"},
    "platforms/darwin": None,
    # File dialogs through the desktop portal (Flatpak, GNOME, KDE); GTK's theme is left out.
    "platformthemes": {"qxdgdesktopportal"},
    # Dead keys and compose sequences (é, ç) and input methods.
    "platforminputcontexts": {"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"},
    # Icon themes' SVG icons (file dialogs, message boxes); the app's own icons are PNGs.
    "imageformats": {"qsvg"},
    "iconengines": None,
    "xcbglintegrations": None,
    "wayland-decoration-client": None,
    "wayland-graphics-integration-client": None,
    "wayland-shell-integration": None,
    "accessiblebridge": None,
}


def _kept(source: str, destination: str) -> bool:
    parts = PurePath(destination).parts
    if "plugins" not in parts:
        return True
    folder = "/".join(parts[parts.index("plugins") + 1 :])
    if folder not in KEPT_PLUGINS:
        return False
    wanted = KEPT_PLUGINS[folder]
    name = PurePath(source).name.split(".")[0].removeprefix("lib")
    return wanted is None or name in wanted


hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [(source, destination) for source, destination in binaries if _kept(source, destination)]
