"""Legal periods (法定期间): the working-day calendar and CPL art. 105 period arithmetic."""

from reviewapp.legal.calendar import CalendarUnknownError, LegalCalendar, default_calendar
from reviewapp.legal.periods import PeriodEnd, add_months, days_over, period_end, period_floor

__all__ = [
    "CalendarUnknownError",
    "LegalCalendar",
    "PeriodEnd",
    "add_months",
    "days_over",
    "default_calendar",
    "period_end",
    "period_floor",
]
