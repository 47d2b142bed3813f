"""The shareable case report: one self-contained HTML page per scenario (``hedge report``).

:func:`case_report` computes what the page shows (:mod:`solver.reporting.case`), :func:`render_page` draws it
(:mod:`solver.reporting.page`), escaping every piece of scenario text (:mod:`solver.reporting.markup`).
"""

from solver.reporting.case import FULL, QUICK, CaseReport, ReportSizes, case_report
from solver.reporting.page import render_page

__all__ = ["FULL", "QUICK", "CaseReport", "ReportSizes", "case_report", "render_page"]
