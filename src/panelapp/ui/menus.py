"""Menus and shortcuts. Handlers live in the window's parts; this only wires them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

from panelapp.ui.about import show_about
from panelapp.ui.settlement import open_settlement

translate = QCoreApplication.translate  # lupdate extracts translate("Context", "literal")


def _act(window, menu, text: str, slot, shortcut=None, name: str | None = None) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    window.menu_actions[name or text] = action
    return action


def build_menus(w) -> None:
    """``w`` is the MainWindow; it provides the slots named below."""
    w.menu_actions = {}
    bar = w.menuBar()
    file_menu = bar.addMenu(translate("MainWindow", "文件(&F)"))
    _act(w, file_menu, translate("MainWindow", "导入周期文件…"), w.files.import_cycle, "Ctrl+O", "import")
    _act(w, file_menu, translate("MainWindow", "导出周期文件…"), w.files.export_cycle, "Ctrl+Shift+S", "export")
    _act(w, file_menu, translate("MainWindow", "保存"), w.say_autosaved, "Ctrl+S", "save")
    file_menu.addSeparator()
    _act(w, file_menu, translate("MainWindow", "签字导出评分表 PDF…"), w.sheets.sign_export, "Ctrl+Shift+P", "pdf")
    _act(w, file_menu, translate("MainWindow", "打印评分表…"), w.sheets.print_sheet, "Ctrl+P", "print")
    _act(w, file_menu, translate("MainWindow", "核验 PDF…"), w.sheets.verify, None, "verify")
    _act(w, file_menu, translate("MainWindow", "导出年度汇总 (PDF / Excel)…"), w.sheets.export_annual, None, "annual")
    _act(w, file_menu, translate("MainWindow", "结算（年度扣减与应付）…"), lambda: open_settlement(w), None, "settlement")
    file_menu.addSeparator()
    _act(w, file_menu, translate("MainWindow", "定稿…"), w.signoff.finalise, None, "finalise")
    _act(w, file_menu, translate("MainWindow", "撤销定稿…"), w.signoff.reopen, None, "reopen")
    file_menu.addSeparator()
    _act(w, file_menu, translate("MainWindow", "备份…"), w.housekeeping.backup, None, "backup")
    _act(w, file_menu, translate("MainWindow", "从备份恢复…"), w.housekeeping.restore, None, "restore")
    _act(w, file_menu, translate("MainWindow", "检查数据库"), w.housekeeping.check, None, "check_db")
    _act(w, file_menu, translate("MainWindow", "打开其他数据库…"), w.housekeeping.open_other, None, "open_db")
    recent = file_menu.addMenu(translate("MainWindow", "最近打开的数据库"))
    recent.aboutToShow.connect(lambda: w.housekeeping.fill_recent(recent))
    w.recent_menu = recent
    file_menu.addSeparator()
    _act(w, file_menu, translate("MainWindow", "切换操作人…"), w.choose_operator, None, "operator")
    _act(w, file_menu, translate("MainWindow", "考核组成员…"), w.edit_panel, None, "panel")
    file_menu.addSeparator()
    _act(w, file_menu, translate("MainWindow", "退出"), w.close, QKeySequence.StandardKey.Quit, "quit")

    edit = bar.addMenu(translate("MainWindow", "编辑(&E)"))
    undo = w.editor.stack.createUndoAction(w, translate("MainWindow", "撤销"))
    undo.setShortcuts([QKeySequence("Ctrl+Z")])
    redo = w.editor.stack.createRedoAction(w, translate("MainWindow", "重做"))
    redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
    for action, slot in ((undo, w.undo), (redo, w.redo)):  # through the editor: a refused step shows why
        action.triggered.disconnect()
        action.triggered.connect(lambda _checked=False, slot=slot: slot())
        edit.addAction(action)
    w.menu_actions["undo"], w.menu_actions["redo"] = undo, redo
    edit.addSeparator()
    _act(w, edit, translate("MainWindow", "新增记录"), lambda: w.table_action("add"), "Ctrl+N", "add")
    _act(w, edit, translate("MainWindow", "编辑记录"), lambda: w.table_action("edit"), "Ctrl+E", "edit")
    _act(w, edit, translate("MainWindow", "复制记录"), lambda: w.table_action("duplicate"), "Ctrl+D", "duplicate")
    _act(w, edit, translate("MainWindow", "删除记录"), lambda: w.table_action("delete"), "Delete", "delete")
    _act(w, edit, translate("MainWindow", "筛选当前表格"), w.focus_filter, "Ctrl+F", "filter")
    edit.addSeparator()
    _act(w, edit, translate("MainWindow", "调整本项扣分…"), w.override_current, None, "override")
    _act(w, edit, translate("MainWindow", "本项操作记录…"), w.history_current, "Ctrl+H", "history")

    view = bar.addMenu(translate("MainWindow", "视图(&V)"))
    _act(w, view, translate("MainWindow", "放大"), lambda: w.zoom(+1), [QKeySequence("Ctrl+="), QKeySequence("Ctrl++")], "zoom_in")
    _act(w, view, translate("MainWindow", "缩小"), lambda: w.zoom(-1), "Ctrl+-", "zoom_out")
    _act(w, view, translate("MainWindow", "原始大小"), lambda: w.zoom(0), "Ctrl+0", "zoom_reset")
    view.addSeparator()
    # the tabs follow the first cycle's scheme and are built after the menus: named when they exist
    w.tab_actions = [
        _act(w, view, translate("MainWindow", "第{n}个标签页").format(n=i + 1), lambda i=i: w.go_to_tab(i), f"Ctrl+{i + 1}", f"tab{i}")
        for i in range(4)
    ]

    help_menu = bar.addMenu(translate("MainWindow", "帮助(&H)"))
    _act(w, help_menu, translate("MainWindow", "使用说明"), w.show_help, "F1", "help")
    _act(w, help_menu, translate("MainWindow", "打开数据文件夹"), w.housekeeping.open_data_folder, None, "data_folder")
    _act(w, help_menu, translate("MainWindow", "打开日志文件夹"), w.open_log_folder, None, "log_folder")
    help_menu.addSeparator()
    _act(w, help_menu, translate("MainWindow", "载入演示数据"), w.files.load_demo, None, "demo")
    _act(w, help_menu, translate("MainWindow", "关于"), lambda: show_about(w), None, "about")
