import atexit
import os
import shutil
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# the user's data folder (signing certificate, witness log of the audit chain) of this test run
if "PANELAPP_DATA_DIR" not in os.environ:
    _data = tempfile.mkdtemp(prefix="panelapp-test-data-")
    os.environ["PANELAPP_DATA_DIR"] = _data
    atexit.register(shutil.rmtree, _data, ignore_errors=True)
