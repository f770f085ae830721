"""Classes, their sessions, and who attended."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback_desk.store.base import Base
from feedback_desk.store.models.people import Client, Coach


class ClassType(Base):
    """A kind of class, e.g. "Spin 45" (table ``classes``)."""

    __tablename__ = "classes"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)


class ClassSession(Base):
    """One occurrence of a class, taught by one coach (table ``sessions``)."""

    __tablename__ = "sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    external_id: Mapped[str] = mapped_column(String(64), unique=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("classes.id"))
    coach_id: Mapped[int] = mapped_column(ForeignKey("coaches.id"))
    starts_at: Mapped[datetime]
    duration_min: Mapped[int] = mapped_column(default=60)
    location: Mapped[str | None] = mapped_column(String(120))

    class_type: Mapped[ClassType] = relationship(lazy="joined", innerjoin=True)
    coach: Mapped[Coach] = relationship(lazy="joined", innerjoin=True)

    __table_args__ = (
        Index("ix_sessions_starts_at", "starts_at"),
        Index("ix_sessions_coach_class", "coach_id", "class_id"),
    )

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_min)


class Attendance(Base):
    """A client booked in a session, present or not; one per (session, client)."""

    __tablename__ = "attendance"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    present: Mapped[bool]

    session: Mapped[ClassSession] = relationship()
    client: Mapped[Client] = relationship()

    __table_args__ = (
        UniqueConstraint("session_id", "client_id", name="uq_attendance_session_client"),
        Index("ix_attendance_client_session", "client_id", "session_id", "present"),
    )
