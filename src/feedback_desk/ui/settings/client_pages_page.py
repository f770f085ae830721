"""Settings → Client pages: serving them while the window is open (``web.enabled``), where
(``web.host``, ``web.port``), the public address of the answer pages (``web.public_base_url``),
a QR code of the kiosk's address, pairing a tablet (a 6-digit code and its expiry) and the paired
tablets, each with Unpair.

The settings are saved with the dialog; pairing and unpairing act at once. The QR code (this
PC's network address is a socket call), the code, the devices and unpairing are made and read on
workers. How the server is doing comes from the window (``show_serving``). While a code is
waiting for its tablet, the devices are read again every few seconds, so the tablet shows up as
soon as it is paired."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from feedback_desk.services.audit import default_actor
from feedback_desk.services.client_pages.address import kiosk_url
from feedback_desk.services.client_pages.pairing import (
    MAX_NAME_CHARS,
    DeviceInfo,
    NewPairingCode,
    list_devices,
    make_pairing_code,
    revoke_device,
)
from feedback_desk.services.progress import Progress
from feedback_desk.services.settings import Settings
from feedback_desk.ui.client_pages.serving import Serving, State
from feedback_desk.ui.context import WindowContext, describe_error
from feedback_desk.ui.formatting import format_instant
from feedback_desk.ui.retranslating import KeptText
from feedback_desk.ui.settings.page import ERROR_STYLE, ValuesPage, plain_label, set_row_label

QR_SCALE = 5
# How often the paired devices are read again while a pairing code waits for its tablet.
DEVICE_POLL_MS = 3000
# The QR code follows the address being typed once typing pauses.
QR_DELAY_MS = 400


class ClientPagesPage(ValuesPage):
    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._tz: ZoneInfo = context.settings.timezone
        self._qr_generation = 0
        self._code: NewPairingCode | None = None
        self._devices: list[DeviceInfo] = []
        self._serving = Serving()
        self.kiosk_url = ""

        self.enabled = QCheckBox(self)
        self.host = QLineEdit(self)
        self.host.setPlaceholderText("0.0.0.0")
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.public_url = QLineEdit(self)
        self.public_url.setPlaceholderText("https://avis.example-studio.ca")
        self.server_label = plain_label(self)
        self.serving_box = QGroupBox(self)
        self.form = form = QFormLayout(self.serving_box)
        form.addRow(self.enabled)
        form.addRow(" ", self.host)
        form.addRow(" ", self.port)
        form.addRow(self.server_label)
        form.addRow(" ", self.public_url)
        self.public_note = plain_label(self)
        form.addRow(self.public_note)

        self.qr_label = QLabel(self)
        self.qr_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.kiosk_label = plain_label(self)
        self.kiosk_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.device_name = QLineEdit(self)
        self.device_name.setMaxLength(MAX_NAME_CHARS)
        self.pair_button = QPushButton(self)
        self.pair_button.clicked.connect(self.pair)
        self.code_label = QLabel(self)
        self.code_label.setTextFormat(Qt.TextFormat.PlainText)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setStyleSheet("font-size: 22pt; font-weight: bold;")
        self.code_label.hide()
        self.pairing_label = plain_label(self)
        self.pairing_text = KeptText(self.pairing_label)
        self.devices = QTreeWidget(self)
        self.devices.setRootIsDecorated(False)
        self.devices.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.devices.itemSelectionChanged.connect(self._selection_changed)
        self.unpair_button = QPushButton(self)
        self.unpair_button.setEnabled(False)
        self.unpair_button.clicked.connect(self.unpair)
        self.devices_label = plain_label(self)
        self.devices_text = KeptText(self.devices_label)

        self.tablets = tablets = QGroupBox(self)
        tablets_layout = QVBoxLayout(tablets)
        tablets_layout.addWidget(self.qr_label)
        tablets_layout.addWidget(self.kiosk_label)
        pairing = QHBoxLayout()
        pairing.addWidget(self.device_name, 1)
        pairing.addWidget(self.pair_button)
        tablets_layout.addLayout(pairing)
        tablets_layout.addWidget(self.code_label, 0, Qt.AlignmentFlag.AlignHCenter)
        tablets_layout.addWidget(self.pairing_label)
        self.devices_heading = plain_label(self)
        tablets_layout.addWidget(self.devices_heading)
        tablets_layout.addWidget(self.devices)
        unpairing = QHBoxLayout()
        unpairing.addWidget(self.devices_label, 1)
        unpairing.addWidget(self.unpair_button)
        tablets_layout.addLayout(unpairing)

        layout = QVBoxLayout(self)
        layout.addWidget(self.serving_box)
        layout.addWidget(self.problems_label)
        layout.addWidget(tablets)
        layout.addStretch(1)

        self._qr_timer = QTimer(self)
        self._qr_timer.setSingleShot(True)
        self._qr_timer.setInterval(QR_DELAY_MS)
        self._qr_timer.timeout.connect(self.draw_qr)
        self.host.textEdited.connect(self._qr_timer.start)
        self.port.valueChanged.connect(self._qr_timer.start)
        self.device_poll = QTimer(self)
        self.device_poll.setInterval(DEVICE_POLL_MS)
        self.device_poll.timeout.connect(self._poll_devices)

        self.retranslate()
        self.show_serving(Serving())
        self.load(context.settings)
        self.read_devices()

    def retranslate(self) -> None:
        self.enabled.setText(self.tr("Serve the client pages while this window is open"))
        self.host.setToolTip(self.tr("0.0.0.0: every network of this PC"))
        self.serving_box.setTitle(self.tr("Serving"))
        set_row_label(self.form, self.host, self.tr("Address:"))
        set_row_label(self.form, self.port, self.tr("Port:"))
        set_row_label(self.form, self.public_url, self.tr("Public address of the answer pages:"))
        self.public_note.setText(
            self.tr(
                "When set, email requests link to their answer page at this address (a "
                "tunnel the studio runs, publishing only /a/ and /static/). Empty: clients "
                "answer by replying to the email."
            )
        )
        self.device_name.setPlaceholderText(self.tr("Tablet name (optional)"))
        self.pair_button.setText(self.tr("Pair a tablet"))
        self.devices.setHeaderLabels([self.tr("Tablet"), self.tr("Paired"), self.tr("Last seen")])
        self.unpair_button.setText(self.tr("Unpair"))
        self.tablets.setTitle(self.tr("Kiosk tablets"))
        self.server_label.setText(self._serving.describe())
        self._say_kiosk_url()
        self._say_devices_heading()
        self.pairing_text.again()
        self.devices_text.again()

    # ------------------------------------------------------------------ settings

    def show_values(self, settings: Settings) -> None:
        self._tz = settings.timezone
        self.enabled.setChecked(settings.flag("web.enabled"))
        self.host.setText(settings.text("web.host"))
        self.port.setValue(settings.integer("web.port"))
        self.public_url.setText(settings.text("web.public_base_url"))
        self.draw_qr()

    def values(self) -> dict[str, str]:
        return {
            "web.enabled": "yes" if self.enabled.isChecked() else "no",
            "web.host": self.host.text(),
            "web.port": str(self.port.value()),
            "web.public_base_url": self.public_url.text(),
        }

    def show_serving(self, serving: Serving) -> None:
        """How the window's server is doing (the window tells every open page)."""
        self._serving = serving
        self.server_label.setText(serving.describe())
        self.server_label.setStyleSheet(ERROR_STYLE if serving.state is State.FAILED else "")

    # ------------------------------------------------------------------ the kiosk's address

    def draw_qr(self) -> None:
        """The QR code of the kiosk's address as typed (this PC's address is looked up on a
        worker when it listens on every network)."""
        self._qr_timer.stop()
        self._qr_generation += 1
        generation = self._qr_generation
        host, port = self.host.text().strip() or "0.0.0.0", self.port.value()

        def draw(_progress: Progress) -> tuple[str, bytes]:
            from feedback_desk.services.client_pages.qr import qr_png

            url = kiosk_url(host, port)
            return url, qr_png(url, scale=QR_SCALE)

        self.tasks.run(
            draw,
            name="client-pages-qr",
            on_done=lambda drawn: self._show_qr(generation, *drawn),
        )

    def _show_qr(self, generation: int, url: str, png: bytes) -> None:
        if generation != self._qr_generation:
            return  # the address changed meanwhile
        pixmap = QPixmap()
        pixmap.loadFromData(png, "PNG")
        self.qr_label.setPixmap(pixmap)
        self.kiosk_url = url
        self._say_kiosk_url()

    def _say_kiosk_url(self) -> None:
        url = self.kiosk_url
        if not url:
            return  # not drawn yet
        self.qr_label.setAccessibleName(self.tr("QR code of {url}").format(url=url))
        self.kiosk_label.setText(
            self.tr("Scan it with the tablet's camera, or open {url} in its browser.").format(
                url=url
            )
        )

    # ------------------------------------------------------------------ pairing

    def pair(self) -> None:
        name, clock, actor = self.device_name.text(), self.context.clock, default_actor()

        def make(session: Session) -> NewPairingCode:
            return make_pairing_code(session, at=clock.now(), actor=actor, device_name=name)

        self.pair_button.setEnabled(False)
        self.pairing_label.setStyleSheet("")
        self.pairing_text.say(lambda: self.tr("Making a pairing code…"))
        self.tasks.write(
            self.tr("a pairing code"),
            make,
            on_done=self._show_code,
            on_error=self._pairing_failed,
        )

    def _show_code(self, code: NewPairingCode) -> None:
        self.pair_button.setEnabled(True)
        self._code = code
        self.code_label.setText(f"{code.code[:3]} {code.code[3:]}")
        self.code_label.setAccessibleName(code.code)
        self.code_label.show()
        served = self._serving.state is State.SERVING
        tz = self._tz

        def text() -> str:
            said = self.tr(
                "Code for {name}, valid until {time}: on the tablet, open the kiosk's address "
                "and type it (once)."
            ).format(name=code.device_name, time=format_instant(code.expires_at, tz))
            if not served:
                said += " " + self.tr(
                    "The client pages are not served yet: switch them on above, then save."
                )
            return said

        self.pairing_text.say(text)
        self.device_poll.start()

    def _pairing_failed(self, exc: BaseException) -> None:
        self.pair_button.setEnabled(True)
        self.pairing_label.setStyleSheet(ERROR_STYLE)
        # The error itself is kept: its words follow the language it is said in.
        self.pairing_text.say(
            lambda: self.tr("No pairing code: {why}").format(why=describe_error(exc))
        )

    def _poll_devices(self) -> None:
        code = self._code
        if code is None or self.context.clock.now() >= code.expires_at:
            self.device_poll.stop()
            if code is not None:
                self._code = None
                self.code_label.hide()
                self.pairing_text.say(
                    lambda: self.tr("The pairing code has expired; pair again for a new one.")
                )
            return
        if not self.tasks.busy:
            self.read_devices()

    # ------------------------------------------------------------------ paired devices

    def read_devices(self) -> None:
        self.tasks.query(
            self.tr("the paired tablets"),
            list_devices,
            self._show_devices,
            lambda exc: self.devices_text.say(lambda: describe_error(exc)),
        )

    def _show_devices(self, devices: list[DeviceInfo]) -> None:
        known = {device.id for device in self._devices}
        self._devices = list(devices)
        paired = [device for device in devices if device.id not in known]
        if self._code is not None and paired:
            self.device_poll.stop()
            self._code = None
            self.code_label.hide()
            name = paired[-1].name
            self.pairing_text.say(lambda: self.tr("{name} is paired.").format(name=name))
        self.devices.clear()
        for device in devices:
            item = QTreeWidgetItem(
                [
                    device.name,
                    format_instant(device.paired_at, self._tz),
                    format_instant(device.last_seen_at, self._tz),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, device.id)
            item.setToolTip(0, device.user_agent)
            self.devices.addTopLevelItem(item)
        self._say_devices_heading()
        self._selection_changed()

    def _say_devices_heading(self) -> None:
        self.devices_heading.setText(
            self.tr("Paired tablets:") if self._devices else self.tr("No tablet is paired yet.")
        )

    def _selected_device(self) -> DeviceInfo | None:
        items = self.devices.selectedItems()
        if not items:
            return None
        device_id = items[0].data(0, Qt.ItemDataRole.UserRole)
        return next((d for d in self._devices if d.id == device_id), None)

    def _selection_changed(self) -> None:
        self.unpair_button.setEnabled(self._selected_device() is not None)

    def unpair(self) -> None:
        device = self._selected_device()
        if device is None:
            return
        clock, actor = self.context.clock, default_actor()

        def revoke(session: Session) -> str:
            return revoke_device(session, device.id, at=clock.now(), actor=actor)

        self.unpair_button.setEnabled(False)
        self.tasks.write(
            self.tr("unpairing a tablet"),
            revoke,
            on_done=self._unpaired,
            on_error=lambda exc: self.devices_text.say(lambda: describe_error(exc)),
        )

    def _unpaired(self, name: str) -> None:
        self.devices_text.say(
            lambda: self.tr("{name} is unpaired: it leaves the kiosk at its next page.").format(
                name=name
            )
        )
        self.read_devices()
