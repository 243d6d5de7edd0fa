"""panelapp: the assessment panel's scoring desk (考核组评分台)."""

__version__ = "0.1.0"
