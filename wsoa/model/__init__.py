"""The common schema (SCHEMA.md) as pydantic models."""
from wsoa.model.record import Action, Box, Document, Judgement, Milestone, Quote, TableReport, Warning, Weakness

__all__ = ["Action", "Box", "Document", "Judgement", "Milestone", "Quote", "TableReport", "Warning", "Weakness"]
