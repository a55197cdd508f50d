"""English texts of the letters about a request: extension, refusal, erasure, rectification."""

from __future__ import annotations

LETTER_STRINGS: dict[str, str] = {
    "letter.request": "Request reference",
    "letter.type": "Request",
    "letter.received": "Received",
    "letter.original_due": "Original deadline",
    "letter.new_due": "New deadline",
    "letter.recipients_heading": "Recipients who are told of the change (Art. 19)",
    "letter.no_recipients": "Your data has not been disclosed to other recipients.",
    "letter.complaint": "If you are not satisfied with how your request is handled, you may "
    "lodge a complaint with the supervisory authority: {authority}.",
    "letter.contact": "We are happy to answer your questions: {contact}.",
    "letter.complaint_heading": "Right to lodge a complaint",
    "letter.footer": "Letter prepared {at}.",
    "extension.title": "We need more time to answer your request",
    "extension.subtitle": "Article 12(3) of the General Data Protection Regulation",
    "extension.body": "we received your request ({type}) on {received}. We answer requests "
    "without undue delay and within one month at the latest. This request needs more time, so "
    "we are extending the deadline by two months, as Article 12(3) of the GDPR allows, taking "
    "into account the complexity and number of the requests.",
    "extension.reason": "Reason: {reason}",
    "extension.new_due": "We will answer your request by {due} at the latest.",
    "refusal.title": "We will not act on your request",
    "refusal.subtitle": "Article 12(4) and (5) of the General Data Protection Regulation",
    "refusal.body": "we received your request ({type}) on {received}. We will not act on it, "
    "for the following reason.",
    "refusal.reason.manifestly_unfounded": "The request is manifestly unfounded (Article 12(5) "
    "of the GDPR).",
    "refusal.reason.excessive": "The request is excessive, in particular because of its "
    "repetitive character (Article 12(5) of the GDPR).",
    "refusal.details": "Our reasons: {details}",
    "refusal.again": "You may make a new request at any time.",
    "refusal.rights": "You have the right to lodge a complaint with the supervisory authority: "
    "{authority}. You may also seek a judicial remedy before a court (Articles 77-79 of the "
    "GDPR).",
    "erasure.title": "Your data has been erased",
    "erasure.subtitle": "Articles 17 and 19 of the General Data Protection Regulation",
    "erasure.body": "on {received} you asked us to erase your data. We have deleted the data "
    "linked to your address from our email marketing service (ActiveCampaign) and from our own "
    "register.",
    "erasure.contacts": "Contacts deleted: {n}.",
    "erasure.suppressed": "Because you objected to marketing, our suppression list keeps only a "
    "keyed hash of your address, the scope of the objection and its date, so that marketing is "
    "never sent to you again.",
    "rectification.title": "Your data has been rectified",
    "rectification.subtitle": "Articles 16 and 19 of the General Data Protection Regulation",
    "rectification.body": "on {received} you asked us to rectify your data. We have corrected "
    "it and checked the correction:",
    "rectification.col.new": "New value",
}
