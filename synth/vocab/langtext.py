"""Ad text in the languages of the world (en, pl, ro, uk, ru), for the directory and the job board.

Short, non-explicit, professional phrases (docs/design.md §5). Criminal templates keep their wording from
ad to ad with slots that change (name, age, city, rate, contact), in every language; benign advertisers
compose their own. Validated cues (trust and youth language, stated nationality) are marked so the
generator can plant them at the preset's rates.
"""

from __future__ import annotations

from synth.vocab.places import country_field

# Cyrillic forms of the working names (Ukrainian spelling), for profiles written in uk/ru.
CYRILLIC_NAMES = {
    "Mila": "Міла", "Sofia": "Софія", "Alina": "Аліна", "Vika": "Віка", "Nika": "Ніка", "Dana": "Дана",
    "Lera": "Лера", "Kira": "Кіра", "Eva": "Єва", "Lina": "Ліна", "Maya": "Мая", "Zara": "Зара", "Anya": "Аня",
    "Bella": "Белла", "Yana": "Яна", "Ksenia": "Ксенія", "Daria": "Дарія", "Olivia": "Олівія", "Ruby": "Рубі",
    "Clara": "Клара", "Natalia": "Наталія", "Irina": "Ірина", "Marta": "Марта", "Ioana": "Іоана",
    "Elena": "Олена", "Roxana": "Роксана", "Ada": "Ада", "Lili": "Лілі", "Tina": "Тіна", "Polina": "Поліна",
}
# Latin spellings a controller may use for the same name on different sites (transliteration drift).
NAME_VARIANTS = {"Alina": ("Alina", "Alyna"), "Ksenia": ("Ksenia", "Kseniya", "Xenia"),
                 "Daria": ("Daria", "Dariya", "Darya"), "Yana": ("Yana", "Jana"), "Natalia": ("Natalia", "Nataliya"),
                 "Polina": ("Polina", "Paulina"), "Sofia": ("Sofia", "Sofiya", "Sophia"), "Eva": ("Eva", "Yeva"),
                 "Irina": ("Irina", "Iryna"), "Elena": ("Elena", "Olena"), "Vika": ("Vika", "Wika")}

CITY_LANGUAGE = country_field(lambda c: c.languages)  # synth/presets/places.toml
LOCALE_LANGUAGE = {"en_GB": ("en",), "pl_PL": ("pl",), "ro_RO": ("ro",), "uk_UA": ("uk", "ru")}

SERVICE = {
    "en": ("relaxing massage", "dinner dates", "companionship for events", "city walks and conversation"),
    "pl": ("relaksujący masaż", "towarzystwo na kolację", "towarzystwo na imprezy", "spacery i rozmowa"),
    "ro": ("masaj de relaxare", "companie la cină", "companie la evenimente", "plimbări și conversație"),
    "uk": ("розслаблюючий масаж", "компанія на вечерю", "супровід на заходи", "прогулянки та розмова"),
    "ru": ("расслабляющий массаж", "компания на ужин", "сопровождение на мероприятия", "прогулки и беседа"),
}
# Benign advertisers compose their own profile: an opener, a line about themselves and one about
# appointments, each picked from several, so independent profiles do not read like one template.
BENIGN = {
    "en": (("I'm {name}, independent, based in {city}.", "Hello, {name} here, working for myself in {city}.",
            "{name} — independent, {city}."),
           ("Calm, friendly and discreet.", "Warm, relaxed and easy to talk to.", "Professional and unhurried."),
           ("Appointments by arrangement.", "Evenings and weekends, please book ahead.", "Weekdays only."),
           "Contact: {contact}"),
    "pl": (("Jestem {name}, pracuję samodzielnie w mieście {city}.", "Cześć, tu {name}, {city}.",
            "{name} — niezależnie, {city}."),
           ("Spokojna, miła i dyskretna.", "Ciepła, uśmiechnięta, łatwo się ze mną rozmawia.", "Bez pośpiechu."),
           ("Spotkania po wcześniejszym umówieniu.", "Wieczory i weekendy, proszę o rezerwację.", "Tylko w tygodniu."),
           "Kontakt: {contact}"),
    "ro": (("Sunt {name}, independentă, în {city}.", "Bună, sunt {name}, {city}.", "{name} — independentă, {city}."),
           ("Calmă, prietenoasă și discretă.", "Caldă, relaxată, ușor de vorbit cu mine.", "Fără grabă."),
           ("Întâlniri cu programare.", "Seara și în weekend, cu rezervare.", "Doar în timpul săptămânii."),
           "Contact: {contact}"),
    "uk": (("Я {name}, працюю самостійно, {city}.", "Привіт, я {name}, {city}.", "{name} — сама по собі, {city}."),
           ("Спокійна, привітна й делікатна.", "Тепла, усміхнена, легко поговорити.", "Без поспіху."),
           ("Зустрічі за домовленістю.", "Вечори та вихідні, бронюйте заздалегідь.", "Лише в будні."),
           "Контакт: {contact}"),
    "ru": (("Я {name}, работаю сама, {city}.", "Привет, я {name}, {city}.", "{name} — сама по себе, {city}."),
           ("Спокойная, приветливая и деликатная.", "Тёплая, улыбчивая, со мной легко.", "Без спешки."),
           ("Встречи по договорённости.", "Вечера и выходные, бронируйте заранее.", "Только в будни."),
           "Контакт: {contact}"),
}
NEW_IN_TOWN = {"en": "New in town!", "pl": "Nowa w mieście!", "ro": "Nouă în oraș!", "uk": "Нова в місті!",
               "ru": "Новенькая в городе!"}
TRUST = {"en": "100% real photos, verified and professional.", "pl": "100% prawdziwe zdjęcia, profesjonalnie.",
         "ro": "Poze 100% reale, profesionalism garantat.", "uk": "100% реальні фото, професійно.",
         "ru": "100% реальные фото, профессионально."}
YOUTH = {"en": "young and sweet", "pl": "młoda i słodka", "ro": "tânără și dulce", "uk": "молоденька і мила",
         "ru": "молоденькая и милая"}
NATIONALITY = {
    "en": {"uk_UA": "Ukrainian", "ro_RO": "Romanian", "pl_PL": "Polish", "en_GB": "English"},
    "pl": {"uk_UA": "Ukrainka", "ro_RO": "Rumunka", "pl_PL": "Polka", "en_GB": "Angielka"},
    "ro": {"uk_UA": "ucraineancă", "ro_RO": "româncă", "pl_PL": "poloneză", "en_GB": "englezoaică"},
    "uk": {"uk_UA": "українка", "ro_RO": "румунка", "pl_PL": "полька", "en_GB": "англійка"},
    "ru": {"uk_UA": "украинка", "ro_RO": "румынка", "pl_PL": "полька", "en_GB": "англичанка"},
}
# One template per controller and language; the slots change, the wording does not.
RING = {
    "en": ("{name}, {age}, {nationality}, {youth}. {trust} {new} {service} in {city}, 24/7. {contact}",
           "NEW: sweet {nationality} {name} ({age}) — {trust} {service}, {city} centre, day and night. "
           "{new} {contact}"),
    "pl": ("{name}, {age} lat, {nationality}, {youth}. {trust} {new} {service}, {city}, 24/7. {contact}",
           "NOWOŚĆ: {nationality} {name} ({age}) — {trust} {service}, centrum {city}, dzień i noc. {new} {contact}"),
    "ro": ("{name}, {age} ani, {nationality}, {youth}. {trust} {new} {service} în {city}, non-stop. {contact}",
           "NOU: {nationality} {name} ({age}) — {trust} {service}, centrul {city}, zi și noapte. {new} {contact}"),
    "uk": ("{name}, {age}, {nationality}, {youth}. {trust} {new} {service}, {city}, цілодобово. {contact}",
           "НОВЕНЬКА: {nationality} {name} ({age}) — {trust} {service}, центр {city}, вдень і вночі. {new} {contact}"),
    "ru": ("{name}, {age}, {nationality}, {youth}. {trust} {new} {service}, {city}, круглосуточно. {contact}",
           "НОВЕНЬКАЯ: {nationality} {name} ({age}) — {trust} {service}, центр {city}, днём и ночью. {new} {contact}"),
}
# The shared booking line of a benign agency: many unrelated advertisers, one number (a false cluster).
SWITCHBOARD = {"en": "Bookings through our reception: {contact}", "pl": "Rezerwacje przez recepcję: {contact}",
               "ro": "Rezervări prin recepție: {contact}", "uk": "Бронювання через рецепцію: {contact}",
               "ru": "Бронирование через ресепшн: {contact}"}

JOB_RECRUIT = {
    "en": "Work in {country}: {job}, {pay}/month net, no experience or language needed, free flight and housing, "
          "registration fee {fee} repaid from your first salary. Start at once! Write {contact}",
    "pl": "Praca w kraju {country}: {job}, {pay}/mies. netto, bez doświadczenia i bez języka, darmowy lot i "
          "zakwaterowanie, opłata rejestracyjna {fee} zwracana z pierwszej pensji. Start od zaraz! Pisz {contact}",
    "ro": "Muncă în {country}: {job}, {pay}/lună net, fără experiență și fără limbă, zbor și cazare gratuite, "
          "taxă de înscriere {fee} returnată din primul salariu. Începe imediat! Scrie {contact}",
    "uk": "Робота в країні {country}: {job}, {pay}/міс. чистими, без досвіду і без мови, безкоштовний переліт і "
          "житло, реєстраційний внесок {fee} повертаємо з першої зарплати. Старт негайно! Пишіть {contact}",
    "ru": "Работа в стране {country}: {job}, {pay}/мес. чистыми, без опыта и без языка, бесплатный перелёт и "
          "жильё, регистрационный взнос {fee} вернём с первой зарплаты. Старт сразу! Пишите {contact}",
}
JOB_HONEST = {
    "en": "{company} is hiring a {job} in {city}. Contract and payslips from day one, {pay} per month gross. "
          "{extra} Apply: {contact}",
    "pl": "{company} zatrudni: {job}, {city}. Umowa od pierwszego dnia, {pay} miesięcznie brutto. {extra} "
          "Aplikuj: {contact}",
    "ro": "{company} angajează {job} în {city}. Contract de muncă din prima zi, {pay} pe lună brut. {extra} "
          "Aplică: {contact}",
    "uk": "{company} шукає: {job}, {city}. Офіційний договір з першого дня, {pay} на місяць до податків. {extra} "
          "Контакт: {contact}",
    "ru": "{company} ищет: {job}, {city}. Официальный договор с первого дня, {pay} в месяц до налогов. {extra} "
          "Контакт: {contact}",
}
HONEST_EXTRA = {"en": ("Accommodation available for seasonal staff.", "Urgent start.", "No experience needed."),
                "pl": ("Zakwaterowanie dla pracowników sezonowych.", "Pilnie.", "Bez doświadczenia."),
                "ro": ("Cazare pentru sezonieri.", "Urgent.", "Fără experiență."),
                "uk": ("Житло для сезонних працівників.", "Терміново.", "Без досвіду."),
                "ru": ("Жильё для сезонных работников.", "Срочно.", "Без опыта.")}
VOLUNTEER = {
    "en": "Volunteer: free rides from {city} to {to} for families fleeing the war, no payment ever. {contact}",
    "pl": "Wolontariusz: bezpłatny przejazd z {city} do {to} dla rodzin uciekających przed wojną. {contact}",
    "ro": "Voluntar: transport gratuit din {city} până la {to} pentru familiile refugiate. {contact}",
    "uk": "Волонтер: безкоштовно довеземо з міста {city} до {to} родини, що тікають від війни. {contact}",
    "ru": "Волонтёр: бесплатно довезём из {city} в {to} семьи, бегущие от войны. {contact}",
}
