"""A paired kiosk spoken to over plain HTTP (requests), for what a browser would never send."""

from __future__ import annotations

import re

import requests

from tests.webpages.conftest import Pages

TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def form_token(html: str) -> str:
    found = TOKEN.search(html)
    assert found is not None, "no form on the page"
    return found.group(1)


class Kiosk:
    """One tablet: its cookies, and the form token of the last page it saw."""

    def __init__(self, pages: Pages) -> None:
        self.pages = pages
        self.http = requests.Session()
        self.token = ""

    def get(self, path: str) -> requests.Response:
        response = self.http.get(self.pages.url(path), allow_redirects=True, timeout=10)
        if TOKEN.search(response.text):
            self.token = form_token(response.text)
        return response

    def post(
        self,
        path: str,
        data: dict[str, str | list[str]] | bytes,
        *,
        allow_redirects: bool = True,
        headers: dict[str, str] | None = None,
    ) -> requests.Response:
        if isinstance(data, dict) and "csrf_token" not in data:
            data = {"csrf_token": self.token, **data}
        response = self.http.post(
            self.pages.url(path),
            data=data,
            allow_redirects=allow_redirects,
            headers=headers,
            timeout=10,
        )
        if TOKEN.search(response.text):
            self.token = form_token(response.text)
        return response

    def pair(self) -> Kiosk:
        self.get("/pair")
        response = self.post("/pair", {"code": self.pages.pairing_code()})
        assert response.status_code == 200
        assert "fd_device" in self.http.cookies
        return self

    def choose(self, search: str) -> requests.Response:
        """Search and tap the first result: the question page (or the thanks)."""
        self.get("/kiosk")
        self.post("/kiosk/search", {"q": search})
        return self.post("/kiosk/choose", {"choice": "0"})
