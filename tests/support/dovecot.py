"""A real IMAP server for the inbox tests: Dovecot with a throw-away configuration.

One instance per test session, on free loopback ports: plain IMAP (with STARTTLS) and IMAP over
TLS, with a certificate from a ``trustme`` authority that the tests trust. Any user name logs in
with one password (a static passdb), so each test gets a fresh mailbox by using a new name. Mail
is delivered by IMAP APPEND, as a mail server would leave it.

Dovecot refuses to give mail to root, so when the tests run as root the mailboxes belong to
``nobody``. Without the binary (Debian's ``dovecot-imapd``) the inbox tests are skipped.
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import count
from pathlib import Path
from typing import Any

import trustme

DOVECOT = Path("/usr/sbin/dovecot")
# Every user has this password (a static passdb): a new user name is a new, empty mailbox.
PASSWORD = "s3cret-pass"
_users = count(1)


def dovecot_binary() -> Path | None:
    found = shutil.which("dovecot")
    if found:
        return Path(found)
    return DOVECOT if DOVECOT.exists() else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _die_with_parent() -> None:
    """Linux: the server stops when the test process dies, even killed or crashed."""
    if sys.platform.startswith("linux"):
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


def _wait_for(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"dovecot stopped at once: {log.read_text(errors='replace')}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError("dovecot did not start listening within 20 seconds")


@dataclass(frozen=True)
class MailboxUser:
    server: DovecotServer
    username: str
    password: str

    def client(self) -> Any:
        from imapclient import IMAPClient

        client = IMAPClient("127.0.0.1", port=self.server.port, ssl=False, timeout=10)
        client.login(self.username, self.password)
        return client

    def append(self, raw: bytes, *, folder: str = "INBOX", flags: Sequence[bytes] = ()) -> None:
        client = self.client()
        try:
            client.append(folder, raw, flags=tuple(flags))
        finally:
            client.logout()

    def messages(self, folder: str = "INBOX") -> dict[int, tuple[tuple[bytes, ...], bytes]]:
        """UID → (flags, subject header line) of every message in *folder*."""
        client = self.client()
        try:
            if not client.folder_exists(folder):
                return {}
            client.select_folder(folder, readonly=True)
            uids = client.search()
            if not uids:
                return {}
            rows = client.fetch(uids, ["FLAGS", "BODY.PEEK[HEADER.FIELDS (SUBJECT)]"])
            return {
                int(uid): (
                    tuple(f for f in data[b"FLAGS"] if f != b"\\Recent"),
                    bytes(data[b"BODY[HEADER.FIELDS (SUBJECT)]"]).strip(),
                )
                for uid, data in rows.items()
            }
        finally:
            client.logout()


class DovecotServer:
    def __init__(self, binary: Path) -> None:
        self.binary = binary
        self.root = Path(tempfile.mkdtemp(prefix="fd-dc-"))
        self.root.chmod(0o755)
        self.port = _free_port()
        self.tls_port = _free_port()
        self.authority = trustme.CA()
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def log(self) -> Path:
        return self.root / "log"

    def client_context(self) -> ssl.SSLContext:
        """An SSL context that trusts this server's certificate authority."""
        context = ssl.create_default_context()
        self.authority.configure_trust(context)
        return context

    def _config(self) -> str:
        root = self.root
        if os.geteuid() == 0:
            owner, login_user, internal_user = 65534, "dovenull", "dovecot"
        else:
            owner = os.geteuid()
            login_user = internal_user = pwd.getpwuid(owner).pw_name
        for folder in ("mail", "home"):
            (root / folder).mkdir()
            os.chown(root / folder, owner, owner)
        cert = self.authority.issue_cert("127.0.0.1", "localhost")
        cert.cert_chain_pems[0].write_to_path(str(root / "cert.pem"))
        cert.private_key_pem.write_to_path(str(root / "key.pem"))
        return f"""
base_dir = {root}/run
state_dir = {root}/state
instance_name = fd-test-{self.port}
log_path = {self.log}
info_log_path = {self.log}
protocols = imap
listen = 127.0.0.1
ssl = yes
ssl_cert = <{root}/cert.pem
ssl_key = <{root}/key.pem
disable_plaintext_auth = no
auth_mechanisms = plain login
default_login_user = {login_user}
default_internal_user = {internal_user}
first_valid_uid = {owner}
mail_location = maildir:{root}/mail/%u
passdb {{
  driver = static
  args = password={PASSWORD}
}}
userdb {{
  driver = static
  args = uid={owner} gid={owner} home={root}/home/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {self.port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {self.tls_port}
    ssl = yes
  }}
}}
"""

    def start(self) -> DovecotServer:
        config = self.root / "dovecot.conf"
        config.write_text(self._config())
        self._process = subprocess.Popen(
            [str(self.binary), "-F", "-c", str(config)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=_die_with_parent,
        )
        _wait_for(self.port, self._process, self.log)
        return self

    def add_user(self) -> MailboxUser:
        """A user no test used yet, so a fresh, empty mailbox."""
        return MailboxUser(self, f"studio{next(_users)}", PASSWORD)

    def stop(self) -> None:
        if self._process is not None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait(timeout=10)
            self._process = None
        shutil.rmtree(self.root, ignore_errors=True)


@contextmanager
def dovecot_server() -> Iterator[DovecotServer | None]:
    """A running server, or None when Dovecot is not installed here."""
    binary = dovecot_binary()
    if binary is None:
        yield None
        return
    server = DovecotServer(binary).start()
    try:
        yield server
    finally:
        server.stop()
