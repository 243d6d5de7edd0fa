"""Part of the panelapp window."""
