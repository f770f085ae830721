"""An import's problems in the window's language: one translated template per problem code.

The importing service gives each problem a code and its parameters (the English text is the
command line's); the window says it again from its own table, so that it can also say what to do
in the window (choose a column, choose how dates are written) instead of in a mapping file.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject

from feedback_desk.services.importing import Code, Problem
from feedback_desk.services.importing.problems import format_template, quoted


class ProblemTexts(QObject):
    """Says problems in the interface language (built once per dialog, after the translator)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._templates = self._table()

    def _table(self) -> dict[Code, str]:
        return {
            Code.NO_SUCH_FILE: self.tr("the file does not exist"),
            Code.IS_FOLDER: self.tr("this is a folder, not a CSV file"),
            Code.UNREADABLE: self.tr("the file cannot be read: {reason}"),
            Code.NOT_CSV: self.tr("this is not a CSV text file but {what}; {fix}"),
            Code.BINARY: self.tr("this is not a CSV text file (it holds binary data); {fix}"),
            Code.UNDECODABLE: self.tr(
                "the text is neither UTF-8 nor Windows-1252 (byte 0x{byte} cannot be read); {fix}"
            ),
            Code.MIXED_ENCODING: self.tr(
                "the file mixes two encodings: line {utf8_line} is UTF-8 text but this line is "
                "not; {fix}"
            ),
            Code.UNCLOSED_QUOTE: self.tr(
                'a quoted value starting on this line is never closed (its closing " is '
                "missing), so the rest of the file cannot be read"
            ),
            Code.STRAY_QUOTE: self.tr(
                "a quoted value is followed by other characters before the next separator; "
                'a " inside a quoted value is written ""'
            ),
            Code.CSV_ERROR: self.tr("this line cannot be read as CSV ({error})"),
            Code.EMPTY_FILE: self.tr(
                "the file is empty; its first row must be the header: {columns}"
            ),
            Code.SECOND_FILE_OF_KIND: self.tr("a second {kind} file in the same import"),
            Code.FILE_CHANGED: self.tr(
                "the file changed while it was being imported; nothing was written: import it "
                "again once it is complete"
            ),
            Code.TOO_MANY_PROBLEMS: self.tr(
                "{more} more problems are not listed (the first {listed} are)"
            ),
            Code.UNKNOWN_FILE_KIND: self.tr(
                "the file's name does not say what it holds: it must start with one of {prefixes}"
            ),
            Code.DUPLICATE_COLUMN: self.tr("column {field!q} appears twice"),
            Code.AMBIGUOUS_COLUMNS: self.tr(
                'columns {first!q} and {second!q} both give {field}: choose "ignore" for the '
                "one not to use"
            ),
            Code.MISSING_COLUMN: self.tr(
                "no column gives {field!q}, which is required: {choose_column}"
            ),
            Code.MISSING_EITHER_COLUMN: self.tr(
                "no column gives {first!q} or {second!q}; one of them is required: {choose_column}"
            ),
            Code.MISSING_TIME_COLUMN: self.tr(
                "no column gives {field!q} (or {date!q} and {time!q}), which is required: "
                "{choose_column}"
            ),
            Code.MAPPED_COLUMN_ABSENT: self.tr(
                "the mapping names column {header!q}, which the file does not have"
            ),
            Code.MAPPING_JSON: self.tr("the mapping cannot be read: {error}"),
            Code.MAPPING_SHAPE: self.tr("in the mapping, {key}: {expected}"),
            Code.MAPPING_KEY: self.tr("the mapping has an unknown key {key!q} (keys: {keys})"),
            Code.MAPPING_FIELD: self.tr(
                "the mapping sends {header!q} to {field!q}, but {kind} files have no such field "
                "(fields: {fields})"
            ),
            Code.MAPPING_FORMAT: self.tr(
                "the mapping's {key} {format!q} is not a date or time format ({error})"
            ),
            Code.MAPPING_VALUE: self.tr(
                "the mapping's values for {field}: {value!q} → {meaning!q} must say yes or no"
            ),
            Code.UNKNOWN_PRESET: self.tr("there is no preset named {name!q} (presets: {names})"),
            Code.PRESET_KIND: self.tr("the preset {name!q} is for {kinds} files, not {kind}"),
            Code.ROW_TOO_LONG: self.tr(
                "this line has {count} values but the header has {width} columns (a value "
                "holding {delimiter!q} must be between double quotes)"
            ),
            Code.ROW_TOO_SHORT: self.tr(
                "this line has {count} values but the header has {width} columns"
            ),
            Code.DUPLICATE_ID: self.tr("the id {id!q} appears twice: already on line {first_line}"),
            Code.DUPLICATE_BOOKING: self.tr(
                "client {client!q} appears twice in session {session!q}: already on line "
                "{first_line}"
            ),
            Code.DUPLICATE_VISIT: self.tr(
                "client {client!q} appears twice in {class_name!q} on {starts_at} with "
                "{coach!q}: already on line {first_line}"
            ),
            Code.UNKNOWN_REFERENCE: self.tr(
                "{field}: {id!q} is in neither the store nor this import"
            ),
            Code.REQUIRED_EMPTY: self.tr("{field} is empty; it is required"),
            Code.TOO_LONG: self.tr(
                "{field} is {length} characters long; at most {limit} are allowed"
            ),
            Code.NOT_BOOLEAN: self.tr(
                "{field}: {value!q} is not yes/no, oui/non, true/false or 1/0"
            ),
            Code.BOOLEAN_EMPTY: self.tr(
                "{field} is empty; it is required (yes/no, oui/non, true/false or 1/0)"
            ),
            Code.NOT_STATUS: self.tr(
                "{field}: {value!q} is neither yes/no nor a status word ({words})"
            ),
            Code.NOT_DATETIME: self.tr(
                "{field}: {value!q} is not a date and time (e.g. 2026-03-14T18:00 or "
                "14/03/2026 18:00)"
            ),
            Code.NOT_DATE: self.tr(
                "{field}: {value!q} is not a date (e.g. 2026-03-14 or 14/03/2026)"
            ),
            Code.NOT_TIME: self.tr(
                "{field}: {value!q} is not a time of day (e.g. 18:00 or 6:00 PM)"
            ),
            Code.NO_TIME_OF_DAY: self.tr(
                "{field}: {value!q} has no time of day (e.g. 2026-03-14T18:00)"
            ),
            Code.DATE_ORDER: self.tr(
                "{field}: {value!q} is not a valid {order} date, but it is one as {other}: "
                "choose {other} for this file's dates"
            ),
            Code.TWO_DIGIT_YEAR: self.tr(
                "{field}: {value!q} has a two-digit year; the year must have four digits"
            ),
            Code.NOT_DATE_FORMAT: self.tr(
                "{field}: {value!q} does not match the mapping's format {format!q}"
            ),
            Code.DATE_TOO_EARLY: self.tr("{field}: {value!q} is before 1900 (a typo in the year?)"),
            Code.DATE_TOO_LATE: self.tr(
                "{field}: {value!q} is more than a year after today ({today})"
            ),
            Code.NOT_EMAIL: self.tr("{field}: {value!q} is not an email address"),
            Code.NOT_LANGUAGE: self.tr("{field}: {value!q} is not a language (fr or en)"),
            Code.NOT_WHOLE_NUMBER: self.tr("{field}: {value!q} is not a whole number {span}"),
            Code.NOT_CHOICE: self.tr("{field}: {value!q} is not one of {choices}"),
            Code.RESERVED_ID: self.tr(
                "id {id!q}: ids starting with {prefix} are reserved for reviews made in "
                "Feedback Desk"
            ),
            Code.CLASS_REVIEW_NO_SESSION_COLUMN: self.tr(
                "a class review needs the session it is about: the file has no session_id"
            ),
            Code.CLASS_REVIEW_SESSION_EMPTY: self.tr(
                "session_id is empty; a class review needs the session it is about"
            ),
            Code.BUSINESS_REVIEW_WITH_SESSION: self.tr(
                "session_id {session!q}: a business review is about the studio, not a session "
                "(leave session_id empty)"
            ),
            Code.CLASS_REVIEW_WITH_RECOMMEND: self.tr(
                "recommend {value!q}: the 0-10 question goes with business reviews, not class "
                "reviews (leave it empty)"
            ),
            Code.INCONSISTENT_SESSION: self.tr(
                "{field}: {value!q} differs from line {first_line} ({other!q}) for the same "
                "class, start and coach"
            ),
            Code.AMBIGUOUS_COACH_NAME: self.tr(
                "coach_name {name!q}: several coaches have this name ({ids}); the file needs a "
                "coach_id column"
            ),
            Code.COACH_ID_WITHOUT_NAME: self.tr(
                "coach_id {id!q}: no coach has this id; import the coaches first, or add a "
                "coach_name column so that the coach is created"
            ),
            Code.EDITED_BY_HAND: self.tr(
                "review {id!q} was edited by hand: it keeps its {kept} stars (the file says "
                "{given})"
            ),
        }

    def _words(self, problem: Problem) -> dict[str, object]:
        """Parameters said in words of the interface language (the service's are English)."""
        params = problem.parameters
        words: dict[str, object] = {
            "fix": self.tr('save it from the spreadsheet as "CSV UTF-8" and choose that file'),
            "choose_column": self.tr("choose the column that holds it"),
        }
        if problem.code is Code.NOT_CSV:
            formats = {
                "xlsx": self.tr("an Excel workbook (.xlsx) or another zip archive"),
                "xls": self.tr("an old Excel workbook (.xls)"),
                "pdf": self.tr("a PDF document"),
                "png": self.tr("a PNG image"),
                "jpeg": self.tr("a JPEG image"),
                "sqlite": self.tr("a SQLite database"),
            }
            words["what"] = formats.get(str(params.get("format")), params.get("what", ""))
        elif problem.code is Code.DATE_ORDER:
            orders = {"dmy": self.tr("day/month/year"), "mdy": self.tr("month/day/year")}
            other = str(params.get("other_setting"))
            words["other"] = orders.get(other, params.get("other", ""))
            words["order"] = orders["mdy" if other == "dmy" else "dmy"]
        elif problem.code is Code.NOT_WHOLE_NUMBER and "low" in params:
            high = params.get("high")
            words["span"] = (
                self.tr("of at least {low}").format(low=params["low"])
                if high is None
                else self.tr("from {low} to {high}").format(low=params["low"], high=high)
            )
        return words

    def _template(self, problem: Problem) -> str:
        if problem.code is Code.UNKNOWN_REFERENCE:
            by_noun = {
                "client": self.tr(
                    "{field}: no client has the id {id!q} (in the store or in this import)"
                ),
                "coach": self.tr(
                    "{field}: no coach has the id {id!q} (in the store or in this import)"
                ),
                "session": self.tr(
                    "{field}: no session has the id {id!q} (in the store or in this import)"
                ),
            }
            found = by_noun.get(str(problem.parameters.get("noun")))
            if found is not None:
                return found
        return self._templates[problem.code]

    def text(self, problem: Problem) -> str:
        """The problem in words, without where it is."""
        text = format_template(self._template(problem), problem.parameters | self._words(problem))
        return self.tr("warning: {text}").format(text=text) if problem.is_warning else text

    def line(self, problem: Problem, header: Sequence[str] = ()) -> str:
        """Where the problem is (line, column of *header*), then what it is."""
        text = self.text(problem)
        if problem.line is None:
            return text
        column = problem.column
        if column is not None and column < len(header):
            return self.tr("Line {line}, column {column}: {text}").format(
                line=problem.line, column=quoted(header[column]), text=text
            )
        return self.tr("Line {line}: {text}").format(line=problem.line, text=text)
