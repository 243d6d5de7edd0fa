import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# the parsed-font cache (panelapp.report.fontcache) of this test run, not the user's
os.environ.setdefault("PANELAPP_CACHE_DIR", tempfile.mkdtemp(prefix="panelapp-test-cache-"))
