"""Headless sub-commands of ``panelapp``; each module has ``register(subparsers)``.

Registration must stay cheap: handlers import what they need when they run,
so ``panelapp score`` never pays for Qt, SQLAlchemy or ReportLab.
"""
