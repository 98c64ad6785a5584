"""The periodic review report (定期评查报告 / 专项评查报告): PDF in the official layout and DOCX, from one
PeriodicDocument (model.py) so both say the same."""

from reviewapp.exports.periodic_report.model import Chart, Heading, Paragraph, PeriodicDocument, Table

__all__ = ["Chart", "Heading", "Paragraph", "PeriodicDocument", "Table"]
