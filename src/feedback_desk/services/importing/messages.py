"""Every problem an import can report: its code and its English text.

The window translates a problem from its code and parameters (the same names as in these
templates); the command line prints these texts. ``{value!q}`` is a value from the file, quoted.
"""

from __future__ import annotations

from enum import StrEnum


class Code(StrEnum):
    # The file as a whole.
    NO_SUCH_FILE = "no_such_file"
    IS_FOLDER = "is_folder"
    UNREADABLE = "unreadable"
    NOT_CSV = "not_csv"
    BINARY = "binary"
    UNDECODABLE = "undecodable"
    MIXED_ENCODING = "mixed_encoding"
    UNCLOSED_QUOTE = "unclosed_quote"
    STRAY_QUOTE = "stray_quote"
    CSV_ERROR = "csv_error"
    EMPTY_FILE = "empty_file"
    SECOND_FILE_OF_KIND = "second_file_of_kind"
    FILE_CHANGED = "file_changed"
    TOO_MANY_PROBLEMS = "too_many_problems"
    UNKNOWN_FILE_KIND = "unknown_file_kind"
    # The header.
    DUPLICATE_COLUMN = "duplicate_column"
    AMBIGUOUS_COLUMNS = "ambiguous_columns"
    MISSING_COLUMN = "missing_column"
    MISSING_EITHER_COLUMN = "missing_either_column"
    MISSING_TIME_COLUMN = "missing_time_column"
    MAPPED_COLUMN_ABSENT = "mapped_column_absent"
    # Mapping files and presets.
    MAPPING_JSON = "mapping_json"
    MAPPING_SHAPE = "mapping_shape"
    MAPPING_KEY = "mapping_key"
    MAPPING_FIELD = "mapping_field"
    MAPPING_FORMAT = "mapping_format"
    MAPPING_VALUE = "mapping_value"
    UNKNOWN_PRESET = "unknown_preset"
    PRESET_KIND = "preset_kind"
    # A row.
    ROW_TOO_LONG = "row_too_long"
    ROW_TOO_SHORT = "row_too_short"
    DUPLICATE_ID = "duplicate_id"
    DUPLICATE_BOOKING = "duplicate_booking"
    DUPLICATE_VISIT = "duplicate_visit"
    UNKNOWN_REFERENCE = "unknown_reference"
    # A cell.
    REQUIRED_EMPTY = "required_empty"
    TOO_LONG = "too_long"
    NOT_BOOLEAN = "not_boolean"
    BOOLEAN_EMPTY = "boolean_empty"
    NOT_STATUS = "not_status"
    NOT_DATETIME = "not_datetime"
    NOT_DATE = "not_date"
    NOT_TIME = "not_time"
    NO_TIME_OF_DAY = "no_time_of_day"
    DATE_ORDER = "date_order"
    TWO_DIGIT_YEAR = "two_digit_year"
    NOT_DATE_FORMAT = "not_date_format"
    DATE_TOO_EARLY = "date_too_early"
    DATE_TOO_LATE = "date_too_late"
    NOT_EMAIL = "not_email"
    NOT_LANGUAGE = "not_language"
    NOT_WHOLE_NUMBER = "not_whole_number"
    NOT_CHOICE = "not_choice"
    RESERVED_ID = "reserved_id"
    CLASS_REVIEW_NO_SESSION_COLUMN = "class_review_no_session_column"
    CLASS_REVIEW_SESSION_EMPTY = "class_review_session_empty"
    BUSINESS_REVIEW_WITH_SESSION = "business_review_with_session"
    CLASS_REVIEW_WITH_RECOMMEND = "class_review_with_recommend"
    INCONSISTENT_SESSION = "inconsistent_session"
    AMBIGUOUS_COACH_NAME = "ambiguous_coach_name"
    COACH_ID_WITHOUT_NAME = "coach_id_without_name"
    # Warnings.
    EDITED_BY_HAND = "edited_by_hand"


_SAVE_AS_CSV = 'save it from the spreadsheet as "CSV UTF-8" and import that file'
_DATE_EXAMPLES = "e.g. 2026-03-14T18:00 or 14/03/2026 18:00"
_FIX_DATES = 'or give a "date_format" in a mapping file (--map)'

TEMPLATES: dict[Code, str] = {
    Code.NO_SUCH_FILE: "no such file",
    Code.IS_FOLDER: "is a folder, not a CSV file",
    Code.UNREADABLE: "cannot be read: {reason}",
    Code.NOT_CSV: f"is not a CSV text file: it looks like {{what}}; {_SAVE_AS_CSV}",
    Code.BINARY: "is not a CSV text file: it holds binary data (a NUL byte); " + _SAVE_AS_CSV,
    Code.UNDECODABLE: "is neither UTF-8 nor Windows-1252 text: byte 0x{byte} cannot be read; "
    + _SAVE_AS_CSV,
    Code.MIXED_ENCODING: "mixes two encodings: line {utf8_line} is UTF-8 text but this line "
    "is not; " + _SAVE_AS_CSV,
    Code.UNCLOSED_QUOTE: 'a quoted value starting on this line is never closed (its closing " '
    "is missing), so the rest of the file cannot be read",
    Code.STRAY_QUOTE: "a quoted value is followed by other characters before the next "
    'delimiter; write a " inside a quoted value as ""',
    Code.CSV_ERROR: "this line cannot be read as CSV ({error})",
    Code.EMPTY_FILE: "the file is empty; its first row must be the header: {columns}",
    Code.SECOND_FILE_OF_KIND: "a second {kind} file in the same import",
    Code.FILE_CHANGED: "the file changed while it was being imported; nothing was written: "
    "import it again once it is complete",
    Code.TOO_MANY_PROBLEMS: "{more} more problems are not listed (the first {listed} are)",
    Code.UNKNOWN_FILE_KIND: "the file's name does not say what it holds: it must start with one "
    "of {prefixes}",
    Code.DUPLICATE_COLUMN: "column {field!q} appears twice",
    Code.AMBIGUOUS_COLUMNS: "columns {first!q} and {second!q} both mean {field}; say which one "
    'to use in a mapping file (--map), e.g. "columns": {{{second!q}: ""}} to ignore the second',
    Code.MISSING_COLUMN: "missing required column {field!q}",
    Code.MISSING_EITHER_COLUMN: "missing required column {first!q} or {second!q}",
    Code.MISSING_TIME_COLUMN: "missing required column {field!q} (or {date!q} and {time!q})",
    Code.MAPPED_COLUMN_ABSENT: "the mapping names column {header!q}, which the file does not have",
    Code.MAPPING_JSON: "is not a valid mapping file: {error}",
    Code.MAPPING_SHAPE: "{key}: {expected}",
    Code.MAPPING_KEY: "unknown key {key!q} (a mapping file has {keys})",
    Code.MAPPING_FIELD: "columns: {header!q} → {field!q}: {kind} files have no such field "
    "(fields: {fields})",
    Code.MAPPING_FORMAT: "{key} {format!q} is not a date or time format ({error})",
    Code.MAPPING_VALUE: "values: {field} {value!q} → {meaning!q}: {expected}",
    Code.UNKNOWN_PRESET: "no preset named {name!q} (presets: {names})",
    Code.PRESET_KIND: "preset {name!q} is for {kinds} files, not {kind}",
    Code.ROW_TOO_LONG: "this line has {count} values but the header has {width} columns "
    "(a value holding {delimiter!q} must be between double quotes)",
    Code.ROW_TOO_SHORT: "this line has {count} values but the header has {width} columns",
    Code.DUPLICATE_ID: "duplicate id {id!q}: already on line {first_line}",
    Code.DUPLICATE_BOOKING: "client {client!q} in session {session!q} appears twice: already "
    "on line {first_line}",
    Code.DUPLICATE_VISIT: "client {client!q} in {class_name!q} on {starts_at} with {coach!q} "
    "appears twice: already on line {first_line}",
    Code.UNKNOWN_REFERENCE: "{field}: unknown {noun} {id!q} (no {noun} with this id in the "
    "store or in this import)",
    Code.REQUIRED_EMPTY: "{field} is empty; it is required",
    Code.TOO_LONG: "{field} is {length} characters long; at most {limit} are allowed",
    Code.NOT_BOOLEAN: "{field}: {value!q} is not yes/no, oui/non, true/false or 1/0",
    Code.BOOLEAN_EMPTY: "{field} is empty; it is required (yes/no, oui/non, true/false or 1/0)",
    Code.NOT_STATUS: "{field}: {value!q} is neither yes/no nor a status word ({words}); say what "
    'it means in a mapping file (--map): "values": {{"{field}": {{{value!q}: "yes"}}}}',
    Code.NOT_DATETIME: f"{{field}}: {{value!q}} is not a date and time ({_DATE_EXAMPLES})",
    Code.NOT_DATE: "{field}: {value!q} is not a date (e.g. 2026-03-14 or 14/03/2026)",
    Code.NOT_TIME: "{field}: {value!q} is not a time of day (e.g. 18:00 or 6:00 PM)",
    Code.NO_TIME_OF_DAY: "{field}: {value!q} has no time of day (e.g. 2026-03-14T18:00)",
    Code.DATE_ORDER: "{field}: {value!q} is not a valid {order} date, but it is one read as "
    f"{{other}}: if the file writes {{other}} dates, set import.date_order to {{other_setting}} "
    f"(feedback-desk config import.date_order {{other_setting}}) {_FIX_DATES}",
    Code.TWO_DIGIT_YEAR: "{field}: {value!q} has a two-digit year; write the year with four "
    f"digits {_FIX_DATES}",
    Code.NOT_DATE_FORMAT: "{field}: {value!q} does not match the mapping's format {format!q}",
    Code.DATE_TOO_EARLY: "{field}: {value!q} is before 1900 (a typo in the year?)",
    Code.DATE_TOO_LATE: "{field}: {value!q} is more than a year after today ({today})",
    Code.NOT_EMAIL: "{field}: {value!q} is not an email address",
    Code.NOT_LANGUAGE: "{field}: {value!q} is not a language (fr or en)",
    Code.NOT_WHOLE_NUMBER: "{field}: {value!q} is not a whole number {span}",
    Code.NOT_CHOICE: "{field}: {value!q} is not one of {choices}",
    Code.RESERVED_ID: "id {id!q}: ids starting with {prefix} are reserved for reviews made in "
    "Feedback Desk",
    Code.CLASS_REVIEW_NO_SESSION_COLUMN: "a class review needs the session it is about: the "
    "file has no session_id",
    Code.CLASS_REVIEW_SESSION_EMPTY: "session_id is empty; a class review needs the session it "
    "is about",
    Code.BUSINESS_REVIEW_WITH_SESSION: "session_id {session!q}: a business review is about the "
    "studio, not a session (leave session_id empty)",
    Code.CLASS_REVIEW_WITH_RECOMMEND: "recommend {value!q}: the 0-10 question goes with business "
    "reviews, not class reviews (leave it empty)",
    Code.INCONSISTENT_SESSION: "{field}: {value!q} differs from line {first_line} ({other!q}) "
    "for the same class, start and coach",
    Code.AMBIGUOUS_COACH_NAME: "coach_name {name!q}: several coaches have this name ({ids}); "
    "give a coach_id column",
    Code.COACH_ID_WITHOUT_NAME: "coach_id {id!q}: unknown coach (no coach with this id in the "
    "store or in this import); import coaches first, or add a coach_name column so that it is "
    "created",
    Code.EDITED_BY_HAND: "review {id!q} was edited by hand: it keeps its {kept} stars (the file "
    "says {given})",
}
