"""QtNetwork for the frozen app: the module and its library, without Qt's network plugins.

The window uses QtNetwork only for QLocalServer/QLocalSocket (one window per store,
``ui/single_instance.py``): no TLS, no network-state watching. PyInstaller's own hook adds the TLS
backends and the network-information plugins, which pull in GIO, Kerberos and OpenSSL copies.
Hooks in the spec's ``hookspath`` take precedence over PyInstaller's, so this one replaces it.
"""

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

# add_qt6_dependencies also lists the plugin types Qt ties to the module (tls,
# networkinformation): none is kept.

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [(source, destination) for source, destination in binaries if "plugins" not in destination]
