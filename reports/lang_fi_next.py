"""Finnish texts of the next steps and of the notification (split from lang_fi: modules small)."""

from __future__ import annotations

NEXT_STRINGS: dict[str, str] = {
    "next.heading": "Seuraavaksi",
    "next.intro": "Tee nämä tässä järjestyksessä; jokaisen perässä on komento, joka sen tekee.",
    "next.none": "Ei tehtävää: kaikki on kunnossa.",
    "next.command": "Komento",
    "next.import_consents": "Suostumustietoja ei luultavasti ole vielä tuotu: {marketing} "
    "markkinointikontaktista {no_basis} on ilman perustetta (rekisterissä on {consent_records} "
    "suostumustapahtumaa). Tuo suostumukset ensin; älä hyväksy korjauksia tai poistoja ennen "
    "sitä.",
    "next.pull_failed": "Nouto ActiveCampaignista epäonnistui, joten mitään ei muutettu: {error}. "
    "Tarkista API-tunniste ja osoite ja nouda uudelleen.",
    "next.mass_disappearance": "ActiveCampaignista puuttui {gone} rekisterin {mirrored} "
    "kontaktista, joten rekisteri ei unohtanut ketään. Jos poistot ActiveCampaignissa ovat "
    "todellisia, hyväksy ne.",
    "next.inbox_rejected": "Tiedostoa {file} ei tuotu: {error}. Korjaa tiedosto, siirrä se "
    "takaisin saapuneisiin ja aja uudelleen.",
    "next.reconcile_stopped": "Korjausten tekeminen ActiveCampaignissa keskeytyi: {error}. Jo "
    "tehdyt muutokset ovat lokissa; aja korjaukset uudelleen, kun ActiveCampaign vastaa.",
    "next.purge_stopped": "Poistot pysähtyivät: {error}. Laadi uusi poistosuunnitelma ja "
    "tarkista se.",
    "next.request_overdue": "Vastaa pyyntöön {request} ({type}{who}) heti: määräaika {due} "
    "meni umpeen {late} sitten.",
    "next.request_due": "Vastaa pyyntöön {request} ({type}{who}) viimeistään {due} ({left}).",
    "next.who": ", {email}",
    "next.apply_fixes": "Korjaa {count} ActiveCampaignissa (listalta poisto, kieltotunniste).",
    "next.apply_fixes.report_only": "Korjaa {count} ActiveCampaignissa (listalta poisto, "
    "kieltotunniste); ajo vain raportoi (policy.enforce = report), joten mitään ei ole muutettu.",
    "next.approve_purge": "Tarkista poistosuunnitelma {plan} ({count}) ja hyväksy se.",
    "next.fix_processor": "Käsittelijältä {processor} ({country}) puuttuu siirron suojatoimi: "
    "merkitse transfer_mechanism (scc tai adequacy) sen [[processors]]-kohtaan asetuksissa ja "
    "laadi seloste uudelleen.",
    "next.fix_ropa": "Selosteessa on puutteita ({count}): korjaa asetukset ja laadi seloste "
    "uudelleen.",
    "next.rerun": "Aja sen jälkeen yöajo uudelleen ja katso, mitä jää jäljelle.",
    "next.fix_consent_records": "Suostumukselta puuttuu suostumustekstin tunnus tai "
    "tietosuojaselosteen versio ({count}). Tuo suostumukset uudelleen sarakkeiden wording_id ja "
    "notice_version kanssa.",
    "next.merge_duplicates": "Yhdistä kaksoiskontaktit ActiveCampaignissa ({count}); "
    "havainnoissa on kunkin muiden kontaktien tunnisteet.",
    "next.fix_invalid": "Korjaa tai poista ActiveCampaignissa virheelliset osoitteet ({count}).",
    "count.finding.one": "{n} havainto",
    "count.finding.other": "{n} havaintoa",
    "headline.pull_failed": "nouto ActiveCampaignista epäonnistui",
    "headline.overdue.one": "pyyntö myöhässä",
    "headline.overdue.other": "{n} pyyntöä myöhässä",
    "headline.critical.one": "{n} kriittinen havainto",
    "headline.critical.other": "{n} kriittistä havaintoa",
    "headline.safety": "turvapysäytys",
    "headline.approve_purge": "poistosuunnitelma odottaa hyväksyntää",
    "headline.consents": "suostumukset puuttuvat",
    "headline.open.one": "{n} avoin havainto",
    "headline.open.other": "{n} avointa havaintoa",
    "headline.review": "tarkistettavaa",
    "headline.done": "kaikki kunnossa",
    "mail.subject": "rekisteri, {controller}: {headline}",
    "mail.greeting": "Yöajo {run} ({at}) päättyi koodiin {code} ({meaning}).",
    "mail.open": "Avoimet havainnot: {counts}.",
    "mail.steps": "Seuraavaksi:",
    "mail.no_steps": "Ei tehtävää.",
    "mail.report": "Raportti: {path}",
    "mail.footer": "Tämän viestin lähetti rekisteri ([notify] asetuksissa). Viestissä ei ole "
    "sähköpostiosoitteita; ne ovat raportissa peitettyinä.",
}
