"""English texts of the privacy notice (same keys as lang_fi_notice)."""

from __future__ import annotations

NOTICE_STRINGS: dict[str, str] = {
    "notice.title": "Privacy notice and information on cookies",
    "notice.subtitle": "{name} · information under Articles 13 and 14 of the General Data "
    "Protection Regulation (EU) 2016/679",
    "notice.intro_text": "In this notice {name} explains which personal data we process, for "
    "which purposes and on which legal basis, who receives it, how long it is kept and how you "
    "can use your rights. The processing is governed by the General Data Protection Regulation, "
    "the Finnish Data Protection Act (1050/2018) and the Act on Electronic Communications "
    "Services (917/2014).",
    "notice.version": "Version {version} · updated {date}",
    "notice.h.controller": "Controller",
    "notice.controller": "{name}, business ID {business_id}",
    "notice.h.contact": "Contact person for the register",
    "notice.h.purposes": "Purposes of the processing and their legal basis",
    "notice.purposes_intro": "We process personal data only for the following purposes. For "
    "each one we state its legal basis and who processes the data on our behalf.",
    "notice.f.lists": "Mailing lists",
    "notice.f.basis": "Legal basis",
    "notice.f.recipients": "Recipients",
    "notice.list_name": "{name}",
    "notice.kind.customers": "Customer relationship and orders",
    "notice.kind.website_analytics": "Website visitor statistics",
    "notice.kind.suppression": "Honouring objections to marketing (suppression list)",
    "notice.kind.requests": "Handling data-subject requests",
    "notice.desc.customers": "Delivering and invoicing orders, managing the customer "
    "relationship, and demonstrating the soft opt-in basis for marketing.",
    "notice.desc.website_analytics": "Statistics on website use to improve the service.",
    "notice.desc.suppression": "Making sure no marketing is sent to a person who objected to "
    "it, even if their address reaches us again later.",
    "notice.desc.requests": "Carrying out your rights (access, rectification, erasure, "
    "restriction and objection) and demonstrating that this was done.",
    "legal.gdpr_6_1_f_stats": "Legitimate interest: improving the website with statistics that "
    "do not identify visitors (GDPR Art. 6(1)(f))",
    "notice.h.data": "Categories of personal data",
    "notice.data_intro": "We process the following data:",
    "notice.sources_intro": "We receive the data from the following sources:",
    "notice.pdesc.newsletter": "Sending newsletters and announcements by email to those who "
    "subscribed to them.",
    "notice.pdesc.customer_offers": "Offers to customers of our own products and services "
    "similar to those they bought.",
    "notice.pdesc.surveys": "Customer surveys and feedback to improve our services, from those "
    "who agreed to them.",
    "notice.pdesc.orders": "Order confirmations and other messages about a service ordered.",
    "notice.custom_fields": "{text}; custom fields: {fields}",
    "notice.h.sources": "Sources of the data",
    "notice.source.subject": "You: when you subscribe to the newsletter, order from us, answer "
    "a survey or contact us.",
    "notice.source.activecampaign": "Our email service records list subscriptions and "
    "unsubscriptions, and message deliveries, opens, clicks and bounces.",
    "notice.source.orders": "Our order and invoicing system: product groups and dates of "
    "purchases.",
    "notice.source.analytics": "Our website's visitor statistics.",
    "notice.provision": "Giving us your data is voluntary. To deliver and invoice an order we "
    "need your contact details; an email address is enough to subscribe to the newsletter.",
    "notice.h.recipients": "Recipients and transfers outside the EU/EEA",
    "notice.recipients_intro": "The data is processed on our behalf and on our instructions "
    "only by the following service providers (processors):",
    "notice.no_partner_marketing": "We do not sell the data or disclose it to other companies "
    "for their own marketing. Data is disclosed to authorities only where the law requires it.",
    "notice.no_recipients": "Not disclosed; the data is kept only in our own register.",
    "notice.processor_line": "{name} ({role}), purposes: {purposes}. {where}",
    "notice.processor_eea": "The data is processed in the EU/EEA ({country}).",
    "notice.processor_transfer": "The data is transferred outside the EU/EEA ({country}); "
    "safeguard: {mechanism}.",
    "notice.h.retention": "How long the data is kept",
    "notice.retention_intro.apply": "The register checks these periods every night and deletes "
    "the data automatically once the period has passed:",
    "notice.retention_intro.report": "These periods are checked every night, and the data is "
    "deleted by an approved deletion plan once the period has passed:",
    "notice.retention.consent": "Subscriptions based on consent: the data is processed until "
    "you withdraw your consent. It is deleted {days} after the withdrawal; if you are also our "
    "customer, it is kept as customer data until {months} after your last purchase.",
    "notice.retention.soft_opt_in": "Marketing based on the customer relationship ends "
    "{months} after your last purchase in the list's product groups. After that these messages "
    "are not sent without your consent.",
    "notice.retention.inactive": "The data of a person with no marketing subscription in force "
    "is deleted {months} after their last customer activity (purchase, consent or "
    "subscription).",
    "notice.retention.objection": "The data of a person who objected to direct marketing is "
    "deleted {hours} after the objection; a customer's data is kept as customer data until "
    "{months} after the last purchase.",
    "notice.retention.hard_bounce": "An address to which messages bounce permanently is deleted "
    "{days} after the bounce.",
    "notice.retention.suppression": "Suppression list: of a person who objected to marketing we "
    "keep only a keyed hash of the email address, the scope and the date, for as long as the "
    "objection must be honoured. The hash cannot be turned back into the address.",
    "notice.retention.requests": "Records of data-protection requests are deleted {months} "
    "after the request was closed.",
    "notice.retention.audit": "The log of changes made in the email service is deleted "
    "{months} after each entry.",
    "notice.retention.outputs": "Reports, deletion plans and copies of access answers are "
    "deleted {days} after they were made.",
    "notice.retention.bookkeeping": "Invoices and other bookkeeping material are kept in the "
    "bookkeeping system as the Accounting Act (1336/1997) requires: vouchers for 6 years and "
    "the books for 10 years after the end of the financial year.",
    "notice.h.security": "How the register is protected",
    "notice.h.cookies": "Cookies",
    "notice.cookies.none": "Our website uses no analytics, tracking or marketing cookies, and "
    "no statistics on visitors are collected.",
    "notice.cookies.consent_banner": "We use analytics cookies only if you consent to them in "
    "the website's cookie notice (Act on Electronic Communications Services 917/2014, section "
    "205; GDPR Art. 6(1)(a)). Without your consent no analytics cookies are set. You can "
    "withdraw your consent at any time in the cookie settings.",
    "notice.cookies.anonymous_no_cookies": "Visitor statistics are collected without cookies "
    "and without identifying visitors: nothing is stored in your browser, and no individual "
    "visitor can be identified from the statistics.",
    "notice.cookies.services": "Statistics services: {names}.",
    "notice.cookies.log": "Cookie consents and their withdrawals are recorded ({log}) so that "
    "we can demonstrate them.",
    "notice.h.rights": "Your rights",
    "notice.rights_intro": "Under the GDPR you have the following rights. Using them is free of "
    "charge.",
    "notice.rh.access": "Right of access",
    "notice.right.access": "You have the right to know whether we process personal data about "
    "you, and to receive a copy of it with information about the processing (Art. 15). You may "
    "ask in any form, email included, and the answer is free of charge.",
    "notice.rh.rectify": "Right to rectification",
    "notice.right.rectify": "You have the right to have inaccurate data corrected and "
    "incomplete data completed (Art. 16). We tell the recipients of the data about the "
    "correction (Art. 19).",
    "notice.rh.erase": "Right to erasure",
    "notice.right.erase": "You have the right to have your data erased, for example when it is "
    "no longer needed, when you withdraw your consent or when you object (Art. 17). We delete it "
    "from the email service and the register and tell the recipients. If you objected to "
    "marketing, only the suppression-list hash remains, so that the objection stays in force. "
    "Bookkeeping material cannot be erased before its statutory period ends.",
    "notice.rh.restrict": "Right to restriction of processing",
    "notice.right.restrict": "You may require that your data is only stored, for example while "
    "we check its accuracy or your objection (Art. 18). During the restriction you receive no "
    "marketing and your data is neither changed nor deleted, and we tell you before the "
    "restriction ends.",
    "notice.rh.portability": "Right to data portability",
    "notice.right.portability": "You have the right to receive the data you gave us, processed "
    "on the basis of consent or a contract, in a commonly used machine-readable form (JSON) and "
    "to pass it to another controller (Art. 20).",
    "notice.rh.object": "Right to object and marketing prohibitions",
    "notice.right.object": "You may object at any time to the use of your data for direct "
    "marketing, and we then always stop, without asking for reasons (Art. 21(2)-(3)). You may "
    "also object, on grounds relating to your particular situation, to other processing based "
    "on legitimate interest (Art. 21(1)). Every marketing message of ours has a link to stop the "
    "messages easily and free of charge (Act on Electronic Communications Services, section "
    "200).",
    "notice.object_scopes_intro": "You may prohibit the use of your data for each of the "
    "following purposes separately, or for all of them at once:",
    "notice.scope.direct_marketing": "Direct advertising and other direct marketing",
    "notice.scope.distance_selling": "Distance selling",
    "notice.scope.market_research": "Market and opinion research",
    "notice.scope.person_directory": "Person directories",
    "notice.scope.genealogy": "Genealogy",
    "notice.scope_lists.one": "you are taken off the list {lists}",
    "notice.scope_lists.other": "you are taken off the lists {lists}",
    "notice.scope_none.direct_marketing": "the prohibition is recorded and honoured",
    "notice.scope_none.distance_selling": "the prohibition is recorded and honoured",
    "notice.scope_none.market_research": "the prohibition is recorded and honoured",
    "notice.scope_none.person_directory": "we disclose no data to person directories; the "
    "prohibition is recorded and honoured",
    "notice.scope_none.genealogy": "we disclose no data for genealogy; the prohibition is "
    "recorded and honoured",
    "notice.object_how": "You can object with the unsubscribe link of a message or by telling "
    "the contact person. The objection takes effect at once and is honoured in all our systems "
    "within {hours} of your message. It stays in force until you later give a new, explicit "
    "consent.",
    "notice.rh.withdraw": "Withdrawing consent",
    "notice.right.withdraw": "Where processing is based on your consent, you may withdraw it at "
    "any time as easily as you gave it, for example with the unsubscribe link of a message "
    "(Art. 7(3)). Withdrawal does not affect the lawfulness of processing before it.",
    "notice.withdraw_none": "At present no processing is based on consent.",
    "notice.rh.how": "How to use your rights",
    "notice.how": "Contact the person responsible for the register: {contact}. Requests are "
    "free of charge and need no particular form; an email is enough.",
    "notice.identity": "Before we disclose, delete or change data, we make sure the request "
    "comes from you, in the lightest way that is enough: usually by answering to the email "
    "address in our register, and only where needed by asking for strong electronic "
    "identification or to see an identity document. We collect no more data for this than is "
    "needed. Objections to marketing and restriction do not wait for identification.",
    "notice.identity_light": "Where needed we make sure the request comes from you; we collect "
    "no more data for this than is needed.",
    "notice.deadline": "We answer without undue delay and at the latest within one month of "
    "receiving the request. Where requests are many or complex, the period may be extended by "
    "at most two further months; we tell you of the extension and why within one month. If we "
    "do not act on a request, we tell you why and of your right to complain.",
    "notice.rh.complaint": "Right to lodge a complaint with a supervisory authority",
    "notice.complaint": "If you consider that the processing of your personal data breaks "
    "data-protection law, you have the right to complain to the supervisory authority "
    "(Art. 77): {authority}.",
    "notice.h.automated": "Automated decision-making and profiling",
    "notice.h.changes": "Changes to this notice",
    "notice.changes": "We update this notice when the processing changes; it is generated from "
    "the same settings that run the register. Every version has an identifier and a date, and "
    "each consent records the version in force when it was given. If the purposes change, we "
    "tell you in advance and ask for a new consent where needed. Using the website is not "
    "consent to any processing.",
    "notice.short.repealed_act": "Repealed law",
    "notice.short.browsing_consent": "Legal basis and consent",
    "notice.short.no_retention": "Retention periods",
    "notice.short.access_limits": "Right of access",
    "notice.short.objection_wording": "Right to object and to complain",
    "notice.short.partner_disclosure": "Recipients",
    "notice.short.transfers": "Transfers outside the EU/EEA",
    "notice.open.no_basis": "list {list} has no legal basis (basis).",
    "notice.open.list_retention_unenforced": "list {list} retention_months = {months} is shown "
    "in the ROPA but rekisteri does not enforce it; the notice states only enforced periods. "
    "Remove it or change the [policy] values.",
    "notice.open.banner_without_log": '[cookies] analytics = "consent_banner" but '
    "consent_log is missing: cookie consents cannot be demonstrated (Art. 7(1)).",
    "notice.open.report_only": 'policy.enforce = "report": the notice\'s retention periods '
    "hold only if someone approves every purge plan (rekisteri purge --apply --plan ID).",
    "notice.open.no_authority": "controller.complaint_authority is empty: the supervisory "
    "authority must be named (Art. 13(2)(d)).",
    "notice.open.processor_no_purposes": "processor {name} has no purposes: the notice cannot "
    "say which data it receives (Art. 13(1)(e)).",
    "notice.open.analytics_undeclared": "processor {name} serves website_analytics but "
    '[cookies] analytics = "none": declare what the site really does (consent_banner or '
    "anonymous_no_cookies) or remove the processor.",
    "notice.open.processor_unknown_purpose": "the purposes of processor {name} ({purposes}) "
    "are neither lists nor activities of the notice.",
    "notice.open.no_safeguard": "processor {name} ({country}) is outside the EU/EEA with no "
    "transfer mechanism.",
    "notice.not_written": "The privacy notice for the current configuration (version {version}) "
    "has not been generated yet. Run rekisteri notice and publish it on the website; until then "
    "the old notice and its defects stand.",
    "notice.current": "Privacy notice for the current configuration: version {version}.",
    "notice.open_intro": "The following defects stay in the notice until the configuration is "
    "fixed:",
    "notice.versions_heading": "Which notice version consents were given under",
    "notice.older_consents": "{count} of the consents in force were given under an older or "
    "unknown notice version. Check whether the purposes changed, and ask for a new consent "
    "where needed.",
    "notice.col.version": "Notice version",
    "notice.col.consents": "Consents in force",
    "notice.col.status": "Status",
    "notice.vstatus.current": "current",
    "notice.vstatus.older": "older version",
    "notice.vstatus.unknown": "unknown version (not issued by rekisteri)",
    "notice.vstatus.missing": "no version recorded",
    "notice.no_consents": "No consents in force are recorded.",
}
