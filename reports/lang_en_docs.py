"""English texts of the ROPA and the access letter (split from lang_en to keep modules small)."""

from __future__ import annotations

from reports.lang_en_access import ACCESS_STRINGS
from reports.lang_en_notice import NOTICE_STRINGS

DOC_STRINGS: dict[str, str] = {
    "ropa.title": "Record of processing activities",
    "ropa.subtitle": "Article 30(1) of the General Data Protection Regulation",
    "ropa.errors_title": "The record has problems",
    "ropa.errors_intro": "Fix the following in the configuration, then generate the record "
    "again with rekisteri ropa:",
    "ropa.controller_heading": "(a) Controller and contact details",
    "ropa.activities_heading": "Processing activities",
    "ropa.processors_heading": "Processors and recipients",
    "ropa.f.purpose": "(b) Purpose of the processing",
    "ropa.f.lists": "ActiveCampaign lists",
    "ropa.f.legal_basis": "Legal basis",
    "ropa.f.subjects": "(c) Categories of data subjects",
    "ropa.f.data": "(c) Categories of personal data",
    "ropa.f.recipients": "(d) Recipients",
    "ropa.f.transfers": "(e) Transfers outside the EU/EEA",
    "ropa.f.retention": "(f) Time limits for erasure",
    "ropa.f.security": "(g) Technical and organisational security measures",
    "ropa.security_ref": "Common measures, see below",
    "ropa.security_intro": "The following measures apply to every processing activity above:",
    "ropa.col.name": "Name",
    "ropa.col.country": "Country",
    "ropa.col.role": "Role",
    "ropa.col.eea": "EU/EEA",
    "ropa.col.mechanism": "Transfer mechanism",
    "ropa.generated": "Generated {at}. The record is generated from the same configuration that "
    "drives rekisteri and is regenerated whenever it changes.",
    "ropa.no_recipients": "No recipients; the data is kept only in the controller's own register.",
    "ropa.no_transfers": "No transfers outside the EU/EEA.",
    "ropa.no_retention": "NO RETENTION PERIOD DEFINED – must be fixed.",
    "ropa.transfer_line": "{recipient}, {country}: {mechanism}",
    "ropa.list_line": "List {id} ({name}), basis: {basis}",
    "ropa.kind.customers": "Customer records and purchases",
    "ropa.kind.analytics": "Website analytics and cookies",
    "ropa.kind.suppression": "Suppression list (objections and erased addresses)",
    "ropa.kind.requests": "Handling data-subject requests",
    "ropa.kind.audit": "Audit log of the register's own changes",
    "ropa.desc.audit": "Demonstrating what the job changed or deleted in ActiveCampaign and "
    "in the register, when and by which rule.",
    "ropa.desc.analytics.consent_banner": "Statistics on website use with cookies that are set "
    "only after the visitor has consented in the cookie banner; the consents are kept in "
    "{consent_log}.",
    "ropa.desc.analytics.anonymous_no_cookies": "Anonymous statistics on website use, without "
    "cookies or anything else stored on or read from the visitor's device.",
    "ropa.desc.consent": "Email marketing and newsletters to people who have consented to it.",
    "ropa.desc.soft_opt_in": "Email marketing to customers of the controller's own products and "
    "services similar to those they bought.",
    "ropa.desc.service": "Messages to customers about a service they ordered.",
    "ropa.desc.unclassified": "The legal basis of this purpose is missing from the configuration.",
    "ropa.desc.customers": "Managing the customer relationship, delivering and invoicing orders, "
    "and demonstrating the soft opt-in basis for marketing.",
    "ropa.desc.analytics": "Statistics on website use. [cookies] analytics = “none”: "
    "the configuration declares no analytics cookies, and no consent to cookies is claimed.",
    "ropa.desc.suppression": "Making sure that no marketing is sent to a person who objected or "
    "whose data was erased, even if the address is acquired again later.",
    "ropa.desc.requests": "Carrying out data subjects' rights (access, rectification, erasure, "
    "objection) and demonstrating that this was done.",
    "ropa.err.no_purpose": "List {list}: the purpose is missing.",
    "ropa.err.no_basis": "List {list}: purpose “{purpose}” has no legal basis (basis).",
    "ropa.err.bad_basis": "List {list}: unknown legal basis “{basis}”.",
    "ropa.err.list_retention": "List {list}: no retention period can be derived for purpose "
    "“{purpose}” ({setting} = {value}).",
    "ropa.err.retention_customers": "Customer records and purchases: no retention period can be "
    "derived ({setting} = {value}).",
    "ropa.err.list_retention_unenforced": "List {list}: retention_months = {value} for purpose "
    "“{purpose}” is not enforced by the purge; remove it (the periods in [policy] are what the "
    "job enforces and what the record states).",
    "ropa.err.retention_requests": "Data-subject requests: no retention period can be derived "
    "({setting} = {value}).",
    "ropa.err.retention_audit": "Audit log: no retention period can be derived "
    "({setting} = {value}).",
    "ropa.err.processor_no_purposes": "Processor {name}: purposes is empty, so it is listed as "
    "a recipient of every activity; name the list purposes or activities it serves.",
    "ropa.err.processor_purpose": "Processor {name}: purpose “{purpose}” is neither a list "
    "purpose nor an activity ({known}).",
    "ropa.err.analytics_undeclared": "Processor {name} serves website_analytics, but [cookies] "
    "analytics = “none”: ask for consent in a cookie banner (917/2014 section 205) and set "
    "analytics = “consent_banner” with consent_log, or stop using the service.",
    "ropa.err.consent_log": "[cookies] analytics = “consent_banner” without consent_log: "
    "consent must be demonstrable (GDPR Art. 7(1)); name where the banner's consents are kept.",
    "ropa.err.cookie_mode": "[cookies] analytics = “{value}” is not one of none, consent_banner, "
    "anonymous_no_cookies.",
    "ropa.err.bad_country": "Processor {name}: country “{country}” is not a two-letter ISO code.",
    "ropa.err.bad_mechanism": "Processor {name}: unknown transfer mechanism “{mechanism}”.",
    "ropa.err.transfer": "Processor {name} ({country}): transfer outside the EU/EEA with no "
    "transfer mechanism (transfer_mechanism = none).",
    "legal.gdpr_6_1_a": "Consent (GDPR Art. 6(1)(a))",
    "legal.svpl_200_1": "Prior consent to electronic direct marketing (Act on Electronic "
    "Communications Services 917/2014, section 200(1))",
    "legal.gdpr_6_1_f": "Legitimate interest: direct marketing to customers (GDPR Art. 6(1)(f))",
    "legal.svpl_200_2": "Soft opt-in for the controller's own similar products (Act on Electronic "
    "Communications Services 917/2014, section 200(2))",
    "legal.gdpr_6_1_b": "Performance of a contract (GDPR Art. 6(1)(b))",
    "legal.gdpr_6_1_c_books": "Bookkeeping obligation (Accounting Act 1336/1997; GDPR "
    "Art. 6(1)(c))",
    "legal.gdpr_6_1_c_21_3": "Legal obligation to honour objections to direct marketing (GDPR "
    "Art. 6(1)(c) with Art. 21(3))",
    "legal.gdpr_6_1_c_12_22": "Legal obligation to carry out data subjects' rights (GDPR "
    "Art. 6(1)(c) with Arts. 12–22)",
    "legal.svpl_205": "Cookies: the user's consent (Act on Electronic Communications Services "
    "917/2014, section 205)",
    "legal.cookies_none": "None claimed: [cookies] analytics = “none” declares no analytics "
    "cookies, so no consent to cookies (917/2014 section 205) is relied on",
    "legal.gdpr_6_1_f_statistics": "Legitimate interest in anonymous usage statistics (GDPR "
    "Art. 6(1)(f)); nothing is stored on or read from the visitor's device",
    "legal.gdpr_6_1_c_5_2": "Legal obligation to demonstrate compliance (GDPR Art. 6(1)(c) "
    "with Arts. 5(2) and 24(1))",
    "subjects.register_people": "People whose contact the job changed or deleted",
    "subjects.subscribers": "Subscribers to newsletters and marketing messages",
    "subjects.customers": "Customers",
    "subjects.objectors": "People who objected to marketing or whose data was erased",
    "subjects.requesters": "People who made a data-protection request",
    "subjects.visitors": "Website visitors",
    "data.contact_details": "Name, email address and phone number",
    "data.list_status": "List memberships with subscribe and unsubscribe dates",
    "data.custom_fields": "Details the person gave, such as interests, and tags",
    "data.email_activity": "Email opens and clicks, bounced messages, IP address and the "
    "location derived from it",
    "data.consent_records": "Consents and withdrawals (time, source, consent wording, privacy "
    "notice version)",
    "data.objection_records": "Objections to marketing (time, scope, channel)",
    "data.purchases": "Purchases: product group and date of the last purchase; order and "
    "invoicing details",
    "data.hashed_email": "A keyed hash of the email address (HMAC-SHA256), the scope, reason "
    "and date",
    "data.requester_contact": "The email address the answer is sent to",
    "data.request_details": "Request type, received and due dates, and status",
    "data.browsing": "Pages visited, time on site, referrer, cookie identifiers and IP address",
    "data.site_tracking": "Pages a contact visited on the website, if ActiveCampaign site "
    "tracking is switched on for the account",
    "data.cookie_consents": "The visitor's cookie choices and when they were made",
    "data.browsing_anonymous": "Page views counted without identifiers",
    "data.audit_events": "What was changed and when: ActiveCampaign contact id or keyed hash, "
    "list, rule and result; for a rectification the old and new value until the person is erased",
    "retention.tracking_with_contact": "Site-tracking data in ActiveCampaign are deleted "
    "together with the contact, by the periods above",
    "retention.audit_log": "{months}, then removed by the nightly run",
    "retention.until_withdrawal": "Until consent is withdrawn; deleted once {days} have passed "
    "since the withdrawal (only a suppression entry may remain)",
    "retention.after_last_purchase": "{months} after the last purchase in the list's product "
    "groups",
    "retention.customer_months": "{months} after the last customer activity (purchase, consent or "
    "sign-up)",
    "retention.hard_bounce": "A hard-bouncing address is deleted once {days} have passed since "
    "the bounce",
    "retention.bookkeeping": "Bookkeeping material (invoices and vouchers) is kept for the periods "
    "required by the Accounting Act in the bookkeeping system, not in the marketing register",
    "retention.suppression": "As long as the address may be acquired again; only the keyed hash "
    "is kept",
    "retention.request_record": "{months} after the request was answered; a restriction is kept "
    "while it is in force (general limitation period; accountability, GDPR Art. 5(2))",
    "security.need_to_know": "Access only for staff whose work requires it; confidentiality "
    "obligation",
    "security.files_0600": "Reports, exports and the register database readable only by the "
    "operator (file mode 0600, folders 0700)",
    "security.keyed_hashes": "The suppression list holds only a keyed hash; the key is stored "
    "apart from the data",
    "security.token_from_env": "The ActiveCampaign key is read from the environment; it never "
    "appears in the configuration file or in logs",
    "security.audit_log": "Every change made in ActiveCampaign is recorded in an append-only "
    "audit log before and after the change; rows are removed only by age",
    "security.masked_emails": "Email addresses are masked in reports; no personal data is "
    "written to logs",
    "ropa.col.dpa": "Data-processing agreement",
    "ropa.dpa_missing": "NOT SIGNED – DPA_MISSING",
    "mechanism.none": "NO TRANSFER MECHANISM – the transfer is not allowed",
    "mechanism.adequacy": "European Commission adequacy decision (GDPR Art. 45)",
    "mechanism.adequacy_us": "EU–US Data Privacy Framework, Commission adequacy decision (EU) "
    "2023/1795 (GDPR Art. 45)",
    "mechanism.scc": "Commission standard contractual clauses (EU) 2021/914 (GDPR Art. 46(2)(c))",
    "mechanism.in_eea": "Within the EU/EEA, no transfer",
    "country.US": "United States",
    "country.GB": "United Kingdom",
    "country.CH": "Switzerland",
    "country.CA": "Canada",
    "country.IE": "Ireland",
    "country.DE": "Germany",
    "country.NL": "Netherlands",
    "country.SE": "Sweden",
    "country.FI": "Finland",
    "country.DK": "Denmark",
    "country.FR": "France",
    "purpose.newsletter": "Newsletter",
    "purpose.customer_offers": "Offers to customers",
    "purpose.surveys": "Customer surveys",
    "purpose.orders": "Order confirmations and customer messages",
    **ACCESS_STRINGS,
    **NOTICE_STRINGS,
}
