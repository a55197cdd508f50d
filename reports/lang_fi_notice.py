"""Finnish texts of the privacy notice (tietosuojaseloste); the seed notice's own headings are
kept where they are right, so the controller's readers find their way as before."""

from __future__ import annotations

NOTICE_STRINGS: dict[str, str] = {
    "notice.title": "Tietosuojaseloste ja tietoa evästeiden käytöstä",
    "notice.subtitle": "{name} · EU:n yleisen tietosuoja-asetuksen (EU) 2016/679 13 ja 14 "
    "artiklan mukainen informointi",
    "notice.intro_text": "Tässä selosteessa {name} kertoo, mitä henkilötietoja käsittelemme, "
    "mihin tarkoituksiin ja millä oikeusperusteella, keille tietoja luovutetaan, kuinka kauan "
    "niitä säilytetään ja miten voit käyttää oikeuksiasi. Käsittelyyn sovelletaan EU:n yleistä "
    "tietosuoja-asetusta, tietosuojalakia (1050/2018) ja sähköisen viestinnän palveluista "
    "annettua lakia (917/2014).",
    "notice.version": "Versio {version} · päivitetty {date}",
    "notice.h.controller": "Rekisterinpitäjä",
    "notice.controller": "{name}, y-tunnus {business_id}",
    "notice.h.contact": "Rekisteristä vastaava yhteyshenkilö",
    "notice.h.purposes": "Henkilötietojen käsittelyn tarkoitukset ja oikeusperusteet",
    "notice.purposes_intro": "Käsittelemme henkilötietoja vain seuraaviin tarkoituksiin. Kunkin "
    "tarkoituksen kohdalla kerromme käsittelyn oikeusperusteen ja sen, kuka tietoja käsittelee "
    "puolestamme.",
    "notice.f.lists": "Postituslistat",
    "notice.f.basis": "Oikeusperuste",
    "notice.f.recipients": "Vastaanottajat",
    "notice.list_name": "{name}",
    "notice.kind.customers": "Asiakassuhteen hoito ja tilaukset",
    "notice.kind.website_analytics": "Verkkosivujen kävijätilastot",
    "notice.kind.suppression": "Markkinointikieltojen noudattaminen (estolista)",
    "notice.kind.requests": "Rekisteröityjen pyyntöjen käsittely",
    "notice.desc.customers": "Tilausten toimitus ja laskutus, asiakassuhteen hoito sekä "
    "asiakassuhteeseen perustuvan markkinointioikeuden osoittaminen.",
    "notice.desc.website_analytics": "Verkkosivujen käytön tilastointi palvelun kehittämiseksi.",
    "notice.desc.suppression": "Varmistamme, ettei markkinointia lähetetä henkilölle, joka on "
    "kieltänyt sen, vaikka hänen osoitteensa saataisiin myöhemmin uudelleen.",
    "notice.desc.requests": "Oikeuksiesi toteuttaminen (tarkastus, oikaisu, poisto, "
    "rajoittaminen ja vastustaminen) ja sen osoittaminen.",
    "legal.gdpr_6_1_f_stats": "Oikeutettu etu: verkkosivujen kehittäminen tunnistamattomien "
    "kävijätilastojen avulla (tietosuoja-asetus 6 art. 1 kohta f)",
    "notice.h.data": "Rekisterin tietosisältö",
    "notice.data_intro": "Käsittelemme seuraavia tietoja:",
    "notice.sources_intro": "Saamme tiedot seuraavista lähteistä:",
    "notice.pdesc.newsletter": "Uutiskirjeiden ja tiedotteiden lähettäminen sähköpostilla "
    "niille, jotka ovat tilanneet ne.",
    "notice.pdesc.customer_offers": "Tarjoukset asiakkaille omista tuotteistamme ja "
    "palveluistamme, jotka ovat samankaltaisia kuin ne, joita asiakas on ostanut.",
    "notice.pdesc.surveys": "Asiakaskyselyt ja palautteen kerääminen palvelujemme "
    "kehittämiseksi niiltä, jotka ovat suostuneet niihin.",
    "notice.pdesc.orders": "Tilausvahvistukset ja muut tilattuun palveluun liittyvät viestit.",
    "notice.custom_fields": "{text}; lisäkentät: {fields}",
    "notice.h.sources": "Tietolähteet",
    "notice.source.subject": "Sinä itse: kun tilaat uutiskirjeen tai tuotteitamme, vastaat "
    "kyselyyn tai otat meihin yhteyttä.",
    "notice.source.activecampaign": "Sähköpostipalvelumme kirjaa listatilaukset ja niiden "
    "peruutukset sekä viestien toimitukset, avaukset, klikkaukset ja palautukset.",
    "notice.source.orders": "Tilaus- ja laskutusjärjestelmämme: ostojen tuoteryhmät ja ajankohdat.",
    "notice.source.analytics": "Verkkosivustomme kävijätilastot.",
    "notice.provision": "Tietojen antaminen on vapaaehtoista. Tilauksen toimittamiseen ja "
    "laskuttamiseen tarvitsemme yhteystietosi; uutiskirjeen tilaamiseen riittää "
    "sähköpostiosoite.",
    "notice.h.recipients": "Tietojen luovutus ja siirto EU:n tai ETA:n ulkopuolelle",
    "notice.recipients_intro": "Tietoja käsittelevät puolestamme ja ohjeidemme mukaisesti vain "
    "seuraavat palveluntarjoajat (henkilötietojen käsittelijät):",
    "notice.no_partner_marketing": "Emme myy tietoja emmekä luovuta niitä muille yrityksille "
    "niiden omaan markkinointiin. Viranomaisille tietoja luovutetaan vain, kun laki sitä "
    "edellyttää.",
    "notice.no_recipients": "Tietoja ei luovuteta; ne ovat vain omassa rekisterissämme.",
    "notice.processor_line": "{name} ({role}), käyttötarkoitukset: {purposes}. {where}",
    "notice.processor_eea": "Tiedot käsitellään EU:ssa tai ETA:ssa ({country}).",
    "notice.processor_transfer": "Tietoja siirretään EU:n ja ETA:n ulkopuolelle ({country}); "
    "siirron suojatoimi: {mechanism}.",
    "notice.h.retention": "Henkilötietojen säilytysajat",
    "notice.retention_intro.apply": "Rekisteri tarkistaa säilytysajat joka yö ja poistaa tiedot "
    "automaattisesti, kun säilytysaika on kulunut:",
    "notice.retention_intro.report": "Säilytysajat tarkistetaan joka yö, ja tiedot poistetaan "
    "hyväksytyn poistosuunnitelman mukaisesti, kun säilytysaika on kulunut:",
    "notice.retention.consent": "Suostumukseen perustuvat tilaukset: tietoja käsitellään, kunnes "
    "perut suostumuksesi. Tiedot poistetaan, kun perumisesta on kulunut {days}; jos olet myös "
    "asiakkaamme, tiedot säilytetään asiakastietona, kunnes viimeisimmästä ostostasi on kulunut "
    "{months}.",
    "notice.retention.soft_opt_in": "Asiakassuhteeseen perustuva markkinointi päättyy, kun "
    "viimeisimmästä ostostasi listan tuoteryhmissä on kulunut {months}. Sen jälkeen näitä "
    "viestejä ei lähetetä ilman suostumustasi.",
    "notice.retention.inactive": "Henkilön, jolla ei ole voimassa olevaa markkinointitilausta, "
    "tiedot poistetaan, kun viimeisimmästä asiakastapahtumasta (osto, suostumus tai tilaus) on "
    "kulunut {months}.",
    "notice.retention.objection": "Suoramarkkinoinnin kieltäneen henkilön tiedot poistetaan, kun "
    "kiellosta on kulunut {hours}; asiakkaan tiedot säilytetään kuitenkin asiakastietona, kunnes "
    "viimeisimmästä ostosta on kulunut {months}.",
    "notice.retention.hard_bounce": "Osoite, johon viestit palautuvat pysyvästi, poistetaan, kun "
    "palautuksesta on kulunut {days}.",
    "notice.retention.suppression": "Estolista: markkinoinnin kieltäneestä säilytetään vain "
    "sähköpostiosoitteesta avaimella laskettu tiiviste, kiellon laajuus ja päivämäärä niin kauan "
    "kuin kieltoa on noudatettava. Tiivistettä ei voi muuttaa takaisin osoitteeksi.",
    "notice.retention.requests": "Tietosuojapyyntöjen käsittelytiedot poistetaan, kun pyynnön "
    "käsittelyn päättymisestä on kulunut {months}.",
    "notice.retention.audit": "Markkinointijärjestelmään tehtyjen muutosten tapahtumaloki "
    "poistetaan, kun merkinnästä on kulunut {months}.",
    "notice.retention.outputs": "Raportit, poistosuunnitelmat ja tarkastuspyyntöjen "
    "vastauskopiot poistetaan, kun niiden laatimisesta on kulunut {days}.",
    "notice.retention.bookkeeping": "Laskut ja muu kirjanpitoaineisto säilytetään "
    "kirjanpitojärjestelmässä kirjanpitolain (1336/1997) mukaan: tositteet 6 vuotta ja "
    "kirjanpitokirjat 10 vuotta tilikauden päättymisestä.",
    "notice.h.security": "Rekisterin suojaus",
    "notice.h.cookies": "Evästeet",
    "notice.cookies.none": "Verkkosivustollamme ei käytetä analytiikka-, seuranta- eikä "
    "markkinointievästeitä, eikä kävijöistä kerätä tilastotietoja.",
    "notice.cookies.consent_banner": "Käytämme analytiikkaevästeitä vain, jos annat siihen "
    "suostumuksesi sivuston evästeilmoituksessa (sähköisen viestinnän palveluista annetun lain "
    "205 §; tietosuoja-asetus 6 art. 1 kohta a). Ilman suostumustasi analytiikkaevästeitä ei "
    "aseteta. Voit perua suostumuksesi milloin tahansa evästeasetuksista.",
    "notice.cookies.anonymous_no_cookies": "Kävijätilastot kerätään ilman evästeitä ja "
    "tunnistamatta kävijää: selaimeesi ei tallenneta mitään, eikä tilastoista voi tunnistaa "
    "yksittäistä kävijää.",
    "notice.cookies.services": "Tilastopalvelut: {names}.",
    "notice.cookies.log": "Evästesuostumukset ja niiden peruutukset kirjataan ({log}), jotta "
    "voimme osoittaa ne.",
    "notice.h.rights": "Rekisteröidyn oikeudet",
    "notice.rights_intro": "Sinulla on tietosuoja-asetuksen mukaan seuraavat oikeudet. Niiden "
    "käyttäminen on maksutonta.",
    "notice.rh.access": "Tarkastusoikeus",
    "notice.right.access": "Sinulla on oikeus saada tietää, käsittelemmekö sinua koskevia "
    "henkilötietoja, ja saada jäljennös niistä sekä tiedot käsittelystä (15 art.). Pyynnön voi "
    "esittää missä muodossa tahansa, myös sähköpostilla, ja vastaus on maksuton.",
    "notice.rh.rectify": "Oikeus vaatia tiedon korjaamista",
    "notice.right.rectify": "Sinulla on oikeus saada virheelliset tiedot oikaistuiksi ja "
    "puutteelliset tiedot täydennetyiksi (16 art.). Ilmoitamme oikaisusta niille "
    "vastaanottajille, joille tietoja on luovutettu (19 art.).",
    "notice.rh.erase": "Oikeus tietojen poistamiseen",
    "notice.right.erase": "Sinulla on oikeus saada tietosi poistetuiksi muun muassa silloin, kun "
    "niitä ei enää tarvita, perut suostumuksesi tai vastustat käsittelyä (17 art.). Poistamme "
    "tiedot sähköpostipalvelusta ja rekisteristä ja ilmoitamme poistosta vastaanottajille. Jos "
    "olet kieltänyt markkinoinnin, jäljelle jää vain estolistan tiiviste, jotta kielto pysyy "
    "voimassa. Kirjanpitoaineistoa ei voi poistaa ennen lakisääteisen säilytysajan päättymistä.",
    "notice.rh.restrict": "Oikeus käsittelyn rajoittamiseen",
    "notice.right.restrict": "Voit vaatia, että tietojasi ainoastaan säilytetään, esimerkiksi "
    "sinä aikana, kun selvitämme tietojen paikkansapitävyyttä tai vastustamistasi (18 art.). "
    "Rajoituksen aikana sinulle ei lähetetä markkinointia eikä tietojasi muuteta tai poisteta, "
    "ja kerromme sinulle ennen kuin rajoitus päättyy.",
    "notice.rh.portability": "Oikeus siirtää tiedot järjestelmästä toiseen",
    "notice.right.portability": "Sinulla on oikeus saada antamasi tiedot, joita käsittelemme "
    "suostumuksen tai sopimuksen perusteella, yleisesti käytetyssä koneluettavassa muodossa "
    "(JSON) ja siirtää ne toiselle rekisterinpitäjälle (20 art.).",
    "notice.rh.object": "Vastustamisoikeus ja markkinointikiellot",
    "notice.right.object": "Voit milloin tahansa kieltää tietojesi käytön suoramarkkinointiin, "
    "ja silloin lopetamme sen aina, perusteluja kysymättä (21 art. 2 ja 3 kohta). Voit vastustaa "
    "myös muuta oikeutettuun etuun perustuvaa käsittelyä erityiseen tilanteeseesi liittyvällä "
    "perusteella (21 art. 1 kohta). Jokaisessa markkinointiviestissämme on linkki, jolla voit "
    "kieltää viestit helposti ja maksutta (sähköisen viestinnän palveluista annetun lain 200 §).",
    "notice.object_scopes_intro": "Voit kieltää tietojesi käytön seuraaviin tarkoituksiin "
    "erikseen tai kaikkiin kerralla:",
    "notice.scope.direct_marketing": "Suoramainonta ja muu suoramarkkinointi",
    "notice.scope.distance_selling": "Etämyynti",
    "notice.scope.market_research": "Markkina- ja mielipidetutkimukset",
    "notice.scope.person_directory": "Henkilömatrikkelit",
    "notice.scope.genealogy": "Sukututkimus",
    "notice.scope_lists.one": "sinut poistetaan listalta {lists}",
    "notice.scope_lists.other": "sinut poistetaan listoilta {lists}",
    "notice.scope_none.direct_marketing": "kielto kirjataan ja sitä noudatetaan",
    "notice.scope_none.distance_selling": "kielto kirjataan ja sitä noudatetaan",
    "notice.scope_none.market_research": "kielto kirjataan ja sitä noudatetaan",
    "notice.scope_none.person_directory": "emme luovuta tietoja henkilömatrikkeleihin; kielto "
    "kirjataan ja sitä noudatetaan",
    "notice.scope_none.genealogy": "emme luovuta tietoja sukututkimukseen; kielto kirjataan ja "
    "sitä noudatetaan",
    "notice.object_how": "Kiellon voi tehdä viestin peruutuslinkillä tai ilmoittamalla siitä "
    "yhteyshenkilölle. Kielto tulee voimaan heti, ja sitä noudatetaan kaikissa järjestelmissämme "
    "viimeistään, kun ilmoituksestasi on kulunut {hours}. Kielto on voimassa, kunnes annat "
    "myöhemmin uuden, nimenomaisen suostumuksen.",
    "notice.rh.withdraw": "Suostumuksen peruuttaminen",
    "notice.right.withdraw": "Kun käsittely perustuu suostumukseesi, voit peruuttaa sen milloin "
    "tahansa yhtä helposti kuin annoit sen, esimerkiksi viestin peruutuslinkillä (7 art. 3 "
    "kohta). Peruuttaminen ei vaikuta ennen sitä tehdyn käsittelyn lainmukaisuuteen.",
    "notice.withdraw_none": "Tällä hetkellä mikään käsittely ei perustu suostumukseen.",
    "notice.rh.how": "Näin käytät oikeuksiasi",
    "notice.how": "Ota yhteyttä rekisteristä vastaavaan yhteyshenkilöön: {contact}. Pyynnöt ovat "
    "maksuttomia, eikä niille ole muotovaatimuksia; sähköposti riittää.",
    "notice.identity": "Ennen kuin luovutamme, poistamme tai muutamme tietoja, varmistamme, että "
    "pyyntö tulee sinulta. Käytämme kevyintä riittävää tapaa: yleensä vastaamme siihen "
    "sähköpostiosoitteeseen, joka on rekisterissämme, ja vain tarvittaessa pyydämme vahvaa "
    "sähköistä tunnistautumista tai henkilöllisyystodistuksen näyttämistä. Emme kerää "
    "tunnistamista varten enempää tietoja kuin on tarpeen. Markkinointikielto ja käsittelyn "
    "rajoittaminen eivät odota tunnistamista.",
    "notice.identity_light": "Varmistamme tarvittaessa, että pyyntö tulee sinulta; emme kerää "
    "tunnistamista varten enempää tietoja kuin on tarpeen.",
    "notice.deadline": "Vastaamme ilman aiheetonta viivytystä ja viimeistään kuukauden kuluessa "
    "pyynnön saapumisesta. Jos pyyntöjä on paljon tai ne ovat monimutkaisia, määräaikaa voidaan "
    "jatkaa enintään kahdella kuukaudella; kerromme jatkamisesta ja sen syystä kuukauden "
    "kuluessa. Jos emme toteuta pyyntöä, kerromme syyn ja oikeudestasi tehdä valitus.",
    "notice.rh.complaint": "Oikeus tehdä valitus valvontaviranomaiselle",
    "notice.complaint": "Jos katsot, että henkilötietojesi käsittelyssä rikotaan "
    "tietosuojasäännöksiä, sinulla on oikeus tehdä valitus valvontaviranomaiselle (77 art.): "
    "{authority}.",
    "notice.h.automated": "Automaattinen päätöksenteko ja profilointi",
    "notice.h.changes": "Selosteen muutokset",
    "notice.changes": "Päivitämme tätä selostetta, kun käsittely muuttuu; seloste laaditaan "
    "samoista asetuksista, joiden mukaan rekisteriä ylläpidetään. Jokaisella versiolla on "
    "tunniste ja päivämäärä, ja suostumuksen yhteydessä kirjataan, minkä version aikana se "
    "annettiin. Jos käyttötarkoitukset muuttuvat, kerromme siitä etukäteen ja pyydämme "
    "tarvittaessa uuden suostumuksen. Verkkosivujen käyttäminen ei ole suostumus mihinkään "
    "käsittelyyn.",
    "notice.short.repealed_act": "Kumottu laki",
    "notice.short.browsing_consent": "Oikeusperuste ja suostumus",
    "notice.short.no_retention": "Säilytysajat",
    "notice.short.access_limits": "Tarkastusoikeus",
    "notice.short.objection_wording": "Kielto-oikeus ja valitusoikeus",
    "notice.short.partner_disclosure": "Vastaanottajat",
    "notice.short.transfers": "Siirrot EU:n/ETA:n ulkopuolelle",
    "notice.open.no_basis": "listalle {list} ei ole määritelty oikeusperustetta (basis).",
    "notice.open.list_retention_unenforced": "listan {list} retention_months = {months} näkyy "
    "käsittelytoimien selosteessa, mutta rekisteri ei noudata sitä; tietosuojaseloste kertoo "
    "vain noudatettavat säilytysajat. Poista asetus tai muuta [policy]-arvoja.",
    "notice.open.banner_without_log": '[cookies] analytics = "consent_banner", mutta '
    "consent_log puuttuu: evästesuostumuksia ei voi osoittaa (7 art. 1 kohta).",
    "notice.open.report_only": 'policy.enforce = "report": selosteen säilytysajat toteutuvat '
    "vain, jos joku hyväksyy jokaisen poistosuunnitelman (rekisteri purge --apply --plan ID).",
    "notice.open.no_authority": "controller.complaint_authority on tyhjä: valvontaviranomainen "
    "on nimettävä (13 art. 2 kohta d).",
    "notice.open.processor_no_purposes": "käsittelijältä {name} puuttuu purposes: selosteesta "
    "ei selviä, mitä tietoja se saa (13 art. 1 kohta e).",
    "notice.open.analytics_undeclared": "käsittelijä {name} palvelee tarkoitusta "
    'website_analytics, mutta [cookies] analytics = "none": kerro, mitä sivusto todella '
    "tekee (consent_banner tai anonymous_no_cookies), tai poista käsittelijä.",
    "notice.open.processor_unknown_purpose": "käsittelijän {name} tarkoituksia ({purposes}) "
    "ei ole listoissa eikä selosteessa.",
    "notice.open.no_safeguard": "käsittelijä {name} ({country}) on EU:n/ETA:n ulkopuolella "
    "ilman siirtoperustetta (transfer_mechanism).",
    "notice.not_written": "Nykyisten asetusten mukaista tietosuojaselostetta (versio {version}) "
    "ei ole vielä laadittu. Aja rekisteri notice ja julkaise seloste verkkosivuilla; siihen "
    "asti voimassa on vanha seloste puutteineen.",
    "notice.current": "Nykyisten asetusten mukainen tietosuojaseloste: versio {version}.",
    "notice.open_intro": "Seuraavat puutteet jäävät selosteeseen, kunnes asetukset korjataan:",
    "notice.versions_heading": "Minkä selosteversion aikana suostumukset on annettu",
    "notice.older_consents": "Voimassa olevista suostumuksista {count} on annettu vanhemman tai "
    "tuntemattoman selosteversion aikana. Tarkista, ovatko käyttötarkoitukset muuttuneet, ja "
    "pyydä tarvittaessa uusi suostumus.",
    "notice.col.version": "Selosteen versio",
    "notice.col.consents": "Voimassa olevia suostumuksia",
    "notice.col.status": "Tila",
    "notice.vstatus.current": "nykyinen",
    "notice.vstatus.older": "vanhempi versio",
    "notice.vstatus.unknown": "tuntematon versio (ei rekisterin laatima)",
    "notice.vstatus.missing": "versio puuttuu",
    "notice.no_consents": "Voimassa olevia suostumuksia ei ole kirjattu.",
}
