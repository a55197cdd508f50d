"""Synthetic people: Finnish emails (mixed case, a few duplicates and invalid ones) and phones."""

from __future__ import annotations

import random

from simulator.names import COMPANY_DOMAINS, FREEMAIL_DOMAINS, TRANSLITERATION
from simulator.state import email_key


class PersonMaker:
    """Draws emails and phones from the shared RNG; remembers which addresses are taken."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.taken: set[str] = set()
        self.valid_emails: list[str] = []

    def email(self, first: str, last: str) -> str:
        """~1% invalid, ~0.5% a case/whitespace variant of an earlier address, else unique."""
        rng = self.rng
        plain_first = first.translate(TRANSLITERATION).lower()
        plain_last = last.translate(TRANSLITERATION).lower()
        domain = rng.choice(FREEMAIL_DOMAINS if rng.random() < 0.8 else COMPANY_DOMAINS)
        roll = rng.random()
        if roll < 0.01:
            invalid = (
                f"{plain_first}.{plain_last}.example.fi",
                f"{plain_first}@@{domain}",
                f"{plain_first}.{plain_last}@",
                f"{first} {last}@{domain}",
                f"{plain_first}@gmail",
                f"@{domain}",
            )
            return rng.choice(invalid)
        if roll < 0.015 and self.valid_emails:
            return self._variant(rng.choice(self.valid_emails))
        style = rng.random()
        if style < 0.45:
            local = f"{plain_first}.{plain_last}"
        elif style < 0.60:
            local = f"{plain_first}{plain_last}{rng.randint(1, 99)}"
        elif style < 0.70:
            local, domain = f"{first}.{last}", domain.capitalize()  # "Aino.Mäkelä@Example.fi"
        elif style < 0.80:
            local = f"{plain_first.capitalize()}.{plain_last.capitalize()}"
        elif style < 0.85:
            local = f"{plain_first.upper()}.{plain_last}"  # "MATTI.virtanen@gmail.com"
        else:
            local = f"{plain_first[:1]}.{plain_last}"
        email, suffix = f"{local}@{domain}", 2
        while email_key(email) in self.taken:
            email, suffix = f"{local}{suffix}@{domain}", suffix + 1
        self.taken.add(email_key(email))
        self.valid_emails.append(email)
        return email

    def _variant(self, email: str) -> str:
        """The same address again, differing only by case or surrounding whitespace."""
        variant = self.rng.choice((email.upper(), email.lower(), email.swapcase(), f" {email}"))
        return variant if variant != email else f"{email} "

    def phone(self) -> str:
        """Half have none; the rest "+358 40 1234567" or "0401234567"."""
        rng = self.rng
        if rng.random() < 0.5:
            return ""
        number = rng.randint(1_000_000, 9_999_999)
        prefix = rng.choice(("40", "44", "45", "50"))
        return f"+358 {prefix} {number}" if rng.random() < 0.5 else f"0{prefix}{number}"
