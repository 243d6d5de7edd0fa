"""A LongTable whose first column shows merged group cells that survive page breaks.

ReportLab cannot split a table inside a row span, so a 一级指标 spanning rows
whose 扣分说明 runs over a page would make the layout fail. Instead of SPAN,
each row carries the label of its group; the table leaves out column 0's inner
lines inside a group and draws each group's label centred over the group's rows
after the grid, so every page piece of a split group shows its label again.
"""

from __future__ import annotations

from reportlab.platypus import LongTable

from panelapp.report.wrapped import Part, Wrapped


class GroupedTable(LongTable):
    """``row_groups[i]`` is row i's group label (the parts of a ``Wrapped``) or None."""

    row_groups: list[tuple[Part, ...] | None]
    group_style = None
    line_width = 0.6
    tall_row = 250.0  # points: only rows taller than this are split across pages
    min_fragment = 90.0  # points: least room worth starting a split row in

    def split(self, availWidth, availHeight):  # noqa: N803 (ReportLab API)
        parts = self._split_between_or_inside(availWidth, availHeight)
        groups = getattr(self, "row_groups", None)
        if groups is not None and len(parts) == 2:
            first, rest = parts
            head = self.repeatRows if isinstance(self.repeatRows, int) else 0
            first.row_groups = groups[: len(first._cellvalues)]
            tail = len(rest._cellvalues) - head
            rest.row_groups = groups[:head] + groups[len(groups) - tail:]
            for part in parts:
                part.group_style = self.group_style
                part.line_width = self.line_width
                part.tall_row, part.min_fragment = self.tall_row, self.min_fragment
        return parts

    def _split_between_or_inside(self, availWidth, availHeight):  # noqa: N803
        """Split inside a row only when that row is tall and enough room is left, else between rows.

        Plain ``splitInRow`` would also put two lines of an ordinary row (under a
        repeated header) into the last few millimetres of a page; and splitting
        before a tall row would leave the rest of the page empty.
        """
        allowed = self.splitInRow
        self._calc(availWidth, availHeight)
        if allowed:
            n = self._getFirstPossibleSplitRowPosition(availHeight, ignoreSpans=1)
            if n < len(self._rowHeights):
                room = availHeight - sum(self._rowHeights[:n])
                if self._rowHeights[n] > self.tall_row and room >= self.min_fragment:
                    parts = self._splitRows(availHeight, doInRowSplit=1)
                    if parts:
                        return parts
        self.splitInRow = 0
        try:
            parts = super().split(availWidth, availHeight)
        finally:
            self.splitInRow = allowed
        for part in parts:
            part.splitInRow = allowed  # the pieces were made while it was switched off
        return parts

    def draw(self):
        super().draw()
        groups = getattr(self, "row_groups", None)
        if not groups:
            return
        canv = self.canv
        pos = self._rowpositions  # y of each row's top edge, then the table's bottom
        x0, x1 = self._colpositions[0], self._colpositions[1]
        canv.saveState()
        canv.setLineWidth(self.line_width)
        start = 0
        for r in range(1, len(groups) + 1):
            if r < len(groups) and groups[r] is not None and groups[r] == groups[r - 1]:
                continue
            if r < len(groups):
                canv.line(x0, pos[r], x1, pos[r])
            label = groups[start]
            if label is not None and self.group_style is not None:
                para = Wrapped(list(label), self.group_style)
                _w, h = para.wrap(x1 - x0 - 4, pos[start] - pos[r])
                para.drawOn(canv, x0 + 2, (pos[start] + pos[r]) / 2 - h / 2)
            start = r
        canv.restoreState()
