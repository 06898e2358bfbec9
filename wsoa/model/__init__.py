"""The common schema (SCHEMA.md) as pydantic models."""
from wsoa.model.record import (LETTER_TYPES, ORG_TYPES, PLAN_TYPES, Action, Box, Change, Document, Event, Judgement,
                               Milestone, Quote, Recommendation, TableReport, Warning, Weakness, weakness_id)

__all__ = ["LETTER_TYPES", "ORG_TYPES", "PLAN_TYPES", "weakness_id", "Action", "Box", "Change", "Document", "Event", "Judgement", "Milestone", "Quote", "Recommendation",
           "TableReport", "Warning", "Weakness"]
