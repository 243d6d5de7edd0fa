"""PyInstaller entry script (an absolute import: entry scripts cannot use relative ones)."""

from panelapp.cli import main

raise SystemExit(main())
