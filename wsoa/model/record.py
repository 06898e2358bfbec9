"""The document record of SCHEMA.md, plus provenance, confidence flags and warnings."""
from __future__ import annotations

import datetime as dt
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

DocType = Literal[
    "wsoa", "inspection_letter", "revisit_letter", "priority_action_plan",
    "self_evaluation", "committee_report", "unknown",
]
Status = Literal["red", "amber", "green", "blue", "white"]
WeaknessKind = Literal["significant_weakness", "priority_action", "improvement"]


PLAN_TYPES = ("wsoa", "priority_action_plan")
LETTER_TYPES = ("inspection_letter", "revisit_letter")
OrgType = Literal["council", "nhs_trust", "icb_ccg", "school", "parent_carer_forum", "other"]
ORG_TYPES: tuple[str, ...] = get_args(OrgType)


def weakness_id(n: int) -> str:
    """The id of a record's n-th weakness (1-based)."""
    return f"W{n}"


class Box(BaseModel):
    """Where a value was read: 1-based page number and its box in PDF points (top-left origin)."""
    page: int
    x0: float = 0.0
    top: float = 0.0
    x1: float = 0.0
    bottom: float = 0.0


class Warning(BaseModel):
    code: str
    message: str
    page: int | None = None


class Weakness(BaseModel):
    id: str
    text: str
    kind: WeaknessKind = "significant_weakness"
    responsible_body: str | None = None
    progress: Literal["sufficient", "insufficient"] | None = Field(None, description="revisit letters: the verdict")
    themes: list[str] = Field(default_factory=list, description="theme keys of data/themes.toml")
    source: Box | None = None


class Judgement(BaseModel):
    """A strength or an area for development a letter (or a self-evaluation) lists under a heading."""
    heading: str | None = None
    kind: Literal["strength", "development"]
    text: str
    source: Box | None = None


class Milestone(BaseModel):
    text: str
    date_raw: str | None = None
    date: dt.date | None = None
    rag: Status | None = None
    resource: str | None = None
    brag_raw: str | None = None
    brag_date: dt.date | None = None
    source: Box | None = None


class Action(BaseModel):
    weakness_id: str | None = None
    section: str | None = None
    group: str | None = None
    ref: str | None = Field(None, description="as printed; null where none is printed")
    action: str = ""
    lead: str | None = None
    lead_role: str | None = None
    lead_org: str | None = None
    lead_org_type: OrgType | None = None
    themes: list[str] = Field(default_factory=list, description="theme keys of data/themes.toml")
    start_raw: str | None = None
    start_dates: list[dt.date] = Field(default_factory=list)
    deadlines: list[dt.date] = Field(default_factory=list)
    deadline_raw: str | None = None
    deadline_revised: bool = Field(False, description="the deadline cell states a revision (a date struck, arrowed "
                                                       "or said to be revised): `deadlines` are then in the order "
                                                       "made and the last stands; several dates without that are "
                                                       "phases, not slippage")
    resource: str | None = None
    measures: str | None = None
    milestones: list[Milestone] = Field(default_factory=list)
    rag: Status | None = None
    rag_raw: str | None = None
    rag_source: Literal["word", "letter", "colour", "milestones"] | None = None
    flags: list[str] = Field(default_factory=list, description="low-confidence fields, e.g. 'rag:colour-nearest'")
    confidence: float = Field(1.0, description="1.0 read from the text layer; OCR'd values: Tesseract's mean word "
                                                "confidence on the page / 100")
    table: int | None = Field(None, description="index into Document.tables")
    source: Box | None = None


class Quote(BaseModel):
    text: str
    cites: str
    page: int | None = None


class Event(BaseModel):
    """A dated step of an area's story, with where it is stated."""
    date: dt.date
    end: dt.date | None = None
    kind: str
    text: str
    source: Box | None = None


class Recommendation(BaseModel):
    """A numbered recommendation of a committee report (or a report's list of recommendations)."""
    number: str
    text: str
    source: Box | None = None


class Change(BaseModel):
    """How an action differs in a newer edition of the same statement."""
    kind: Literal["added", "dropped", "status", "deadline", "text"]
    ref: str | None
    weakness_id: str | None = None
    before: str | None = None
    after: str | None = None
    days: int | None = None


class TableReport(BaseModel):
    """How one action table was read: camelot's parsing report, for wsoa."""
    index: int
    pages: list[int]
    grid: Literal["ruled", "horizontal-rules", "text-aligned"]
    columns: dict[str, str] = Field(description="column header text -> role")
    rows_kept: int = 0
    rows_dropped: int = 0
    header_repeats: int = 0
    continued_without_header: int = 0
    split_rows_joined: int = Field(0, description="rows cut by a page break and joined")
    doubtful_cells: int = 0


class Document(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    doc_id: str
    local_area: str | None = None
    doc_type: DocType = "unknown"
    inspection_start: dt.date | None = None
    inspection_end: dt.date | None = None
    letter_date: dt.date | None = None
    outcome: str | None = None
    weaknesses: list[Weakness] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    judgements: list[Judgement] = Field(default_factory=list)
    recommendations: list[Recommendation] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    edition_date: dt.date | None = Field(None, description="plans: the date of this edition (version, 'updated', 'as at')")
    warnings: list[Warning] = Field(default_factory=list)
    tables: list[TableReport] = Field(default_factory=list)
    page_texts: list[str] = Field(default_factory=list, description="letters only: each page's text, to check quotations")
    source_path: str | None = None
    sha256: str | None = None
    pages: int = 0

    _trace: dict | None = PrivateAttr(None)  # how the tables were found (`wsoa extract --trace`); never stored

    @property
    def trace(self) -> dict | None:
        """The table-finding trace of the run that made this record (None for a record read back from JSON)."""
        return self._trace

    @trace.setter
    def trace(self, value: dict | None) -> None:
        self._trace = value

    def next_weakness_id(self) -> str:
        """The id the next weakness of this record takes: W1, W2, ..."""
        return weakness_id(len(self.weaknesses) + 1)

    def warn(self, code: str, message: str, page: int | None = None) -> None:
        self.warnings.append(Warning(code=code, message=message, page=page))
