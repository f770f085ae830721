"""Secrets go to the keyring only; with no usable keyring they are refused, kept nowhere else."""

from __future__ import annotations

import json
import subprocess

from tests.conftest import PYTHON, subprocess_env


def test_the_smtp_password_goes_to_the_keyring_and_is_never_printed(
    cli, store_path, keyring_file
) -> None:  # type: ignore[no-untyped-def]
    result = cli("config", "smtp.password", "s3cret-Pa55")
    assert result.code == 0
    assert "s3cret-Pa55" not in result.out
    assert "s3cret-Pa55" in json.loads(keyring_file.read_text()).values()
    assert b"s3cret-Pa55" not in store_path.read_bytes()
    assert cli("config", "smtp.password").out.strip() == "(set, in the system keyring)"
    assert "s3cret-Pa55" not in cli("config").out


def test_an_empty_value_removes_the_secret(cli, keyring_file) -> None:  # type: ignore[no-untyped-def]
    cli("config", "smtp.password", "s3cret")
    assert cli("config", "smtp.password", "").code == 0
    assert json.loads(keyring_file.read_text()) == {}
    assert cli("config", "smtp.password").out.strip() == "(not set)"


def test_two_stores_keep_separate_secrets(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    cli("config", "smtp.password", "for-the-studio")
    other = str(tmp_path / "demo.sqlite")
    assert cli("config", "smtp.password", "--store", other, store=False).out.strip() == "(not set)"


def test_without_a_usable_keyring_the_secret_is_refused_and_written_nowhere(  # type: ignore[no-untyped-def]
    store_path, tmp_path
) -> None:
    env = subprocess_env()
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    result = subprocess.run(
        [
            PYTHON,
            "-m",
            "feedback_desk",
            "config",
            "smtp.password",
            "hunter2",
            "--store",
            str(store_path),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert "no usable system keyring" in result.stderr
    assert "PYTHON_KEYRING_BACKEND" in result.stderr
    assert "Traceback" not in result.stderr
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert b"hunter2" not in path.read_bytes(), path
