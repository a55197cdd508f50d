"""Finnish texts (the controller's default language). Keys must match lang_en exactly."""

from __future__ import annotations

from reports.lang_fi_docs import DOC_STRINGS
from reports.lang_fi_next import NEXT_STRINGS

STRINGS: dict[str, str] = {
    "common.none": "–",
    "common.yes": "kyllä",
    "common.no": "ei",
    "common.count": "Määrä",
    "unit.hour.one": "{n} tunti",
    "unit.hour.other": "{n} tuntia",
    "unit.day.one": "{n} päivä",
    "unit.day.other": "{n} päivää",
    "unit.month.one": "{n} kuukausi",
    "unit.month.other": "{n} kuukautta",
    "unit.year.one": "{n} vuosi",
    "unit.year.other": "{n} vuotta",
    "count.contact.one": "{n} kontakti",
    "count.contact.other": "{n} kontaktia",
    "count.api_request.one": "{n} API-kutsu",
    "count.api_request.other": "{n} API-kutsua",
    "controller.heading": "Rekisterinpitäjä",
    "controller.name": "Nimi",
    "controller.business_id": "Y-tunnus",
    "controller.contact": "Yhteyshenkilö",
    # --- report ---
    "report.title": "Tietosuojaraportti",
    "report.subtitle": "ActiveCampaign-markkinointirekisterin tarkistus",
    "report.contents": "Sisällys",
    "report.footer": "Raportin laati rekisteri (ajo {run}) rekisterinpitäjälle {controller}. "
    "Sähköpostiosoitteet on peitetty, ellei niiden näyttämistä erikseen pyydetty. "
    "Raportti sisältää henkilötietoja: säilytä se vain niiden saatavilla, jotka sitä tarvitsevat.",
    "run.heading": "Ajo",
    "run.as_of": "Tilanne hetkellä",
    "run.started": "Aloitettu",
    "run.finished": "Valmistunut",
    "run.command": "Komento",
    "run.id": "Ajon tunnus",
    "run.pull_mode": "Hakutapa",
    "run.pull": "Haku ActiveCampaignista",
    "run.pull_value": "{contacts}, {requests}",
    "run.pull_complete": "valmis",
    "run.pull_incomplete": "jäi kesken",
    "pull_mode.full": "täysi läpikäynti: kaikki kontaktit",
    "pull_mode.incremental": "muutoshaku: edellisen haun jälkeen muuttuneet kontaktit",
    "run.exit_code": "Lopputulos",
    "exit.0": "valmis, ei tarkistettavaa",
    "exit.1": "valmis, avoimia havaintoja tarkistettavana",
    "exit.2": "käyttö- tai asetusvirhe",
    "exit.3": "ActiveCampaign-virhe",
    "exit.4": "virheellinen syötetiedosto",
    "exit.5": "turvapysäytys",
    "exit.6": "toinen ajo oli käynnissä",
    "summary.heading": "Yhteenveto",
    "summary.pull_incomplete_title": "Haku jäi kesken",
    "summary.pull_incomplete": "Tietojen haku ActiveCampaignista ei valmistunut. "
    "Poistosuunnitelmaa ei tehty, ja luvut voivat olla vajaita.",
    "summary.review_title": "Tarkistettavaa",
    "summary.review": "Alla luetellut asiat odottavat ihmisen päätöstä.",
    "summary.clear_title": "Ei avoimia asioita",
    "summary.clear": "Havainnot on korjattu, eikä mikään odota hyväksyntää.",
    "summary.fixed_heading": "Korjattu tässä ajossa",
    "summary.unsubscribed": "Poistot markkinointilistoilta",
    "summary.deleted": "Kontakteja poistettu ActiveCampaignista",
    "summary.findings_fixed": "Korjattuja havaintoja",
    "summary.person_heading": "Vaatii ihmisen päätöksen",
    "summary.open_total": "Avoimia havaintoja",
    "summary.failed_actions": "Epäonnistuneita toimenpiteitä",
    "summary.report_only": "Toimintatila on ”vain raportti”: ActiveCampaigniin ei tehty "
    "muutoksia, joten havainnot jäävät avoimiksi, kunnes ne korjataan.",
    "summary.open_by_severity": "Avoimet havainnot vakavuuden mukaan",
    "summary.purge_title": "Poistosuunnitelma odottaa hyväksyntää",
    "summary.purge_awaiting": "Suunnitelmassa on {count} poistettavaa kontaktia, enemmän kuin "
    "automaattisesti saa poistaa. Tarkista suunnitelma ja hyväksy se komennolla:",
    "summary.ropa_title": "Seloste käsittelytoimista on puutteellinen",
    "summary.ropa_errors": "Puutteita: {n}.",
    "summary.see_below": "Katso puutteet alempaa.",
    "summary.open_requests": "Avoimet rekisteröityjen pyynnöt",
    "summary.no_open_requests": "Ei avoimia pyyntöjä.",
    "summary.figures": "Tunnusluvut",
    "totals.contacts": "Kontakteja ActiveCampaignissa",
    "totals.active_marketing": "Aktiivisina markkinointilistoilla",
    "totals.findings": "Havaintoja",
    "totals.purge_planned": "Suunniteltuja poistoja",
    "chart.history_title": "Havainnot koodeittain viimeisimmissä ajoissa",
    "chart.basis_title": "Aktiiviset markkinointikontaktit markkinointiperusteen mukaan",
    "chart.this_run": "tämä ajo",
    "chart.findings_axis": "Havaintoja",
    "chart.contacts_axis": "Kontakteja",
    "chart.no_findings": "Ei havaintoja",
    "chart.no_history": "Aiempia ajoja ei vielä ole, joten kaaviossa on vain tämä ajo.",
    "chart.no_active": "Ei aktiivisia markkinointikontakteja",
    "chart.history_alt": "Pinottu pylväskaavio havainnoista koodeittain; ajoja kaaviossa: "
    "{runs}. Tässä ajossa: {latest}.",
    "chart.basis_alt": "Pylväskaavio aktiivisista markkinointikontakteista perusteen mukaan: "
    "{counts}.",
    "findings.heading": "Havainnot",
    "findings.none": "Tässä ajossa ei tehty havaintoja.",
    "findings.group_count": "{n} kpl",
    "findings.group_split": "avoimia {open}, korjattuja {fixed}",
    "findings.status_note": "Avoimet havainnot vaativat ihmisen toimia. Korjatut havainnot "
    "rekisteri korjasi tässä ajossa; ne näkyvät himmennettyinä kunkin ryhmän lopussa.",
    "findings.col.severity": "Vakavuus",
    "findings.col.code": "Havainto",
    "findings.col.contact": "Kontakti",
    "findings.col.email": "Sähköposti",
    "findings.col.list": "Lista",
    "findings.col.status": "Tila",
    "findings.col.detail": "Lisätiedot",
    "findings.col.code_id": "Koodi",
    "table.truncated": "Taulukossa on {shown} ensimmäistä riviä {total} rivistä; kaikki rivit "
    "ovat tiedostossa {file}.",
    "findings.legend": "Havaintojen selitykset",
    "finding_status.open": "Avoin",
    "finding_status.fixed": "Korjattu",
    "severity.critical": "Kriittinen",
    "severity.high": "Korkea",
    "severity.medium": "Keskitaso",
    "severity.low": "Matala",
    "code.OBJECTION_NOT_HONOURED": "Markkinointikieltoa ei noudatettu",
    "code.SUPPRESSION_BREACH": "Estolistan osoite markkinointilistalla",
    "code.RESUBSCRIBED_AFTER_OPT_OUT": "Liitetty listalle uudelleen peruutuksen jälkeen",
    "code.CONSENT_WITHDRAWN": "Suostumus peruttu",
    "code.SOFT_OPT_IN_EXPIRED": "Asiakassuhteeseen perustuva markkinointioikeus päättynyt",
    "code.NO_MARKETING_BASIS": "Ei markkinointiperustetta",
    "code.CONSENT_INCOMPLETE": "Suostumustieto puutteellinen",
    "code.DUPLICATE_CONTACT": "Kaksoiskontakti",
    "code.INVALID_EMAIL": "Virheellinen sähköpostiosoite",
    "code.DSR_DUE_SOON": "Pyynnön määräaika lähestyy",
    "code.DSR_OVERDUE": "Pyyntö myöhässä",
    "code.DSR_IDENTITY_UNVERIFIED": "Pyytäjän henkilöllisyys tarkistamatta",
    "code.DPA_MISSING": "Käsittelijältä puuttuu käsittelysopimus",
    "code.TRANSFER_WITHOUT_SAFEGUARD": "Siirto EU:n/ETA:n ulkopuolelle ilman suojatoimia",
    "code_help.OBJECTION_NOT_HONOURED": "Henkilö on kieltänyt käytön, jota lista palvelee "
    "(suoramarkkinointi, etämyynti tai markkinatutkimus), mutta on yhä aktiivisena listalla. "
    "Kieltoa on noudatettava aina (tietosuoja-asetus 21 art. 3 kohta); vain uusi, todennettava "
    "suostumus kumoaa sen.",
    "code_help.RESUBSCRIBED_AFTER_OPT_OUT": "Henkilö on peruuttanut tämän listan "
    "ActiveCampaignissa (peruutuslinkki) ja on taas aktiivisena listalla ilman uutta "
    "suostumusta (tietosuoja-asetus 7 art. 3 kohta, SVPL 200 § 3 mom.). Selvitä, kuka liitti "
    "hänet takaisin.",
    "code_help.SUPPRESSION_BREACH": "Osoite on estolistalla aiemman kiellon tai poiston vuoksi, "
    "mutta se on taas aktiivisena markkinointilistalla ilman uutta suostumusta.",
    "code_help.CONSENT_WITHDRAWN": "Henkilö on perunut suostumuksensa, eikä muuta "
    "markkinointiperustetta ole (tietosuoja-asetus 7 art. 3 kohta).",
    "code_help.SOFT_OPT_IN_EXPIRED": "Viimeisin osto listan tuoteryhmissä on vanhempi kuin "
    "asetuksissa sallitaan, eikä suostumusta ole (SVPL 200 § 2 mom.).",
    "code_help.NO_MARKETING_BASIS": "Henkilö on aktiivisena markkinointilistalla ilman "
    "suostumusta tai asiakassuhteeseen perustuvaa markkinointioikeutta (SVPL 200 §).",
    "code_help.CONSENT_INCOMPLETE": "Suostumuksesta puuttuu suostumusteksti tai "
    "tietosuojaselosteen versio, joten sen antamista ei voi osoittaa (tietosuoja-asetus 7 art. "
    "1 kohta). Tarkista suostumuksen lähde.",
    "code_help.DUPLICATE_CONTACT": "Sama sähköpostiosoite kuuluu useammalle kontaktille. "
    "Yhdistä tai poista ylimääräiset kontaktit.",
    "code_help.INVALID_EMAIL": "Osoite ei ole kelvollinen sähköpostiosoite. Tarkista ja korjaa "
    "se (tietosuoja-asetus 5 art. 1 kohta d).",
    "code_help.DSR_DUE_SOON": "Pyyntöön on vastattava kuukauden kuluessa sen saapumisesta; "
    "aikaa on enintään seitsemän päivää (tietosuoja-asetus 12 art. 3 kohta).",
    "code_help.DSR_OVERDUE": "Pyynnön määräaika on ohitettu. Vastaa viipymättä.",
    "code_help.DSR_IDENTITY_UNVERIFIED": "Pyyntö on kirjattu, mutta tietoja ei luovuteta eikä "
    "muuteta ennen kuin pyytäjän henkilöllisyys on tarkistettu; pyydä vain tarpeelliset tiedot "
    "(tietosuoja-asetus 12 art. 6 kohta). Määräaika kuluu jo.",
    "code_help.DPA_MISSING": "Käsittelijä saa käsitellä henkilötietoja vain "
    "allekirjoitetun, tietosuoja-asetuksen 28 artiklan 3 kohdan mukaisen sopimuksen perusteella; "
    "merkitse sen päiväys kohtaan processors.dpa_signed.",
    "code_help.TRANSFER_WITHOUT_SAFEGUARD": "Käsittelijä on EU:n/ETA:n ulkopuolella, eikä "
    "siirtoperustetta (riittävyyspäätös tai vakiolausekkeet) ole kirjattu (tietosuoja-asetus "
    "44–46 art.).",
    "explain.OBJECTION_NOT_HONOURED": "Aktiivinen listalla {list}, vaikka henkilö on kieltänyt "
    "käytön, jota lista palvelee.",
    "explain.RESUBSCRIBED_AFTER_OPT_OUT": "Aktiivinen listalla {list} taas sen jälkeen, kun "
    "henkilö peruutti sen ActiveCampaignissa, eikä uutta suostumusta ole annettu.",
    "explain.SUPPRESSION_BREACH": "Aktiivinen listalla {list}, vaikka osoite on estolistalla.",
    "explain.CONSENT_WITHDRAWN": "Aktiivinen listalla {list}, vaikka suostumus on peruttu.",
    "explain.SOFT_OPT_IN_EXPIRED": "Aktiivinen listalla {list}, mutta viimeisin osto listan "
    "tuoteryhmistä on vanhempi kuin asiakassuhteeseen perustuva markkinointioikeus sallii.",
    "explain.NO_MARKETING_BASIS": "Aktiivinen listalla {list} ilman suostumusta tai "
    "asiakassuhteeseen perustuvaa markkinointioikeutta.",
    "explain.CONSENT_INCOMPLETE": "Listan {list} perusteena olevasta suostumuksesta puuttuu "
    "suostumustekstin tunnus tai tietosuojaselosteen versio.",
    "explain.DSR_DUE_SOON": "Pyyntöön {request} ({type}) on vastattava viimeistään {due}; "
    "aikaa on {left}.",
    "explain.DSR_OVERDUE": "Pyyntöön {request} ({type}) olisi pitänyt vastata viimeistään "
    "{due}; myöhässä {late}.",
    "explain.under_a_day": "alle päivä",
    "explain.DSR_IDENTITY_UNVERIFIED": "Pyyntö {request} ({type}) odottaa henkilöllisyyden "
    "tarkistusta (--verified); vastattava viimeistään {due}.",
    "explain.DPA_MISSING": "Käsittelijän {name} allekirjoitettua käsittelysopimusta ei ole "
    "kirjattu (tietosuoja-asetuksen 28 artiklan 3 kohta): allekirjoita sopimus ja merkitse "
    "dpa_signed sen [[processors]]-kohtaan.",
    "explain.TRANSFER_WITHOUT_SAFEGUARD": "Henkilötietoja siirretään käsittelijälle {name} "
    "({country}) EU:n/ETA:n ulkopuolelle ilman riittävyyspäätöstä tai vakiolausekkeita.",
    "explain.DUPLICATE_CONTACT": "Sama sähköpostiosoite on {count} kontaktilla ActiveCampaignissa; "
    "muut kontaktit: {others}.",
    "explain.INVALID_EMAIL": "Osoite ei ole kelvollinen sähköpostiosoite.",
    "actions.heading": "Toimenpiteet",
    "actions.none": "Tässä ajossa ei tehty eikä suunniteltu toimenpiteitä.",
    "actions.col.type": "Toimenpide",
    "actions.col.contact": "Kontakti",
    "actions.col.list": "Lista",
    "actions.col.rule": "Syy",
    "actions.col.result": "Tulos",
    "action.unsubscribe": "Poisto listalta",
    "action.tag": "Tunnisteen lisäys",
    "action.delete": "Kontaktin poisto",
    "action.update": "Tietojen päivitys",
    "result.done": "Tehty",
    "result.failed": "Epäonnistui",
    "result.skipped": "Ohitettu",
    "result.planned": "Suunniteltu",
    "rule.OBJECTION_REQUEST": "Markkinointikielto (rekisteröidyn pyyntö)",
    "rule.RECTIFICATION_REQUEST": "Oikaisupyyntö",
    "requests.heading": "Rekisteröityjen pyynnöt",
    "requests.none": "Pyyntöjä ei ole kirjattu.",
    "requests.col.id": "Tunnus",
    "requests.col.type": "Pyyntö",
    "requests.col.received": "Vastaanotettu",
    "requests.col.due": "Määräpäivä",
    "requests.col.status": "Tila",
    "requests.col.left": "Aikaa jäljellä",
    "requests.overdue": "myöhässä {days}",
    "requests.due_today": "erääntyy tänään",
    "requests.deadline_note": "Pyyntöön on vastattava viipymättä ja viimeistään kuukauden "
    "kuluessa sen saapumisesta (tietosuoja-asetus 12 art. 3 kohta).",
    "request.access": "Tarkastuspyyntö",
    "request.erase": "Poistopyyntö",
    "request.rectify": "Oikaisupyyntö",
    "request.object": "Markkinointikielto / vastustaminen",
    "request.restrict": "Käsittelyn rajoittaminen",
    "request_status.open": "Avoin",
    "request_status.done": "Valmis",
    "request_status.failed": "Epäonnistui",
    "request_status.refused": "Kieltäydytty",
    "purge.heading": "Poistot säilytysaikojen perusteella",
    "purge.plan": "Poistosuunnitelma {plan}: {count}.",
    "purge.applied": "Suunnitelma on toteutettu.",
    "purge.results": "Suunnitelman poistot tässä ajossa:",
    "purge.why_skipped": "Ohitetut kontaktit olivat muuttuneet ActiveCampaignissa suunnitelman "
    "laatimisen jälkeen, joten niitä ei poistettu. Seuraava yöajo suunnittelee ne uudelleen, jos "
    "poistoperuste on yhä voimassa.",
    "purge.why_failed": "Epäonnistuneet poistot näkyvät Toimenpiteet-taulukossa. Seuraava yöajo "
    "suunnittelee ne uudelleen, jos poistoperuste on yhä voimassa.",
    "purge.awaiting": "Suunnitelma odottaa hyväksyntää.",
    "purge.not_applied": "Suunnitelmaa ei ole vielä toteutettu.",
    "purge.col.reason": "Poiston peruste",
    "purge.none": "Yhtään kontaktia ei ole poistettavana.",
    "reason.RETENTION_EXPIRED": "Säilytysaika päättynyt",
    "reason.AFTER_WITHDRAWAL": "Suostumus peruttu, säilytysaika päättynyt",
    "reason.OBJECTED": "Markkinointikielto",
    "reason.HARD_BOUNCE": "Osoite ei ole käytössä (pysyvä palautus)",
    "reason.ERASURE_REQUEST": "Poistopyyntö",
    "policy.heading": "Käytetyt asetukset",
    "policy.col.parameter": "Asetus",
    "policy.col.value": "Arvo",
    "policy.enforce": "Toimintatila",
    "policy.objection_sla_hours": "Markkinointikiellon toteutusaika",
    "policy.soft_opt_in_months": "Asiakassuhteeseen perustuva markkinointi viimeisestä ostosta",
    "policy.customer_retention_months": "Asiakastietojen säilytysaika viimeisestä tapahtumasta",
    "policy.after_withdrawal_days": "Säilytys suostumuksen perumisen jälkeen",
    "policy.hard_bounce_days": "Säilytys pysyvän palautuksen jälkeen",
    "policy.max_auto_deletions": "Automaattisten poistojen enimmäismäärä ajoa kohden",
    "enforce.report": "vain raportti, ActiveCampaigniin ei tehdä muutoksia",
    "enforce.apply": "korjaukset tehdään ActiveCampaigniin automaattisesti",
    "ropa_errors.heading": "Puutteet selosteessa käsittelytoimista",
    "ropa_errors.fix": "Korjaa asetukset ja laadi seloste uudelleen komennolla rekisteri ropa.",
    "ropa_errors.none": "Ei puutteita.",
    "notes.heading": "Huomautukset",
    "notes.none": "Ei huomautuksia.",
    "note.mass_disappearance": (
        "Turvapysäytys: täysi haku olisi merkinnyt {gone}/{mirrored} kontaktia poistetuksi"
        " ActiveCampaignista, joten mitään ei muutettu. Jos ne todella on poistettu, vahvista"
        " komennolla 'rekisteri pull --full --accept-deletions'."
    ),
    "note.pull_failed": "Haku ActiveCampaignista epäonnistui, joten muutoksia ei tehty: {error}",
    "note.inbox_imported": "Saapuneet-kansiosta tuotiin tiedosto {file}.",
    "note.inbox_rejected": "Saapuneet-kansion tiedostoa {file} ei tuotu: {error}",
    "note.reconcile_stopped": "Korjausten tekeminen ActiveCampaigniin keskeytyi: {error}",
    "note.purge_stopped": "Poistot keskeytyivät: {error}",
    "note.purge_skipped": "Poistoja ei suunniteltu, koska tässä ajossa ei saatu täydellistä "
    "hakua ActiveCampaignista.",
    "note.retention_forgot.one": "Säilytysaika: rekisteristä poistettiin {count} henkilö, jonka "
    "tiedot olivat vain rekisterissä (ei kontaktia ActiveCampaignissa, passiivisena {months}).",
    "note.retention_forgot.other": "Säilytysaika: rekisteristä poistettiin {count} henkilöä, "
    "joiden tiedot olivat vain rekisterissä (ei kontaktia ActiveCampaignissa, passiivisena "
    "{months}).",
    "note.outputs_removed.one": "Säilytysaika: poistettiin {count} yli {days} vanha raportti, "
    "poistosuunnitelma tai tiedosto (reports.keep_days).",
    "note.outputs_removed.other": "Säilytysaika: poistettiin {count} yli {days} vanhaa "
    "raporttia, poistosuunnitelmaa tai tiedostoa (reports.keep_days).",
    "note.audit_removed.one": "Säilytysaika: tapahtumalokista poistettiin {count} yli {months} "
    "vanha rivi (policy.audit_retention_months).",
    "note.audit_removed.other": "Säilytysaika: tapahtumalokista poistettiin {count} yli {months} "
    "vanhaa riviä (policy.audit_retention_months).",
    "note.requests_removed.one": "Säilytysaika: poistettiin {count} yli {months} sitten "
    "käsitelty rekisteröidyn pyyntö (policy.request_retention_months).",
    "note.requests_removed.other": "Säilytysaika: poistettiin {count} yli {months} sitten "
    "käsiteltyä rekisteröidyn pyyntöä (policy.request_retention_months).",
    "notice.heading": "Tietosuojaselosteen korjattavat kohdat",
    "notice.intro": "Nykyisessä tietosuojaselosteessa on seuraavat puutteet. Ne korjataan "
    "päivittämällä seloste; rekisteri ei voi korjata niitä.",
    "notice.none": "Tietosuojaselosteessa ei ole tiedossa olevia puutteita.",
    "notice.repealed_act": "Seloste viittaa kumottuun henkilötietolakiin. Viittaukset on "
    "päivitettävä EU:n yleiseen tietosuoja-asetukseen ja tietosuojalakiin (1050/2018).",
    "notice.browsing_consent": "Lause ”Käyttämällä verkkosivuamme hyväksyt tietojen käsittelyn” ei "
    "ole pätevä suostumus (tietosuoja-asetus 4 art. 11 kohta, johdanto-osan 32 kappale). Kerro "
    "kunkin käyttötarkoituksen oikeusperuste (13 art. 1 kohta c).",
    "notice.no_retention": "Säilytysajat puuttuvat (13 art. 2 kohta a). Verkkokauppa.comin (2024) "
    "ja Keskon (2023) ratkaisujen perusteella tämä on suurin riski.",
    "notice.access_limits": "”Maksuton kerran vuodessa” ja kirjallisen pyynnön vaatimus ovat "
    "vanhentuneita: pyynnöt ovat maksuttomia ja ne voi esittää missä muodossa tahansa (12 art. "
    "5 kohta, 15 art. 3 kohta). Henkilöllisyyden tarkistuksen on oltava oikeasuhtainen.",
    "notice.objection_wording": "Kielto-oikeus on kuvattu henkilötietolain mukaisesti. Lisää "
    "oikeus vastustaa suoramarkkinointia (21 art. 2–4 kohta), helppo kielto jokaisessa viestissä "
    "(SVPL 200 §) ja oikeus tehdä valitus tietosuojavaltuutetulle (13 art. 2 kohta d).",
    "notice.partner_disclosure": "Tietojen luovuttaminen yhteistyökumppaneiden suoramainontaan "
    "vaatii suostumuksen, jossa vastaanottajat nimetään; asiakassuhteeseen perustuva "
    "markkinointioikeus ei koske kumppaneita. Luettele vastaanottajat ja siirrot (13 art. 1 "
    "kohta e–f).",
    "notice.cookies": "Selosteen mukaan sivustolla käytetään ActiveCampaignin ja Google "
    "Analyticsin evästeitä, ja sivuston käyttäminen tarkoittaa niiden hyväksymistä. Muita kuin "
    "välttämättömiä evästeitä saa tallentaa tai lukea vain kävijän etukäteen antamalla "
    "suostumuksella (917/2014, 205 §; tietosuoja-asetus 4 art. 11 kohta); [cookies] analytics "
    "= ”none” ei ilmoita suostumusta, mutta ActiveCampaignissa on kontakteista verkkosivuilta "
    "tallennettuja tietoja (IP-osoite tai selain). Pyydä suostumus evästebannerilla ja aseta "
    "analytics = ”consent_banner” sekä consent_log, tai poista sivustoseuranta käytöstä ja "
    "kerro selosteessa, ettei analytiikkaevästeitä käytetä.",
    "notice.transfers": "Siirrot EU:n/ETA:n ulkopuolelle alihankkijoiden (ActiveCampaign, Google "
    "Analytics) kautta: nimeä käytetty suojatoimi (riittävyyspäätös (EU) 2023/1795 tai "
    "vakiolausekkeet (EU) 2021/914).",
    "basis.consent": "Suostumus",
    "basis.soft_opt_in": "Asiakassuhde (soft opt-in)",
    "basis.service": "Palvelun toimittaminen",
    **DOC_STRINGS,
    **NEXT_STRINGS,
}
