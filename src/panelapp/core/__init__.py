"""Pure-Python scoring core: no Qt, no SQLAlchemy, no ReportLab."""
