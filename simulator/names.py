"""Finnish vocabulary for the synthetic register: names, domains, cities, texts."""

from __future__ import annotations

FIRST_NAMES: tuple[str, ...] = (
    "Aino", "Anna", "Helmi", "Sofia", "Emilia", "Venla", "Ella", "Lotta", "Kaisa", "Päivi",
    "Sirpa", "Tuija", "Ritva", "Hannele", "Marjatta", "Siiri", "Elli", "Pihla", "Iida", "Säde",
    "Ilona", "Linnéa", "Jenni", "Minttu", "Kerttu", "Matti", "Juha", "Mikko", "Jari", "Antti",
    "Väinö", "Eino", "Onni", "Elias", "Leevi", "Juho", "Tapio", "Pekka", "Jyrki", "Sakari",
    "Kalle", "Ville", "Tuomas", "Mika", "Hannu", "Jussi", "Olli", "Niilo", "Åke", "Mårten",
)  # fmt: skip

LAST_NAMES: tuple[str, ...] = (
    "Korhonen", "Virtanen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine", "Heikkinen",
    "Koskinen", "Järvinen", "Lehtonen", "Lehtinen", "Saarinen", "Salminen", "Heinonen", "Niemi",
    "Heikkilä", "Kinnunen", "Salonen", "Turunen", "Salo", "Laitinen", "Tuominen", "Rantanen",
    "Karjalainen", "Jokinen", "Mattila", "Savolainen", "Lahtinen", "Ahonen", "Söderström",
    "Åberg", "Öhman", "Äijälä", "Pöllänen", "Kärkkäinen", "Väisänen", "Hyvärinen", "Lindqvist",
    "Sjöblom",
)  # fmt: skip

FREEMAIL_DOMAINS: tuple[str, ...] = (
    "gmail.com", "hotmail.com", "outlook.com", "yahoo.com", "icloud.com", "luukku.com",
    "elisanet.fi", "kolumbus.fi", "suomi24.fi", "welho.com",
)  # fmt: skip

COMPANY_DOMAINS: tuple[str, ...] = ("Example.fi", "yritys.example", "Osuuskunta.example.fi")

# (city, region, zip, lat, lon) for geoAddresses and the "Kaupunki" field.
CITIES: tuple[tuple[str, str, str, str, str], ...] = (
    ("Helsinki", "Uusimaa", "00100", "60.169900", "24.938400"),
    ("Espoo", "Uusimaa", "02100", "60.205200", "24.655900"),
    ("Tampere", "Pirkanmaa", "33100", "61.497800", "23.761000"),
    ("Vantaa", "Uusimaa", "01300", "60.294100", "25.040200"),
    ("Oulu", "Pohjois-Pohjanmaa", "90100", "65.012100", "25.465100"),
    ("Turku", "Varsinais-Suomi", "20100", "60.451800", "22.267000"),
    ("Jyväskylä", "Keski-Suomi", "40100", "62.242600", "25.747300"),
    ("Lahti", "Päijät-Häme", "15100", "60.982700", "25.661500"),
    ("Kuopio", "Pohjois-Savo", "70100", "62.892400", "27.677000"),
    ("Seinäjoki", "Etelä-Pohjanmaa", "60100", "62.790300", "22.840300"),
    ("Maarianhamina", "Ahvenanmaa", "22100", "60.097300", "19.934800"),
)

INTERESTS: tuple[str, ...] = ("Tuotteet", "Tarjoukset", "Tapahtumat", "Koulutukset", "Vinkit")

UNSUBSCRIBE_REASONS: tuple[str, ...] = (
    "En ole enää kiinnostunut",
    "Liikaa viestejä",
    "En muista tilanneeni",
)

NOTES: tuple[str, ...] = (
    "Soitti asiakaspalveluun, pyysi tarjousta.",
    "Tapasimme messuilla, kiinnostunut koulutuksista.",
    "Pyysi lähettämään laskun sähköpostiin.",
    "Reklamaatio käsitelty, hyvitys annettu.",
)

DEAL_TITLES: tuple[str, ...] = ("Vuosisopimus", "Koulutuspaketti", "Lisälisenssit", "Tukipalvelu")

TRACKING_EVENTS: tuple[str, ...] = ("sivulataus", "ostoskori", "lomake-lähetetty", "webinaari")

TRANSLITERATION = str.maketrans({"ä": "a", "ö": "o", "å": "a", "é": "e", "Ä": "A", "Ö": "O",
                                 "Å": "A", "É": "E"})  # fmt: skip

# Values of the "Kaupunki" field, one with the kind of stray case and space real data has.
CITY_VALUES: tuple[str, ...] = tuple(city for city, *_ in CITIES) + ("Pori", "helsinki ")
