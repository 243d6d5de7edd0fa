"""Rewrite call sites of the pre-issue-10 ``Database`` API to its repositories (one-off helper for
merging branches written against the old API; delete once they are merged).

    python tools/store_call_sites.py src/panelapp/ui tests …   # rewrites the files in place

``add_evidence`` -> ``evidence.add``, ``cycle_data`` -> ``cycles.data`` and so on, per MAP
(docs/storage.md, "API at a glance"). Only receivers named like a database are touched
(db, self.db, self.session.db, w.db, window.db, env.db, database, fresh, store, quick, opened, _db).
"""

import re
import sys
from pathlib import Path

MAP = {
    "contracts": "cycles.contracts", "contract": "cycles.contract", "cycles": "cycles.of_contract",
    "cycle_row": "cycles.row", "find_cycle": "cycles.find", "cycle_data": "cycles.data",
    "create_contract": "cycles.create_contract", "next_cycle": "cycles.next",
    "set_settings": "header.set_settings", "set_assessed_on": "header.set_assessed_on",
    "set_item_override": "header.set_item_override",
    "evidence": "evidence.get", "evidence_cycle": "evidence.cycle_of", "add_evidence": "evidence.add",
    "update_evidence": "evidence.update", "delete_evidence": "evidence.delete",
    "attach_file": "attachments.attach", "attachments": "attachments.of_record",
    "attachment_mime": "attachments.mime", "detach_file": "attachments.detach",
    "blob_stored": "attachments.stored", "iter_blob": "attachments.iter", "export_blob": "attachments.export",
    "finalise": "signoff.finalise", "reopen": "signoff.reopen", "record_export": "signoff.record_export",
    "find_export": "signoff.find_export", "exports": "signoff.exports",
    **{m: f"standing.{m}" for m in ("panel_members", "set_panel_members", "bid_commitments",
        "set_bid_commitments", "unfulfilled_commitments", "mark_commitment", "onsite_roster",
        "set_onsite_roster", "payment_deductions", "add_payment_deduction", "delete_payment_deduction", "withdraw_commitment")},
    **{m: f"audit.{m}" for m in ("verify_cycle", "witness", "witness_problems", "chain_head")},
    "import_cycle_file": "transfer.import_file", "export_cycle": "transfer.export",
    "history": "audit.history", "record_history": "audit.record_history", "verify": "audit.verify",
    "counts": "audit.counts",
}
RECV = r"(?<![\w.])((?:self\.session\.|self\.|w\.|window\.|env\.|self\._)?(?:db|database|fresh|store|quick|opened|_db))"
pat = re.compile(RECV + r"\.(" + "|".join(sorted(MAP, key=len, reverse=True)) + r")\(")
for arg in sys.argv[1:]:
    for p in Path(arg).rglob("*.py") if Path(arg).is_dir() else [Path(arg)]:
        s = p.read_text("utf-8")
        new = pat.sub(lambda m: f"{m.group(1)}.{MAP[m.group(2)]}(", s)
        if new != s:
            p.write_text(new, "utf-8")
            print(p, len(pat.findall(s)))
