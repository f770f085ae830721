"""Clients and coaches, with the studio's own ids kept as given."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from feedback_desk.domain.text import fold
from feedback_desk.store.base import Base


class Client(Base):
    __tablename__ = "clients"

    id: Mapped[int] = mapped_column(primary_key=True)
    external_id: Mapped[str] = mapped_column(String(64), unique=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    # Folded "first last id" so that search ignores case and accents on every database.
    search_key: Mapped[str] = mapped_column(String(300), default="")
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(40))
    language: Mapped[str | None] = mapped_column(String(2))
    email_consent: Mapped[bool] = mapped_column(default=False)
    unsubscribed_at: Mapped[datetime | None]
    joined_on: Mapped[date | None]
    # Staff's "this client has reviewed us on Google" (a link to a Google review counts too).
    google_reviewed_marked_at: Mapped[datetime | None]
    google_reviewed_marked_by: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    __table_args__ = (Index("ix_clients_search_key", "search_key"),)

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def short_name(self) -> str:
        """First name and last initial: what the kiosk shows to other clients."""
        initial = self.last_name[:1].upper()
        return f"{self.first_name} {initial}." if initial else self.first_name

    def refresh_search_key(self) -> None:
        self.search_key = fold(f"{self.first_name} {self.last_name} {self.external_id}")


class Coach(Base):
    __tablename__ = "coaches"

    id: Mapped[int] = mapped_column(primary_key=True)
    external_id: Mapped[str] = mapped_column(String(64), unique=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    email: Mapped[str | None] = mapped_column(String(254))

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()
