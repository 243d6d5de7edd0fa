"""panelapp.store."""
