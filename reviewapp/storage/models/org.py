"""Organisation: units (承办单位), departments (承办部门) and people (检察官 and 评查员)."""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from reviewapp.storage.models.base import Attributed, Base


class Unit(Attributed, Base):
    __tablename__ = "units"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    # The unit above (e.g. a district procuratorate's city procuratorate): role scopes follow this tree.
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="SET NULL"), index=True)


class Department(Attributed, Base):
    __tablename__ = "departments"
    __table_args__ = (UniqueConstraint("unit_id", "name", name="uq_departments_unit_name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="RESTRICT"), index=True)
    name: Mapped[str] = mapped_column(String(200), index=True)  # the case list sorts by it
    # 分管副检察长: the person (people.id) of the deputy chief in charge, who determines this department's reviews
    # graded 合格 (review-rules.md §1 step 10); None: any deputy chief of the unit. No foreign key: SQLite adds
    # and drops a plain column in place, where a constrained one rebuilds the table (migration 0018); a missing
    # person reads as none (services/panel/supervision.py).
    supervisor_id: Mapped[int | None] = mapped_column(Integer)


class Person(Attributed, Base):
    """A prosecutor (承办检察官) or reviewer (评查员); one person may be both."""

    __tablename__ = "people"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), index=True)
    staff_no: Mapped[str | None] = mapped_column(String(50), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="SET NULL"), index=True)
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id", ondelete="SET NULL"), index=True)
    is_prosecutor: Mapped[bool] = mapped_column(Boolean, default=False)
    is_reviewer: Mapped[bool] = mapped_column(Boolean, default=False)
    # 院领导 (检察长/副检察长) or 部门负责人: sampling quotas take at least 2 of their cases, and cases of a
    # 院领导 go to the level above (review-rules.md §1). None for everyone else.
    leader: Mapped[str | None] = mapped_column(String(20))
