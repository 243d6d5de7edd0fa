"""指标说明 is read in full without hunting for 展开, unless it would crowd out the evidence."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest


def _panel(window, item_id):
    window.show_item(item_id)
    tab = next(t for t in window.section_tabs if t.owns(item_id))
    return tab.panel(item_id)


def test_the_full_text_shows_at_1366x768_and_folds_when_zoomed(env, qtbot):
    window = env.open(qtbot, demo=True)
    panel = _panel(window, "2.1")  # the longest 指标说明 (seven lines at 100 %)
    qtbot.waitUntil(lambda: panel.isVisible() and panel.height() > 0)
    assert panel.toggle.isChecked() and panel.toggle.text() == "收起"
    full = panel.description.heightForWidth(panel.description.width())
    assert panel.description.height() >= full - 4  # nothing cut off
    try:
        for _ in range(3):  # 115 %, 130 %, 150 %: the evidence table keeps its room
            window.zoom(+1)
        qtbot.waitUntil(lambda: not panel.toggle.isChecked())
        assert panel.toggle.text() == "展开"
    finally:
        window.zoom(0)  # the application font is shared by the whole test session


def test_the_users_choice_holds(env, qtbot):
    window = env.open(qtbot, demo=True)
    panel = _panel(window, "2.1")
    qtbot.waitUntil(lambda: panel.toggle.isChecked())
    QTest.mouseClick(panel.toggle, Qt.MouseButton.LeftButton)  # 收起
    assert not panel.toggle.isChecked()
    window.resize(1920, 1080)
    qtbot.wait(50)
    assert not panel.toggle.isChecked()
