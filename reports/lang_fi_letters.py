"""Finnish texts of the letters about a request: extension, refusal, erasure, rectification."""

from __future__ import annotations

LETTER_STRINGS: dict[str, str] = {
    "letter.request": "Pyynnön tunnus",
    "letter.type": "Pyyntö",
    "letter.received": "Vastaanotettu",
    "letter.original_due": "Alkuperäinen määräaika",
    "letter.new_due": "Uusi määräaika",
    "letter.recipients_heading": "Vastaanottajat, joille muutoksesta ilmoitetaan (19 art.)",
    "letter.no_recipients": "Tietojasi ei ole luovutettu muille vastaanottajille.",
    "letter.complaint": "Jos olet tyytymätön pyyntösi käsittelyyn, voit tehdä valituksen "
    "valvontaviranomaiselle: {authority}.",
    "letter.contact": "Vastaamme mielellämme kysymyksiisi: {contact}.",
    "letter.complaint_heading": "Oikeus tehdä valitus",
    "letter.footer": "Kirje laadittu {at}.",
    "extension.title": "Pyyntösi käsittelyaikaa jatketaan",
    "extension.subtitle": "EU:n yleisen tietosuoja-asetuksen 12 artiklan 3 kohta",
    "extension.body": "saimme pyyntösi ({type}) {received}. Vastaamme pyyntöihin viipymättä "
    "ja viimeistään kuukauden kuluessa. Tämän pyynnön käsittely vie kuitenkin pidempään, joten "
    "jatkamme määräaikaa kahdella kuukaudella, kuten tietosuoja-asetuksen 12 artiklan 3 kohta "
    "sallii pyyntöjen monimutkaisuuden ja määrän vuoksi.",
    "extension.reason": "Syy: {reason}",
    "extension.new_due": "Vastaamme pyyntöösi viimeistään {due}.",
    "refusal.title": "Emme toteuta pyyntöäsi",
    "refusal.subtitle": "EU:n yleisen tietosuoja-asetuksen 12 artiklan 4 ja 5 kohta",
    "refusal.body": "saimme pyyntösi ({type}) {received}. Emme toteuta sitä seuraavasta syystä.",
    "refusal.reason.manifestly_unfounded": "Pyyntö on ilmeisen perusteeton (tietosuoja-asetuksen "
    "12 artiklan 5 kohta).",
    "refusal.reason.excessive": "Pyyntö on kohtuuton, erityisesti toistuvuutensa vuoksi "
    "(tietosuoja-asetuksen 12 artiklan 5 kohta).",
    "refusal.details": "Perustelut: {details}",
    "refusal.again": "Voit esittää uuden pyynnön milloin tahansa.",
    "refusal.rights": "Sinulla on oikeus tehdä valitus valvontaviranomaiselle: {authority}. "
    "Voit myös saattaa asian tuomioistuimen käsiteltäväksi (tietosuoja-asetuksen 77–79 "
    "artikla).",
    "erasure.title": "Tietosi on poistettu",
    "erasure.subtitle": "EU:n yleisen tietosuoja-asetuksen 17 ja 19 artikla",
    "erasure.body": "pyysit {received}, että poistamme tietosi. Olemme poistaneet "
    "osoitteeseesi liittyvät tiedot sähköpostimarkkinoinnin palvelustamme (ActiveCampaign) ja "
    "omasta rekisteristämme.",
    "erasure.contacts": "Poistettuja kontakteja: {n}.",
    "erasure.suppressed": "Koska olet kieltänyt markkinoinnin, estolistallamme säilyy vain "
    "osoitteestasi avaimella laskettu tiiviste, kiellon laajuus ja päivämäärä, jotta sinulle ei "
    "lähetetä markkinointia uudelleen.",
    "rectification.title": "Tietosi on oikaistu",
    "rectification.subtitle": "EU:n yleisen tietosuoja-asetuksen 16 ja 19 artikla",
    "rectification.body": "pyysit {received}, että oikaisemme tietosi. Olemme korjanneet ne "
    "ja tarkistaneet korjauksen:",
    "rectification.col.new": "Uusi arvo",
}
