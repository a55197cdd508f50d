"""English texts of the next steps and of the notification (split from lang_en: modules small)."""

from __future__ import annotations

NEXT_STRINGS: dict[str, str] = {
    "next.heading": "Next steps",
    "next.intro": "Do these in this order; each comes with the command that does it.",
    "next.none": "Nothing to do: everything is in order.",
    "next.command": "Command",
    "next.import_consents": "Consent records are probably not imported yet: {no_basis} of "
    "{marketing} marketing contacts have no basis (the register holds {consent_records} consent "
    "events). Import the consents first; approve no fixes or deletions before that.",
    "next.pull_failed": "The pull from ActiveCampaign failed, so nothing was changed: {error}. "
    "Check the API token and base_url, then pull again.",
    "next.mass_disappearance": "{gone} of the register's {mirrored} contacts were missing from "
    "ActiveCampaign, so the register forgot nobody. If the deletions in ActiveCampaign are real, "
    "accept them.",
    "next.inbox_rejected": "{file} was not imported: {error}. Fix the file, move it back into "
    "the inbox and run again.",
    "next.reconcile_stopped": "Applying fixes in ActiveCampaign stopped: {error}. Changes made "
    "so far are in the audit log; run the fixes again once ActiveCampaign answers.",
    "next.purge_stopped": "Deletions stopped: {error}. Write a new purge plan and review it.",
    "next.request_overdue": "Answer request {request} ({type}{who}) now: it was due {due}, "
    "{late} ago.",
    "next.request_due": "Answer request {request} ({type}{who}) by {due} ({left}).",
    "next.who": ", {email}",
    "next.apply_fixes": "Fix {count} in ActiveCampaign (unsubscribe, objection tag).",
    "next.apply_fixes.report_only": "Fix {count} in ActiveCampaign (unsubscribe, objection "
    "tag); this run only reports (policy.enforce = report), so nothing has been changed.",
    "next.approve_purge": "Review purge plan {plan} ({count}) and approve it.",
    "next.fix_processor": "Processor {processor} ({country}) has no transfer safeguard: set "
    "transfer_mechanism (scc or adequacy) in its [[processors]] entry of the config and write "
    "the record again.",
    "next.fix_ropa": "The record of processing has problems ({count}): fix the config and write "
    "it again.",
    "next.rerun": "Then run the nightly again and see what remains.",
    "next.fix_consent_records": "Consents lack their wording ID or privacy-notice version "
    "({count}). Import them again with the wording_id and notice_version columns.",
    "next.merge_duplicates": "Merge the duplicate contacts in ActiveCampaign ({count}); the "
    "findings name each one's other contact ids.",
    "next.fix_invalid": "Fix or delete the invalid addresses in ActiveCampaign ({count}).",
    "count.finding.one": "{n} finding",
    "count.finding.other": "{n} findings",
    "headline.pull_failed": "pull from ActiveCampaign failed",
    "headline.overdue.one": "request overdue",
    "headline.overdue.other": "{n} requests overdue",
    "headline.critical.one": "{n} critical finding",
    "headline.critical.other": "{n} critical findings",
    "headline.safety": "safety stop",
    "headline.approve_purge": "purge plan awaits approval",
    "headline.consents": "consents missing",
    "headline.open.one": "{n} open finding",
    "headline.open.other": "{n} open findings",
    "headline.review": "needs review",
    "headline.done": "all in order",
    "mail.subject": "rekisteri, {controller}: {headline}",
    "mail.greeting": "The nightly run {run} ({at}) ended with code {code} ({meaning}).",
    "mail.open": "Open findings: {counts}.",
    "mail.steps": "Next steps:",
    "mail.no_steps": "Nothing to do.",
    "mail.report": "Report: {path}",
    "mail.footer": "Sent by rekisteri ([notify] in the config). The message holds no email "
    "addresses; the report shows them masked.",
}
