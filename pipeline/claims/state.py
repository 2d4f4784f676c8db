"""The running state of one pass over a document's sentences, owned by one object.

Across sentences it remembers the paragraph's last subject and the document's last
claim (for sub-item sentences and continuations); within a sentence, the rows made
so far, the level that later changes may attach to, changes waiting for their level
("up 68% to …"), the rows of the current distributive list, and where the last
figure ended.
"""
from __future__ import annotations

from .figures import Figure
from .rows import Row


class PassState:
    def __init__(self) -> None:
        self.last_subject = ""              # reset at each paragraph
        self.last_subject_id = ""
        self.section_topic = ""             # the sector a statistics release's section heading names
        self.item_family = ""               # the marker of the last list item headed by a name
        self.section_name = ""              # the name a heading with a stock code gave its section
        # Claim-less sentences since then, read for a name only when a claim falls back on
        # the paragraph's subject (tagging every sentence costs a fifth of the run).
        self.unread: list[tuple[str, int]] = []
        self.last_row: Row | None = None    # the document's last claim so far
        self.last_rows: list[Row] = []      # the claims of the last sentence that had any
        self.start_sentence()

    def start_sentence(self) -> None:
        self.rows: list[Row] = []
        self.level: tuple[Row, Figure] | None = None
        self.share_of: tuple[Row, Figure] | None = None   # the level the current level (a share) is a share of
        self.pending: list[Figure] = []
        self.run_rows: list[Row] = []
        self.list_change: Row | None = None   # a change told as shared by the distributive list after it
        self.last_end = 0

    def new_paragraph(self) -> None:
        self.last_subject = self.last_subject_id = ""
        self.unread = []

    def previous_row(self) -> Row | None:
        """The claim a metric-less level may continue: the sentence's last, else the document's."""
        return self.rows[-1] if self.rows else self.last_row

    def finish_sentence(self) -> list[Row]:
        rows = sorted(self.rows, key=lambda r: r.start)
        if rows:
            self.last_row, self.last_rows = rows[-1], rows
        return rows
