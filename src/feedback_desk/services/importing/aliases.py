"""The header names booking systems and spreadsheets use for our fields, in French and English.

Headers are compared by :func:`header_key`: case, accents, spaces and punctuation ignored, so
``"No de membre"``, ``"N° de membre"`` and ``"no. de membre"`` are one name. Each kind has its
own table (``Client ID`` is the id of a clients file but the client_id of a visits file); the
field's own name always matches.
"""

from __future__ import annotations

from feedback_desk.domain.text import fold
from feedback_desk.services.importing.columns import DATE, TIME, ImportKind, field_names


def header_key(name: str) -> str:
    """``" Nom de famille "`` → ``nomdefamille``: what two headers must share to be one name."""
    return "".join(ch for ch in fold(name) if ch.isalnum())


_CLIENT_ID = (
    "Client ID",
    "Customer ID",
    "Member ID",
    "Client number",
    "Member number",
    "ID client",
    "No de client",
    "N° de client",
    "Numéro de client",
    "ID membre",
    "No de membre",
    "N° de membre",
    "Numéro de membre",
    "Code client",
)
_FIRST_NAME = ("First name", "Given name", "Prénom")
_LAST_NAME = ("Last name", "Surname", "Family name", "Nom", "Nom de famille")
_EMAIL = (
    "E-mail",
    "Email address",
    "Courriel",
    "Adresse courriel",
    "Adresse e-mail",
    "Adresse électronique",
)
_PHONE = (
    "Phone",
    "Phone number",
    "Mobile",
    "Mobile phone",
    "Mobile number",
    "Cell",
    "Cell phone",
    "Téléphone",
    "Numéro de téléphone",
    "Cellulaire",
)
_COACH_ID = (
    "Coach ID",
    "Staff ID",
    "Instructor ID",
    "Teacher ID",
    "Employee ID",
    "ID coach",
    "ID employé",
    "No d'employé",
    "Numéro d'employé",
)
_COACH_NAME = (
    "Coach",
    "Staff",
    "Staff name",
    "Instructor",
    "Instructor name",
    "Teacher",
    "Teacher name",
    "Entraîneur",
    "Entraîneuse",
    "Instructeur",
    "Professeur",
    "Animateur",
)
_CLASS_NAME = (
    "Class",
    "Class name",
    "Service name",
    "Activity",
    "Cours",
    "Nom du cours",
    "Activité",
)
_STARTS_AT = ("Start", "Starts", "Start date time", "Date and time", "Date et heure", "Début")
_DATE = ("Class date", "Session date", "Visit date", "Date du cours", "Jour")
_TIME = (
    "Start time",
    "Class time",
    "Visit time",
    "Heure",
    "Heure du cours",
    "Heure de début",
)
_DURATION = ("Duration", "Length", "Minutes", "Durée", "Durée (min)")
_LOCATION = ("Room", "Studio", "Site", "Lieu", "Salle", "Emplacement")
_PRESENT = (
    "Status",
    "Attended",
    "Attendance",
    "Signed in",
    "Checked in",
    "Visit status",
    "Booking status",
    "Statut",
    "Présent",
    "Présence",
    "État",
)
_SESSION_ID = ("Session ID", "Session", "Class ID", "ID séance", "Séance", "No de séance")

_ALIASES: dict[ImportKind, dict[str, tuple[str, ...]]] = {
    ImportKind.CLIENTS: {
        "id": _CLIENT_ID,
        "first_name": _FIRST_NAME,
        "last_name": _LAST_NAME,
        "email": _EMAIL,
        "phone": _PHONE,
        "language": ("Langue", "Preferred language", "Langue de communication"),
        "email_consent": (
            "Email opt-in",
            "Opt-in",
            "Marketing consent",
            "Consentement",
            "Consentement courriel",
        ),
        "joined_on": (
            "Joined",
            "Member since",
            "Sign-up date",
            "Creation date",
            "Membre depuis",
            "Date d'inscription",
            "Inscrit le",
            "Date de création",
        ),
    },
    ImportKind.COACHES: {
        "id": _COACH_ID,
        "first_name": _FIRST_NAME,
        "last_name": _LAST_NAME,
        "email": _EMAIL,
    },
    ImportKind.SESSIONS: {
        "id": _SESSION_ID,
        "class_name": _CLASS_NAME,
        "coach_id": _COACH_ID,
        "starts_at": _STARTS_AT,
        DATE: _DATE,
        TIME: _TIME,
        "duration_min": _DURATION,
        "location": _LOCATION,
    },
    ImportKind.VISITS: {
        "client_id": _CLIENT_ID,
        "class_name": _CLASS_NAME,
        "starts_at": _STARTS_AT,
        DATE: _DATE,
        TIME: _TIME,
        "coach_id": _COACH_ID,
        "coach_name": _COACH_NAME,
        "duration_min": _DURATION,
        "location": _LOCATION,
        "present": _PRESENT,
    },
    ImportKind.ATTENDANCE: {
        "session_id": _SESSION_ID,
        "client_id": _CLIENT_ID,
        "present": _PRESENT,
    },
    ImportKind.REVIEWS: {
        "id": ("Review ID", "ID avis", "No d'avis"),
        "client_id": _CLIENT_ID,
        "kind": ("Type", "Type d'avis"),
        "session_id": _SESSION_ID,
        "stars": ("Rating", "Étoiles", "Note"),
        "created_at": ("Created", "Submitted at", "Date de création", "Soumis le"),
        DATE: ("Review date", "Date de l'avis"),
        TIME: ("Review time", "Heure de l'avis", "Heure"),
        "comment": ("Comments", "Commentaire", "Commentaires"),
        "aspects": ("Tags", "Points"),
    },
}


def _table(kind: ImportKind) -> dict[str, tuple[str, str]]:
    """Header key → (field, the alias as written) for one kind, the fields' own names included."""
    table: dict[str, tuple[str, str]] = {}
    for field in field_names(kind):
        table[header_key(field)] = (field, field)
    for field, names in _ALIASES[kind].items():
        for name in names:
            table.setdefault(header_key(name), (field, name))
    return table


ALIAS_TABLES: dict[ImportKind, dict[str, tuple[str, str]]] = {
    kind: _table(kind) for kind in ImportKind
}


def aliases_of(kind: ImportKind, field: str) -> tuple[str, ...]:
    """The names a header may have for *field* (the window shows them beside each field)."""
    return (field, *_ALIASES[kind].get(field, ()))


def alias_conflicts() -> list[str]:
    """Alias keys that would name two fields of one kind (none: a test keeps it so)."""
    found = []
    for kind, aliases in _ALIASES.items():
        seen: dict[str, str] = {header_key(f): f for f in field_names(kind)}
        for field, names in aliases.items():
            for name in names:
                owner = seen.setdefault(header_key(name), field)
                if owner != field:
                    found.append(f"{kind}: {name!r} names {owner} and {field}")
    return found
