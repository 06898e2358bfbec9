"""The common schema (SCHEMA.md) as pydantic models."""
from wsoa.model.record import (Action, Box, Change, Document, Event, Judgement, Milestone, Quote, Recommendation,
                               TableReport, Warning, Weakness)

__all__ = ["Action", "Box", "Change", "Document", "Event", "Judgement", "Milestone", "Quote", "Recommendation",
           "TableReport", "Warning", "Weakness"]
