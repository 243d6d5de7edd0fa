"""panelapp.ui."""
