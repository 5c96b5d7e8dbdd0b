"""Everyday text of the social platforms: chatter, questions, comments, bios, group names, places.

The benign majority of what anyone reads on Chirp and Circle. Short phrases per language (en, pl, ro,
uk, ru) with slots for the city; non-explicit and friendly (docs/design.md §5).
"""

from __future__ import annotations

CHATTER = {
    "en": ("Lovely morning in {city} today.", "Anyone know a good dentist near the centre of {city}?",
           "Finally finished painting the kitchen!", "Traffic in {city} is terrible this week.",
           "Recommendations for a quiet café to work from?", "Our dog turned five today.",
           "Selling a child's bike, barely used. Message me.", "Great concert last night.",
           "Rain again in {city}. Of course.", "Made my grandmother's soup recipe, still not as good as hers.",
           "Does anyone have a spare ticket for Saturday's match?", "First swim of the year, freezing!"),
    "pl": ("{city}: piękny poranek.", "Polecicie dobrego dentystę? {city}, centrum.", "Kuchnia w końcu pomalowana!",
           "Korki w tym tygodniu to koszmar. {city}", "Gdzie jest spokojna kawiarnia do pracy? {city}",
           "Nasz pies skończył dziś pięć lat.", "Sprzedam rowerek dziecięcy, prawie nowy.",
           "Wczorajszy koncert był świetny.", "{city}: znowu pada.", "Zupa według przepisu babci, prawie jak jej.",
           "Ma ktoś wolny bilet na sobotni mecz?", "Pierwsza kąpiel w jeziorze w tym roku, lodowato!"),
    "ro": ("Dimineață frumoasă în {city}.", "Știe cineva un dentist bun în centru? {city}",
           "Am terminat în sfârșit de zugrăvit bucătăria!", "Traficul din {city} e groaznic săptămâna asta.",
           "O cafenea liniștită unde se poate lucra? {city}", "Câinele nostru a împlinit azi cinci ani.",
           "Vând bicicletă de copil, aproape nouă.", "Concert minunat aseară.", "Iar plouă în {city}.",
           "Ciorba bunicii, aproape la fel de bună.", "Are cineva un bilet în plus la meciul de sâmbătă?",
           "Prima baie în lac anul acesta, rece!"),
    "uk": ("{city}: гарний ранок.", "Порадьте хорошого стоматолога в центрі? {city}", "Нарешті пофарбували кухню!",
           "{city}: затори цього тижня жахливі.", "Де тиха кав'ярня, щоб попрацювати? {city}",
           "Нашому псові сьогодні п'ять років.", "Продам дитячий велосипед, майже новий.",
           "Вчорашній концерт був чудовий.", "{city}: знову дощ.", "Борщ за бабусиним рецептом — майже як у неї.",
           "Хтось має зайвий квиток на суботній матч?", "Перше купання цього року, холодно!"),
    "ru": ("{city}: хорошее утро.", "Посоветуйте хорошего стоматолога в центре? {city}", "Наконец покрасили кухню!",
           "{city}: пробки на этой неделе ужасные.", "Где тихое кафе, чтобы поработать? {city}",
           "Нашей собаке сегодня пять лет.", "Продам детский велосипед, почти новый.",
           "Вчерашний концерт был отличный.", "{city}: опять дождь.", "Суп по бабушкиному рецепту — почти как у неё.",
           "У кого-нибудь есть лишний билет на субботний матч?", "Первое купание в этом году, холодно!"),
}
# City names as each language writes them (the cities table has the English ones).
CITY_NAMES = {
    "pl": {"london": "Londyn", "warsaw": "Warszawa", "bucharest": "Bukareszt", "cluj-napoca": "Kluż-Napoka",
           "kyiv": "Kijów", "lviv": "Lwów", "munich": "Monachium"},
    "ro": {"london": "Londra", "warsaw": "Varșovia", "krakow": "Cracovia", "bucharest": "București", "kyiv": "Kiev",
           "lviv": "Liov", "munich": "München"},
    "uk": {"london": "Лондон", "manchester": "Манчестер", "birmingham": "Бірмінгем", "warsaw": "Варшава",
           "krakow": "Краків", "wroclaw": "Вроцлав", "bucharest": "Бухарест", "cluj-napoca": "Клуж-Напока",
           "kyiv": "Київ", "lviv": "Львів", "berlin": "Берлін", "munich": "Мюнхен", "amsterdam": "Амстердам",
           "rotterdam": "Роттердам"},
    "ru": {"london": "Лондон", "manchester": "Манчестер", "birmingham": "Бирмингем", "warsaw": "Варшава",
           "krakow": "Краков", "wroclaw": "Вроцлав", "bucharest": "Бухарест", "cluj-napoca": "Клуж-Напока",
           "kyiv": "Киев", "lviv": "Львов", "berlin": "Берлин", "munich": "Мюнхен", "amsterdam": "Амстердам",
           "rotterdam": "Роттердам"},
}


def city_name(slug: str, lang: str) -> str:
    """``slug``'s name as a writer of ``lang`` spells it (English where the language has no form of its own)."""
    from synth.vocab.places import CITY_BY_SLUG

    return CITY_NAMES.get(lang, {}).get(slug) or CITY_BY_SLUG[slug].name


CHIRP_TAGS = {"en": ("#weekend", "#coffee", "#mondaymood", ""), "pl": ("#weekend", "#kawa", ""),
              "ro": ("#weekend", "#cafea", ""), "uk": ("#вихідні", "#кава", ""), "ru": ("#выходные", "#кофе", "")}
# Questions people new in a country ask in refugee-help groups (benign; sometimes the lure's target).
QUESTIONS = {
    "en": ("Does anyone know a legal agency for work in {country}?", "Where can I get a SIM card in {city}?",
           "Looking for a room in {city} for a mother with two children.", "Which bank opens accounts for newcomers?",
           "Is there a free language course in {city}?"),
    "pl": ("Czy ktoś zna legalną agencję pracy, kraj: {country}?", "Gdzie kupić kartę SIM? {city}",
           "Szukam pokoju dla mamy z dwojgiem dzieci, {city}.", "Który bank otwiera konto bez meldunku?",
           "Czy są darmowe kursy języka? {city}"),
    "ro": ("Știe cineva o agenție legală pentru muncă în {country}?", "De unde îmi iau o cartelă SIM în {city}?",
           "Caut o cameră în {city} pentru o mamă cu doi copii.", "Ce bancă deschide cont pentru nou-veniți?",
           "Există cursuri gratuite de limbă în {city}?"),
    "uk": ("Хтось знає легальну агенцію для роботи, країна — {country}?", "Де купити SIM-картку? {city}",
           "Шукаю кімнату для мами з двома дітьми, {city}.", "Який банк відкриває рахунок новоприбулим?",
           "Чи є безкоштовні мовні курси? {city}"),
    "ru": ("Кто-нибудь знает легальное агентство для работы, страна — {country}?", "Где купить SIM-карту? {city}",
           "Ищу комнату для мамы с двумя детьми, {city}.", "Какой банк открывает счёт новоприбывшим?",
           "Есть ли бесплатные языковые курсы? {city}"),
}
SEEKING = {  # job seekers in a city's job board
    "en": ("Looking for work as a driver in {city}, 5 years of experience.", "Any cleaning jobs in {city}? Mornings."),
    "pl": ("Szukam pracy jako kierowca, {city}, 5 lat doświadczenia.", "Jest praca przy sprzątaniu? {city}, rano."),
    "ro": ("Caut de lucru ca șofer în {city}, 5 ani experiență.", "Știe cineva de lucru la curățenie în {city}?"),
    "uk": ("Шукаю роботу водієм, {city}, досвід 5 років.", "Чи є робота прибиральницею, {city}? Зранку."),
    "ru": ("Ищу работу водителем, {city}, опыт 5 лет.", "Есть работа уборщицей, {city}? Утром."),
}
COMMENTS = {
    "en": ("Thanks!", "So true.", "Great, thank you for sharing.", "Same here!", "Sent you a message.", "+1",
           "Try the place next to the station."),
    "pl": ("Dzięki!", "Prawda.", "Super, dzięki za info.", "U mnie tak samo!", "Piszę na priv.", "+1"),
    "ro": ("Mulțumesc!", "Așa e.", "Super, mersi de informație.", "La fel și la mine!", "V-am scris în privat.", "+1"),
    "uk": ("Дякую!", "Правда.", "Супер, дякую за інформацію.", "У мене так само!", "Пишу в особисті.", "+1"),
    "ru": ("Спасибо!", "Правда.", "Отлично, спасибо за информацию.", "У меня так же!", "Пишу в личку.", "+1"),
}
ASK_OFFER = {  # under any offer, honest or not
    "en": ("Is this still available?", "Interested, sent you a message.", "How much is the fee?", "Is this legal?"),
    "pl": ("Aktualne?", "Interesuje mnie, piszę na priv.", "Ile wynosi opłata?", "Czy to legalne?"),
    "ro": ("Mai e valabil?", "Mă interesează, v-am scris.", "Cât este taxa?", "E legal?"),
    "uk": ("Ще актуально?", "Цікавить, пишу вам.", "Скільки коштує внесок?", "Це легально?"),
    "ru": ("Ещё актуально?", "Интересует, пишу вам.", "Сколько стоит взнос?", "Это легально?"),
}
WARN_COMMENT = {
    "en": ("Careful, they asked my cousin for money before the trip.", "Check the agency in the register first."),
    "pl": ("Uważajcie, od mojej kuzynki chcieli pieniędzy przed wyjazdem.", "Najpierw sprawdźcie agencję w rejestrze."),
    "ro": ("Atenție, i-au cerut bani verișoarei mele înainte de plecare.", "Verificați întâi agenția în registru."),
    "uk": ("Обережно, з моєї сестри брали гроші ще до виїзду.", "Спершу перевірте агенцію в реєстрі."),
    "ru": ("Осторожно, с моей сестры брали деньги ещё до отъезда.", "Сначала проверьте агентство в реестре."),
}
TESTIMONIAL = {  # a campaign account praising another account's offer
    "en": "My brother went with them last spring, everything was fine and the pay was good!",
    "pl": "Mój brat jechał z nimi zeszłej wiosny, wszystko w porządku, dobre pieniądze!",
    "ro": "Fratele meu a plecat cu ei primăvara trecută, totul a fost în regulă, bani buni!",
    "uk": "Мій брат їздив з ними минулої весни, все було добре, гарні гроші!",
    "ru": "Мой брат ездил с ними прошлой весной, всё было хорошо, хорошие деньги!",
}
MOVE_TO_MESSENGER = {
    "en": "Write me on {contact}, I will send the details.", "pl": "Napisz na {contact}, wyślę szczegóły.",
    "ro": "Scrie-mi pe {contact}, îți trimit detaliile.", "uk": "Напишіть у {contact}, надішлю деталі.",
    "ru": "Напишите в {contact}, пришлю детали.",
}
THANKS = {"en": "Thank you for what you do!", "pl": "Dziękuję za to, co robicie!",
          "ro": "Mulțumim pentru tot ce faceți!", "uk": "Дякуємо за вашу допомогу!", "ru": "Спасибо за вашу помощь!"}
# Lines a victim's account posts, written for her on one schedule.
SCHEDULED = ("Good morning ☀️", "New city, new start ✨", "Busy week 💼", "Travelling again ✈️", "Sunday mood 🌸")

GROUP_NAMES = {
    "jobs": {"en": "Jobs in {city}", "pl": "Praca {city}", "ro": "Locuri de muncă {city}", "uk": "Робота {city}"},
    # {city} in the group's language (city_name)
    "refugee-help": {"en": "Help for Ukrainians in {city}", "pl": "Pomoc dla Ukraińców — {city}",
                     "ro": "Ajutor pentru ucraineni — {city}", "uk": "Волонтери {city} — допомога переселенцям"},
    "community": ("{city} parents", "Second-hand {city}", "{city} runners", "Dog owners of {city}",
                  "Foodies of {city}", "Cyclists of {city}", "Old Town neighbours {city}", "Gardeners of {city}"),
}
GROUP_ABOUT = {
    "jobs": "Job offers and job seekers in {city}. Employers: say who you are and how to apply.",
    "refugee-help": "Practical help for people who fled the war: housing, transport, documents, work. Be kind.",
    "community": "A group for people in {city}. Be friendly, no spam.",
}
BIO = {
    "ordinary": {
        "en": ("{city} · coffee, books and long walks", "Two kids, one dog. {city}", "Nurse. Runner. {city}",
               "Photography and mountains", "Living in {city}"),
        "pl": ("{city} · kawa, książki, góry", "Dwoje dzieci, jeden pies. {city}", "{city} · rower",
               "Fotografia i góry"),
        "ro": ("{city} · cafea, cărți și munte", "Doi copii și un câine. {city}", "Fotografie și drumeții", "{city}"),
        "uk": ("{city} · кава, книжки і гори", "Двоє дітей і пес. {city}", "Фотографія і подорожі", "{city}"),
        "ru": ("{city} · кофе, книги и горы", "Двое детей и собака. {city}", "Фотография и путешествия", "{city}"),
    },
    "volunteer": {"en": "Volunteer · free rides and help for families · {contact}",
                  "pl": "Wolontariusz · przejazdy i pomoc dla rodzin · {contact}",
                  "ro": "Voluntar · transport și ajutor pentru familii · {contact}",
                  "uk": "Волонтер · допомога родинам · {contact}", "ru": "Волонтёр · помощь семьям · {contact}"},
    "employer": "{company} · hiring in {city} · {contact}",
    "agency": "{company} · licensed recruitment agency · we never charge candidates · {contact}",
    "travel": "{company} · coaches and transfers from {city} · {contact}",
    "ngo": "{company} · free advice for people on the move · never pay to get a job · hotline {contact}",
}
ALBUMS = ("Holidays", "Family", "Summer", "Weekend trip", "Garden", "Mountains", "Home")
PLACES = ("Central Station", "Old Town", "City Park", "Airport", "Riverside", "Shopping centre", "Bus station",
          "Botanical garden", "Market square", "Stadium")
HOTELS = ("Hotel Aurora", "Hotel Solna", "Amber Rooms", "Hotel Kestrel", "Blue Door Apartments", "Station Rooms")
