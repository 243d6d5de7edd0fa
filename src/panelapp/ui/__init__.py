"""The panel's window (PySide6). Widgets never compute scores: they call panelapp.core.engine."""
