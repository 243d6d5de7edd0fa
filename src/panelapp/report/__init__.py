"""panelapp.report."""
