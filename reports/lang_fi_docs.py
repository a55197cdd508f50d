"""Finnish texts of the ROPA and the access letter (split from lang_fi to keep modules small)."""

from __future__ import annotations

from reports.lang_fi_access import ACCESS_STRINGS
from reports.lang_fi_notice import NOTICE_STRINGS

DOC_STRINGS: dict[str, str] = {
    "ropa.title": "Seloste käsittelytoimista",
    "ropa.subtitle": "EU:n yleisen tietosuoja-asetuksen 30 artiklan 1 kohta",
    "ropa.errors_title": "Selosteessa on puutteita",
    "ropa.errors_intro": "Seuraavat kohdat on korjattava asetuksissa, minkä jälkeen seloste "
    "laaditaan uudelleen komennolla rekisteri ropa:",
    "ropa.controller_heading": "a) Rekisterinpitäjä ja yhteystiedot",
    "ropa.activities_heading": "Käsittelytoimet",
    "ropa.processors_heading": "Henkilötietojen käsittelijät ja vastaanottajat",
    "ropa.f.purpose": "b) Käsittelyn tarkoitus",
    "ropa.f.lists": "ActiveCampaign-listat",
    "ropa.f.legal_basis": "Oikeusperuste",
    "ropa.f.subjects": "c) Rekisteröityjen ryhmät",
    "ropa.f.data": "c) Henkilötietoryhmät",
    "ropa.f.recipients": "d) Vastaanottajat",
    "ropa.f.transfers": "e) Siirrot EU:n/ETA:n ulkopuolelle",
    "ropa.f.retention": "f) Poistamisen määräajat",
    "ropa.f.security": "g) Tekniset ja organisatoriset suojatoimet",
    "ropa.security_ref": "Yhteiset suojatoimet, ks. alla",
    "ropa.security_intro": "Seuraavat suojatoimet koskevat kaikkia edellä lueteltuja "
    "käsittelytoimia:",
    "ropa.col.name": "Nimi",
    "ropa.col.country": "Maa",
    "ropa.col.role": "Tehtävä",
    "ropa.col.eea": "EU/ETA",
    "ropa.col.mechanism": "Siirtoperuste",
    "ropa.generated": "Laadittu {at}. Seloste laaditaan samoista asetuksista, joiden mukaan "
    "rekisteri toimii; se päivitetään aina asetusten muuttuessa.",
    "ropa.no_recipients": "Ei vastaanottajia; tiedot säilytetään vain rekisterinpitäjän omassa "
    "rekisterissä.",
    "ropa.no_transfers": "Ei siirtoja EU:n/ETA:n ulkopuolelle.",
    "ropa.no_retention": "SÄILYTYSAIKAA EI OLE MÄÄRITELTY – korjattava.",
    "ropa.transfer_line": "{recipient}, {country}: {mechanism}",
    "ropa.list_line": "Lista {id} ({name}), peruste: {basis}",
    "ropa.kind.customers": "Asiakastiedot ja ostot",
    "ropa.kind.analytics": "Verkkosivujen analytiikka ja evästeet",
    "ropa.kind.suppression": "Estolista (markkinointikiellot ja poistetut osoitteet)",
    "ropa.kind.requests": "Rekisteröityjen pyyntöjen käsittely",
    "ropa.kind.audit": "Rekisterin omien muutosten tapahtumaloki",
    "ropa.desc.audit": "Osoitetaan, mitä ajo muutti tai poisti ActiveCampaignissa ja "
    "rekisterissä, milloin ja minkä säännön perusteella.",
    "ropa.desc.analytics.consent_banner": "Verkkosivujen käytön tilastointi evästeillä, jotka "
    "asetetaan vasta, kun kävijä on antanut suostumuksensa evästebannerissa; suostumukset "
    "säilytetään: {consent_log}.",
    "ropa.desc.analytics.anonymous_no_cookies": "Verkkosivujen käytön anonyymi tilastointi "
    "ilman evästeitä; kävijän laitteelle ei tallenneta eikä sieltä lueta mitään.",
    "ropa.desc.consent": "Sähköpostimarkkinointi ja tiedotteet henkilöille, jotka ovat antaneet "
    "siihen suostumuksensa.",
    "ropa.desc.soft_opt_in": "Omien, aiemmin ostettujen kanssa samankaltaisten tuotteiden ja "
    "palvelujen sähköpostimarkkinointi asiakkaille.",
    "ropa.desc.service": "Tilattuun palveluun liittyvä viestintä asiakkaille.",
    "ropa.desc.unclassified": "Tarkoituksen oikeusperuste puuttuu asetuksista.",
    "ropa.desc.customers": "Asiakassuhteen hoito, tilausten toimitus ja laskutus sekä "
    "asiakassuhteeseen perustuvan markkinointioikeuden osoittaminen.",
    "ropa.desc.analytics": "Verkkosivujen käytön tilastointi. [cookies] analytics = ”none”: "
    "asetuksissa ei ole ilmoitettu analytiikkaevästeitä, eikä evästeille väitetä suostumusta.",
    "ropa.desc.suppression": "Varmistetaan, ettei markkinointia lähetetä henkilölle, joka on "
    "kieltänyt sen tai jonka tiedot on poistettu, vaikka osoite saataisiin myöhemmin uudelleen.",
    "ropa.desc.requests": "Rekisteröityjen oikeuksien toteuttaminen (tarkastus, oikaisu, "
    "poisto, vastustaminen) ja sen osoittaminen.",
    "ropa.err.no_purpose": "Lista {list}: käyttötarkoitus (purpose) puuttuu.",
    "ropa.err.no_basis": "Lista {list}: käyttötarkoitukselle ”{purpose}” ei ole määritelty "
    "oikeusperustetta (basis).",
    "ropa.err.bad_basis": "Lista {list}: tuntematon oikeusperuste ”{basis}”.",
    "ropa.err.list_retention": "Lista {list}: käyttötarkoituksen ”{purpose}” säilytysaikaa ei voi "
    "määrittää ({setting} = {value}).",
    "ropa.err.retention_customers": "Asiakastiedot ja ostot: säilytysaikaa ei voi määrittää "
    "({setting} = {value}).",
    "ropa.err.list_retention_unenforced": "Lista {list}: käyttötarkoituksen ”{purpose}” "
    "retention_months = {value} ei ole poistoajon noudattama; poista se ([policy]-osion ajat "
    "ovat ne, joita ajo noudattaa ja jotka selosteessa kerrotaan).",
    "ropa.err.retention_requests": "Rekisteröityjen pyynnöt: säilytysaikaa ei voi määrittää "
    "({setting} = {value}).",
    "ropa.err.retention_audit": "Tapahtumaloki: säilytysaikaa ei voi määrittää "
    "({setting} = {value}).",
    "ropa.err.processor_no_purposes": "Käsittelijä {name}: purposes on tyhjä, joten se "
    "näytetään jokaisen käsittelytoimen vastaanottajana; nimeä listojen käyttötarkoitukset tai "
    "käsittelytoimet, joita se palvelee.",
    "ropa.err.processor_purpose": "Käsittelijä {name}: käyttötarkoitus ”{purpose}” ei ole "
    "listan käyttötarkoitus eikä käsittelytoimi ({known}).",
    "ropa.err.analytics_undeclared": "Käsittelijä {name} palvelee käyttötarkoitusta "
    "website_analytics, mutta [cookies] analytics = ”none”: pyydä evästeille suostumus "
    "evästebannerilla (917/2014, 205 §) ja aseta analytics = ”consent_banner” sekä "
    "consent_log, tai lopeta palvelun käyttö.",
    "ropa.err.consent_log": "[cookies] analytics = ”consent_banner” ilman consent_log-arvoa: "
    "suostumus on voitava osoittaa (tietosuoja-asetus 7 art. 1 kohta); kerro, missä bannerin "
    "suostumukset säilytetään.",
    "ropa.err.cookie_mode": "[cookies] analytics = ”{value}” ei ole mikään arvoista none, "
    "consent_banner, anonymous_no_cookies.",
    "ropa.err.bad_country": "Käsittelijä {name}: maakoodi ”{country}” ei ole kaksikirjaiminen "
    "ISO-maakoodi.",
    "ropa.err.bad_mechanism": "Käsittelijä {name}: tuntematon siirtoperuste ”{mechanism}”.",
    "ropa.err.transfer": "Käsittelijä {name} ({country}): siirto EU:n/ETA:n ulkopuolelle ilman "
    "siirtoperustetta (transfer_mechanism = none).",
    "legal.gdpr_6_1_a": "Suostumus (tietosuoja-asetus 6 art. 1 kohta a)",
    "legal.svpl_200_1": "Ennakkosuostumus sähköiseen suoramarkkinointiin (laki sähköisen "
    "viestinnän palveluista 917/2014, 200 § 1 mom.)",
    "legal.gdpr_6_1_f": "Oikeutettu etu: suoramarkkinointi asiakkaille (tietosuoja-asetus 6 art. "
    "1 kohta f)",
    "legal.svpl_200_2": "Asiakassuhteeseen perustuva markkinointi omista samankaltaisista "
    "tuotteista (laki sähköisen viestinnän palveluista 917/2014, 200 § 2 mom.)",
    "legal.gdpr_6_1_b": "Sopimuksen täytäntöönpano (tietosuoja-asetus 6 art. 1 kohta b)",
    "legal.gdpr_6_1_c_books": "Kirjanpitovelvollisuus (kirjanpitolaki 1336/1997; "
    "tietosuoja-asetus 6 art. 1 kohta c)",
    "legal.gdpr_6_1_c_21_3": "Lakisääteinen velvoite noudattaa suoramarkkinointikieltoa "
    "(tietosuoja-asetus 6 art. 1 kohta c ja 21 art. 3 kohta)",
    "legal.gdpr_6_1_c_12_22": "Lakisääteinen velvoite toteuttaa rekisteröidyn oikeudet "
    "(tietosuoja-asetus 6 art. 1 kohta c ja 12–22 art.)",
    "legal.svpl_205": "Evästeet: käyttäjän suostumus (laki sähköisen viestinnän palveluista "
    "917/2014, 205 §)",
    "legal.cookies_none": "Ei mitään: [cookies] analytics = ”none” ilmoittaa, ettei "
    "analytiikkaevästeitä käytetä, joten evästesuostumukseen (917/2014, 205 §) ei vedota",
    "legal.gdpr_6_1_f_statistics": "Oikeutettu etu anonyymiin käyttötilastointiin "
    "(tietosuoja-asetus 6 art. 1 kohta f); kävijän laitteelle ei tallenneta eikä sieltä lueta "
    "mitään",
    "legal.gdpr_6_1_c_5_2": "Lakisääteinen velvoite osoittaa säännösten noudattaminen "
    "(tietosuoja-asetus 6 art. 1 kohta c sekä 5 art. 2 kohta ja 24 art. 1 kohta)",
    "subjects.register_people": "Henkilöt, joiden kontaktia ajo muutti tai jonka se poisti",
    "subjects.subscribers": "Uutiskirjeiden ja markkinointiviestien tilaajat",
    "subjects.customers": "Asiakkaat",
    "subjects.objectors": "Henkilöt, jotka ovat kieltäneet markkinoinnin tai joiden tiedot on "
    "poistettu",
    "subjects.requesters": "Henkilöt, jotka ovat esittäneet tietosuojaa koskevan pyynnön",
    "subjects.visitors": "Verkkosivujen kävijät",
    "data.contact_details": "Nimi, sähköpostiosoite ja puhelinnumero",
    "data.list_status": "Listajäsenyydet sekä liittymis- ja peruutusajat",
    "data.custom_fields": "Itse annetut lisätiedot, kuten kiinnostuksen kohteet, ja tunnisteet",
    "data.email_activity": "Viestien avaukset ja klikkaukset, palautuneet viestit, IP-osoite ja "
    "sen perusteella päätelty sijainti",
    "data.consent_records": "Suostumukset ja niiden peruutukset (aika, lähde, suostumusteksti, "
    "tietosuojaselosteen versio)",
    "data.objection_records": "Markkinointikiellot (aika, laajuus, kanava)",
    "data.purchases": "Ostot: tuoteryhmä ja viimeisimmän oston ajankohta; tilaus- ja "
    "laskutustiedot",
    "data.hashed_email": "Sähköpostiosoitteesta avaimella laskettu tiiviste (HMAC-SHA256), "
    "kiellon laajuus, syy ja päivämäärä",
    "data.requester_contact": "Sähköpostiosoite, johon vastaus lähetetään",
    "data.request_details": "Pyynnön tyyppi, vastaanotto- ja määräpäivä sekä tila",
    "data.browsing": "Vieraillut sivut, käynnin kesto, saapumislähde, evästetunnisteet ja "
    "IP-osoite",
    "data.site_tracking": "Kontaktin vierailemat verkkosivut, jos ActiveCampaignin "
    "sivustoseuranta on tilillä käytössä",
    "data.cookie_consents": "Kävijän evästevalinnat ja niiden ajankohta",
    "data.browsing_anonymous": "Sivujen katselukerrat ilman tunnisteita",
    "data.audit_events": "Mitä muutettiin ja milloin: ActiveCampaignin kontaktitunniste tai "
    "avaimella laskettu tiiviste, lista, sääntö ja tulos; tiedon korjauksesta vanha ja uusi arvo "
    "siihen asti, kun henkilön tiedot poistetaan",
    "retention.tracking_with_contact": "ActiveCampaignin sivustoseurannan tiedot poistetaan "
    "kontaktin mukana edellä mainittujen aikojen mukaan",
    "retention.audit_log": "{months}, minkä jälkeen yöajo poistaa ne",
    "retention.until_withdrawal": "Suostumuksen perumiseen asti; tiedot poistetaan, kun "
    "perumisesta on kulunut {days} (vain estolistamerkintä voi jäädä)",
    "retention.after_last_purchase": "{months} viimeisimmästä ostosta listan tuoteryhmissä",
    "retention.customer_months": "{months} viimeisimmästä asiakastapahtumasta (osto, suostumus "
    "tai rekisteröityminen)",
    "retention.hard_bounce": "Pysyvästi palautuva osoite poistetaan, kun palautuksesta on "
    "kulunut {days}",
    "retention.bookkeeping": "Kirjanpitoaineisto (laskut ja tositteet) säilytetään "
    "kirjanpitolain mukaiset ajat kirjanpitojärjestelmässä, ei markkinointirekisterissä",
    "retention.suppression": "Niin kauan kuin osoite voidaan saada uudelleen; vain avaimella "
    "laskettu tiiviste säilytetään",
    "retention.request_record": "{months} pyyntöön vastaamisesta; käsittelyn rajoitus säilytetään "
    "niin kauan kuin se on voimassa (yleinen vanhentumisaika; osoitusvelvollisuus, "
    "tietosuoja-asetus 5 art. 2 kohta)",
    "security.need_to_know": "Pääsy vain työntekijöillä, joiden tehtävät sitä edellyttävät; "
    "vaitiolovelvollisuus",
    "security.files_0600": "Raportit, viennit ja rekisteritietokanta vain ylläpitäjän "
    "luettavissa (tiedosto-oikeudet 0600, hakemistot 0700)",
    "security.keyed_hashes": "Estolistalla vain avaimella laskettu tiiviste; avain säilytetään "
    "erillään tiedoista",
    "security.token_from_env": "ActiveCampaign-avain luetaan ympäristömuuttujasta; se ei päädy "
    "asetustiedostoon eikä lokeihin",
    "security.audit_log": "Jokainen ActiveCampaigniin tehty muutos kirjataan muuttumattomaan "
    "tapahtumalokiin ennen muutosta ja sen jälkeen; rivejä poistetaan vain iän perusteella",
    "security.masked_emails": "Raporteissa sähköpostiosoitteet peitetään; lokeihin ei kirjata "
    "henkilötietoja",
    "ropa.col.dpa": "Käsittelysopimus",
    "ropa.dpa_missing": "EI ALLEKIRJOITETTU – DPA_MISSING",
    "mechanism.none": "EI SIIRTOPERUSTETTA – siirto ei ole sallittu",
    "mechanism.adequacy": "Euroopan komission tietosuojan riittävyyttä koskeva päätös "
    "(tietosuoja-asetus 45 art.)",
    "mechanism.adequacy_us": "EU:n ja Yhdysvaltojen välinen tietosuojakehys (Data Privacy "
    "Framework), komission riittävyyspäätös (EU) 2023/1795 (tietosuoja-asetus 45 art.)",
    "mechanism.scc": "Komission vakiosopimuslausekkeet (EU) 2021/914 (tietosuoja-asetus 46 art. "
    "2 kohta c)",
    "mechanism.in_eea": "EU/ETA-alue, ei siirtoa",
    "country.US": "Yhdysvallat",
    "country.GB": "Yhdistynyt kuningaskunta",
    "country.CH": "Sveitsi",
    "country.CA": "Kanada",
    "country.IE": "Irlanti",
    "country.DE": "Saksa",
    "country.NL": "Alankomaat",
    "country.SE": "Ruotsi",
    "country.FI": "Suomi",
    "country.DK": "Tanska",
    "country.FR": "Ranska",
    "purpose.newsletter": "Uutiskirje",
    "purpose.customer_offers": "Asiakastarjoukset",
    "purpose.surveys": "Asiakaskyselyt",
    "purpose.orders": "Tilausvahvistukset ja asiakasviestintä",
    **ACCESS_STRINGS,
    **NOTICE_STRINGS,
}
