"""English texts. Keys must match lang_fi exactly (a test compares the key sets)."""

from __future__ import annotations

from reports.lang_en_docs import DOC_STRINGS
from reports.lang_en_next import NEXT_STRINGS

STRINGS: dict[str, str] = {
    "common.none": "–",
    "common.yes": "yes",
    "common.no": "no",
    "common.count": "Count",
    "unit.hour.one": "{n} hour",
    "unit.hour.other": "{n} hours",
    "unit.day.one": "{n} day",
    "unit.day.other": "{n} days",
    "unit.month.one": "{n} month",
    "unit.month.other": "{n} months",
    "unit.year.one": "{n} year",
    "unit.year.other": "{n} years",
    "count.contact.one": "{n} contact",
    "count.contact.other": "{n} contacts",
    "count.api_request.one": "{n} API request",
    "count.api_request.other": "{n} API requests",
    "controller.heading": "Controller",
    "controller.name": "Name",
    "controller.business_id": "Business ID",
    "controller.contact": "Contact person",
    # --- report ---
    "report.title": "Data protection report",
    "report.subtitle": "Review of the ActiveCampaign marketing register",
    "report.contents": "Contents",
    "report.footer": "Report produced by rekisteri (run {run}) for {controller}. Email "
    "addresses are masked unless showing them was requested. The report contains personal "
    "data: keep it available only to those who need it.",
    "run.heading": "Run",
    "run.as_of": "State as of",
    "run.started": "Started",
    "run.finished": "Finished",
    "run.command": "Command",
    "run.id": "Run ID",
    "run.pull_mode": "Pull mode",
    "run.pull": "Pull from ActiveCampaign",
    "run.pull_value": "{contacts}, {requests}",
    "run.pull_complete": "completed",
    "run.pull_incomplete": "did not complete",
    "pull_mode.full": "full walk: every contact",
    "pull_mode.incremental": "incremental: contacts changed since the last pull",
    "run.exit_code": "Outcome",
    "exit.0": "done, nothing to review",
    "exit.1": "done, open findings need review",
    "exit.2": "usage or configuration error",
    "exit.3": "ActiveCampaign error",
    "exit.4": "invalid input file",
    "exit.5": "safety stop",
    "exit.6": "another run held the lock",
    "summary.heading": "Summary",
    "summary.pull_incomplete_title": "Incomplete pull",
    "summary.pull_incomplete": "The pull from ActiveCampaign did not complete. No purge plan was "
    "made and figures may be incomplete.",
    "summary.review_title": "Needs review",
    "summary.review": "The items below are waiting for a person's decision.",
    "summary.clear_title": "Nothing needs review",
    "summary.clear": "Findings have been fixed and nothing is waiting for approval.",
    "summary.fixed_heading": "Fixed in this run",
    "summary.unsubscribed": "Unsubscribed from marketing lists",
    "summary.deleted": "Contacts deleted from ActiveCampaign",
    "summary.findings_fixed": "Findings fixed",
    "summary.person_heading": "Needs a person",
    "summary.open_total": "Open findings",
    "summary.failed_actions": "Failed actions",
    "summary.report_only": "Enforcement mode is “report only”: nothing was changed in "
    "ActiveCampaign, so findings stay open until they are fixed.",
    "summary.open_by_severity": "Open findings by severity",
    "summary.purge_title": "A purge plan awaits approval",
    "summary.purge_awaiting": "The plan deletes {count} contacts, more than may be deleted "
    "automatically. Review the plan and approve it with:",
    "summary.ropa_title": "The record of processing activities has problems",
    "summary.ropa_errors": "Problems: {n}.",
    "summary.see_below": "See the list below.",
    "summary.open_requests": "Open data-subject requests",
    "summary.no_open_requests": "No open requests.",
    "summary.figures": "Key figures",
    "totals.contacts": "Contacts in ActiveCampaign",
    "totals.active_marketing": "Active on marketing lists",
    "totals.findings": "Findings",
    "totals.purge_planned": "Planned deletions",
    "chart.history_title": "Findings by code over the last runs",
    "chart.basis_title": "Active marketing contacts by basis",
    "chart.this_run": "this run",
    "chart.findings_axis": "Findings",
    "chart.contacts_axis": "Contacts",
    "chart.no_findings": "No findings",
    "chart.no_history": "No history yet: the chart shows this run only.",
    "chart.no_active": "No active marketing contacts",
    "chart.history_alt": "Stacked bar chart of findings by code; runs shown: {runs}. "
    "This run: {latest}.",
    "chart.basis_alt": "Bar chart of active marketing contacts by basis: {counts}.",
    "findings.heading": "Findings",
    "findings.none": "No findings in this run.",
    "findings.group_count": "{n} in total",
    "findings.group_split": "{open} open, {fixed} fixed",
    "findings.status_note": "Open findings need a person. Fixed findings were fixed by "
    "rekisteri in this run; they are shown dimmed at the end of each group.",
    "findings.col.severity": "Severity",
    "findings.col.code": "Finding",
    "findings.col.contact": "Contact",
    "findings.col.email": "Email",
    "findings.col.list": "List",
    "findings.col.status": "Status",
    "findings.col.code_id": "Code",
    "findings.col.detail": "Detail",
    "table.truncated": "The table shows the first {shown} of {total} rows; every row is in {file}.",
    "findings.legend": "What the findings mean",
    "finding_status.open": "Open",
    "finding_status.fixed": "Fixed",
    "severity.critical": "Critical",
    "severity.high": "High",
    "severity.medium": "Medium",
    "severity.low": "Low",
    "code.OBJECTION_NOT_HONOURED": "Objection not honoured",
    "code.SUPPRESSION_BREACH": "Suppressed address on a marketing list",
    "code.RESUBSCRIBED_AFTER_OPT_OUT": "Re-subscribed after opting out",
    "code.CONSENT_WITHDRAWN": "Consent withdrawn",
    "code.SOFT_OPT_IN_EXPIRED": "Soft opt-in expired",
    "code.NO_MARKETING_BASIS": "No basis for marketing",
    "code.CONSENT_INCOMPLETE": "Incomplete consent record",
    "code.DUPLICATE_CONTACT": "Duplicate contact",
    "code.INVALID_EMAIL": "Invalid email address",
    "code.DSR_DUE_SOON": "Data-subject request due soon",
    "code.DSR_OVERDUE": "Data-subject request overdue",
    "code.DSR_IDENTITY_UNVERIFIED": "Requester's identity not yet checked",
    "code.DPA_MISSING": "Processor without a data-processing agreement",
    "code.TRANSFER_WITHOUT_SAFEGUARD": "Transfer outside the EU/EEA without safeguard",
    "code_help.OBJECTION_NOT_HONOURED": "The person objected to a use the list serves (direct "
    "marketing, distance selling or market research) but is still active on it. An objection "
    "must always be honoured (GDPR Art. 21(3)); only a new, demonstrable opt-in lifts it.",
    "code_help.RESUBSCRIBED_AFTER_OPT_OUT": "The person opted out of this list in "
    "ActiveCampaign (unsubscribe link) and is active on it again, with no new consent recorded "
    "since (GDPR Art. 7(3), SVPL section 200(3)). Check who re-subscribed them.",
    "code_help.SUPPRESSION_BREACH": "The address is on the suppression list after an earlier "
    "objection or erasure but is active on a marketing list again without a new consent.",
    "code_help.CONSENT_WITHDRAWN": "The person withdrew consent and no other basis for marketing "
    "exists (GDPR Art. 7(3)).",
    "code_help.SOFT_OPT_IN_EXPIRED": "The last purchase in the list's product groups is older than "
    "the policy allows and there is no consent (SVPL section 200(2)).",
    "code_help.NO_MARKETING_BASIS": "The person is active on a marketing list with neither "
    "consent nor a soft opt-in basis (SVPL section 200).",
    "code_help.CONSENT_INCOMPLETE": "A consent lacks the consent wording or the privacy notice "
    "version, so it cannot be demonstrated (GDPR Art. 7(1)). Check where it came from.",
    "code_help.DUPLICATE_CONTACT": "The same email address belongs to more than one contact. "
    "Merge or delete the extra contacts.",
    "code_help.INVALID_EMAIL": "The address is not a valid email address. Check and correct it "
    "(GDPR Art. 5(1)(d)).",
    "code_help.DSR_DUE_SOON": "Requests must be answered within one month of receipt; seven days "
    "or fewer remain (GDPR Art. 12(3)).",
    "code_help.DSR_OVERDUE": "The deadline of the request has passed. Answer without delay.",
    "code_help.DSR_IDENTITY_UNVERIFIED": "The request is recorded, but no data is disclosed or "
    "changed until the requester's identity is checked; ask only for what is needed (GDPR "
    "Art. 12(6)). The deadline is already running.",
    "code_help.DPA_MISSING": "A processor may process personal data only under a "
    "signed contract that meets GDPR Art. 28(3); record its date as processors.dpa_signed.",
    "code_help.TRANSFER_WITHOUT_SAFEGUARD": "The processor is outside the EU/EEA and no transfer "
    "mechanism (adequacy decision or standard contractual clauses) is recorded (GDPR Arts. "
    "44–46).",
    "explain.OBJECTION_NOT_HONOURED": "Active on list {list} although the person objected to "
    "a use the list serves.",
    "explain.SUPPRESSION_BREACH": "Active on list {list} although the address is on the "
    "suppression list.",
    "explain.RESUBSCRIBED_AFTER_OPT_OUT": "Active on list {list} again after opting out of it "
    "in ActiveCampaign, with no new opt-in since.",
    "explain.CONSENT_WITHDRAWN": "Active on list {list} after consent was withdrawn.",
    "explain.SOFT_OPT_IN_EXPIRED": "Active on list {list}; the last purchase in the list's "
    "product groups is older than the soft opt-in period.",
    "explain.NO_MARKETING_BASIS": "Active on list {list} with no consent and no soft opt-in.",
    "explain.CONSENT_INCOMPLETE": "The consent relied on for list {list} lacks its wording ID "
    "or privacy-notice version.",
    "explain.DSR_DUE_SOON": "Request {request} ({type}) must be answered by {due}; {left} left.",
    "explain.DSR_OVERDUE": "Request {request} ({type}) was due {due}; overdue by {late}.",
    "explain.DSR_IDENTITY_UNVERIFIED": "Request {request} ({type}) waits for an identity "
    "check (--verified); answer by {due}.",
    "explain.under_a_day": "less than a day",
    "explain.DPA_MISSING": "Processor {name} has no signed data-processing agreement on record "
    "(GDPR Art. 28(3)): sign it and set dpa_signed in its [[processors]] entry.",
    "explain.TRANSFER_WITHOUT_SAFEGUARD": "Personal data goes to processor {name} ({country}) "
    "outside the EU/EEA without an adequacy decision or standard contractual clauses.",
    "explain.DUPLICATE_CONTACT": "{count} contacts in ActiveCampaign share this email address; "
    "the others: {others}.",
    "explain.INVALID_EMAIL": "The address is not a valid email address.",
    "actions.heading": "Actions",
    "actions.none": "No actions were taken or planned in this run.",
    "actions.col.type": "Action",
    "actions.col.contact": "Contact",
    "actions.col.list": "List",
    "actions.col.rule": "Reason",
    "actions.col.result": "Result",
    "action.unsubscribe": "Unsubscribe",
    "action.tag": "Add tag",
    "action.delete": "Delete contact",
    "action.update": "Update data",
    "result.done": "Done",
    "result.failed": "Failed",
    "result.skipped": "Skipped",
    "result.planned": "Planned",
    "rule.OBJECTION_REQUEST": "Objection (data subject's request)",
    "rule.RECTIFICATION_REQUEST": "Rectification request",
    "requests.heading": "Data-subject requests",
    "requests.none": "No requests recorded.",
    "requests.col.id": "ID",
    "requests.col.type": "Request",
    "requests.col.received": "Received",
    "requests.col.due": "Due",
    "requests.col.status": "Status",
    "requests.col.left": "Time left",
    "requests.overdue": "overdue by {days}",
    "requests.due_today": "due today",
    "requests.deadline_note": "Requests must be answered without undue delay and at the latest "
    "within one month of receipt (GDPR Art. 12(3)).",
    "request.access": "Access",
    "request.erase": "Erasure",
    "request.rectify": "Rectification",
    "request.object": "Objection",
    "request.restrict": "Restriction",
    "request_status.open": "Open",
    "request_status.done": "Done",
    "request_status.failed": "Failed",
    "request_status.refused": "Refused",
    "purge.heading": "Deletions under the retention policy",
    "purge.plan": "Purge plan {plan}: {count}.",
    "purge.applied": "The plan has been applied.",
    "purge.results": "Deletions under the plan in this run:",
    "purge.why_skipped": "Skipped contacts had changed in ActiveCampaign after the plan was made, "
    "so they were not deleted. The next nightly run plans them again if the reason for deletion "
    "still holds.",
    "purge.why_failed": "Failed deletions are listed under Actions. The next nightly run plans "
    "them again if the reason for deletion still holds.",
    "purge.awaiting": "The plan awaits approval.",
    "purge.not_applied": "The plan has not been applied yet.",
    "purge.col.reason": "Reason for deletion",
    "purge.none": "No contacts are due for deletion.",
    "reason.RETENTION_EXPIRED": "Retention period ended",
    "reason.AFTER_WITHDRAWAL": "Consent withdrawn, retention ended",
    "reason.OBJECTED": "Objected to marketing",
    "reason.HARD_BOUNCE": "Address not in use (hard bounce)",
    "reason.ERASURE_REQUEST": "Erasure request",
    "policy.heading": "Policy parameters used",
    "policy.col.parameter": "Parameter",
    "policy.col.value": "Value",
    "policy.enforce": "Enforcement mode",
    "policy.objection_sla_hours": "Time to honour an objection",
    "policy.soft_opt_in_months": "Soft opt-in period after the last purchase",
    "policy.customer_retention_months": "Customer data retention after the last activity",
    "policy.after_withdrawal_days": "Retention after consent withdrawal",
    "policy.hard_bounce_days": "Retention after a hard bounce",
    "policy.max_auto_deletions": "Maximum automatic deletions per run",
    "enforce.report": "report only, no changes in ActiveCampaign",
    "enforce.apply": "fixes are applied in ActiveCampaign automatically",
    "ropa_errors.heading": "Problems in the record of processing activities",
    "ropa_errors.fix": "Fix the configuration and generate the record again with rekisteri ropa.",
    "ropa_errors.none": "No problems.",
    "notes.heading": "Notes",
    "notes.none": "No notes.",
    "note.mass_disappearance": (
        "Safety stop: the full pull would have marked {gone} of {mirrored} contacts deleted in"
        " ActiveCampaign, so nothing was changed. If they really are gone, confirm with"
        " 'rekisteri pull --full --accept-deletions'."
    ),
    "note.pull_failed": "The pull from ActiveCampaign failed, so nothing was applied: {error}",
    "note.inbox_imported": "Imported {file} from the inbox.",
    "note.inbox_rejected": "{file} in the inbox was not imported: {error}",
    "note.reconcile_stopped": "Applying fixes in ActiveCampaign stopped: {error}",
    "note.purge_stopped": "Deletions stopped: {error}",
    "note.purge_skipped": "No deletions were planned: this run has no complete pull from "
    "ActiveCampaign.",
    "note.retention_forgot.one": "Retention: forgot {count} person held only in the register "
    "(no contact in ActiveCampaign, inactive for {months}).",
    "note.retention_forgot.other": "Retention: forgot {count} people held only in the register "
    "(no contact in ActiveCampaign, inactive for {months}).",
    "note.outputs_removed.one": "Retention: removed {count} report, purge plan or file older "
    "than {days} (reports.keep_days).",
    "note.outputs_removed.other": "Retention: removed {count} reports, purge plans or files older "
    "than {days} (reports.keep_days).",
    "note.audit_removed.one": "Retention: removed {count} audit-log row older than {months} "
    "(policy.audit_retention_months).",
    "note.audit_removed.other": "Retention: removed {count} audit-log rows older than {months} "
    "(policy.audit_retention_months).",
    "note.requests_removed.one": "Retention: removed {count} closed data-subject request "
    "older than {months} (policy.request_retention_months).",
    "note.requests_removed.other": "Retention: removed {count} closed data-subject requests "
    "older than {months} (policy.request_retention_months).",
    "notice.heading": "Privacy notice: items to correct",
    "notice.intro": "The current privacy notice has the defects below. They are fixed by "
    "updating the notice; rekisteri cannot fix them.",
    "notice.none": "No known defects in the privacy notice.",
    "notice.repealed_act": "The notice cites the repealed Personal Data Act (henkilötietolaki). "
    "Update the references to the GDPR and the Data Protection Act 1050/2018.",
    "notice.browsing_consent": "“By using our website you accept the processing” is not valid "
    "consent (GDPR Art. 4(11), Recital 32). State the legal basis of each purpose "
    "(Art. 13(1)(c)).",
    "notice.no_retention": "No retention periods are stated (Art. 13(2)(a)). The Verkkokauppa.com "
    "(2024) and Kesko (2023) decisions make this the highest-risk gap.",
    "notice.access_limits": "“Free once a year” and the “in writing” requirement are outdated: "
    "requests are free and may be made in any form (Art. 12(5), 15(3)). Identity checks must be "
    "proportionate.",
    "notice.objection_wording": "The right to object is worded as in the Personal Data Act. Add "
    "the right to object to direct marketing (Art. 21(2)-(4)), an easy opt-out in every message "
    "(SVPL section 200) and the right to complain to the Data Protection Ombudsman "
    "(Art. 13(2)(d)).",
    "notice.partner_disclosure": "Disclosure to partners for their direct marketing needs consent "
    "naming the recipients; the soft opt-in does not extend to partners. List the recipients and "
    "transfers (Art. 13(1)(e)-(f)).",
    "notice.cookies": "The notice says ActiveCampaign and Google Analytics cookies are used and "
    "that using the site means accepting them. Cookies that are not strictly necessary may be "
    "stored or read only with the visitor's prior consent (917/2014 section 205, GDPR "
    "Art. 4(11)); [cookies] analytics = “none” declares no consent, yet ActiveCampaign holds "
    "data recorded from the website (IP address or browser) for contacts. Ask for consent in a "
    "cookie banner and set analytics = “consent_banner” with consent_log, or switch site "
    "tracking off and say in the notice that no analytics cookies are used.",
    "notice.transfers": "Transfers outside the EU/EEA through subcontractors (ActiveCampaign, "
    "Google Analytics): name the safeguard used (adequacy decision (EU) 2023/1795 or standard "
    "contractual clauses (EU) 2021/914).",
    "basis.consent": "Consent",
    "basis.soft_opt_in": "Soft opt-in (customer relationship)",
    "basis.service": "Service delivery",
    **DOC_STRINGS,
    **NEXT_STRINGS,
}
