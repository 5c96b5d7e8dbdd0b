"""Offers on the social platforms, in the languages of the world (en, pl, ro, uk, ru).

A labour recruiter's offer is built from parts: an opener, the pay, then the cues his campaign carries
(a fee, a free flight and housing, no experience needed) and a messenger-only contact. A campaign picks
its parts once and writes the same wording in every group and language: reused wording across languages
is itself an indicator (ILO; Volodko & Cockbain). Honest employers, licensed agencies and volunteers
write their own offers with some of the same surface phrases (housing, no experience, free rides) but
never a fee and never a messenger-only contact. All wording is non-explicit and professional (docs/design.md §5).
"""

from __future__ import annotations

LANGS = ("en", "pl", "ro", "uk", "ru")

COUNTRY = {
    "en": {"DE": "Germany", "NL": "the Netherlands", "GB": "the UK", "PL": "Poland"},
    "pl": {"DE": "Niemcy", "NL": "Holandia", "GB": "Wielka Brytania", "PL": "Polska"},
    "ro": {"DE": "Germania", "NL": "Olanda", "GB": "Marea Britanie", "PL": "Polonia"},
    "uk": {"DE": "Німеччина", "NL": "Нідерланди", "GB": "Велика Британія", "PL": "Польща"},
    "ru": {"DE": "Германия", "NL": "Нидерланды", "GB": "Великобритания", "PL": "Польша"},
}
LABOUR_JOBS = {
    "en": ("warehouse workers", "fruit pickers", "construction workers", "factory workers", "cleaners", "meat packers"),
    "pl": ("pracownicy magazynu", "zbieracze owoców", "pracownicy budowlani", "pracownicy fabryki", "sprzątacze",
           "pakowacze mięsa"),
    "ro": ("lucrători în depozit", "culegători de fructe", "muncitori în construcții", "muncitori în fabrică",
           "personal de curățenie", "ambalatori carne"),
    "uk": ("працівники складу", "збирачі фруктів", "будівельники", "працівники на завод", "прибиральники",
           "пакувальники м'яса"),
    "ru": ("работники склада", "сборщики фруктов", "строители", "рабочие на завод", "уборщики", "упаковщики мяса"),
}
# One opener per index in every language, so a campaign keeps its wording when it changes language.
LABOUR = {
    "en": {"open": ("WORK IN {COUNTRY}! {Job} wanted.", "Urgent: {job} for {country}.",
                    "{front} is hiring {job} for {country}."),
           "pay": "Salary {pay} per month NET.", "noexp": "No experience and no language needed.",
           "flight": "Free flight and accommodation, we arrange all documents.",
           "fee": "Registration fee {fee}, repaid from your first salary.",
           "urgent": "Start next week, places limited!",
           "contact": "Write only on {contact}."},
    "pl": {"open": ("PRACA — {COUNTRY}! Poszukujemy: {job}.", "Pilnie: {job}, kraj: {country}.",
                    "{front} zatrudnia: {job}, kraj: {country}."),
           "pay": "Wynagrodzenie {pay} miesięcznie NETTO.", "noexp": "Bez doświadczenia i bez znajomości języka.",
           "flight": "Darmowy lot i zakwaterowanie, wszystkie dokumenty załatwiamy my.",
           "fee": "Opłata rejestracyjna {fee}, zwracana z pierwszej pensji.",
           "urgent": "Wyjazd w przyszłym tygodniu, liczba miejsc ograniczona!", "contact": "Pisz tylko na {contact}."},
    "ro": {"open": ("MUNCĂ ÎN {COUNTRY}! Căutăm {job}.", "Urgent: {job} pentru {country}.",
                    "{front} angajează {job} pentru {country}."),
           "pay": "Salariu {pay} pe lună NET.", "noexp": "Fără experiență și fără limbă străină.",
           "flight": "Zbor și cazare gratuite, ne ocupăm de toate actele.",
           "fee": "Taxă de înscriere {fee}, returnată din primul salariu.",
           "urgent": "Plecare săptămâna viitoare, locuri limitate!", "contact": "Scrieți doar pe {contact}."},
    "uk": {"open": ("РОБОТА: {COUNTRY}! Шукаємо: {job}.", "Терміново: {job}, країна — {country}.",
                    "{front} набирає: {job}, країна — {country}."),
           "pay": "Зарплата {pay} на місяць ЧИСТИМИ.", "noexp": "Без досвіду і без знання мови.",
           "flight": "Безкоштовний переліт і житло, всі документи оформлюємо ми.",
           "fee": "Реєстраційний внесок {fee}, повертаємо з першої зарплати.",
           "urgent": "Виїзд наступного тижня, місць мало!", "contact": "Пишіть тільки в {contact}."},
    "ru": {"open": ("РАБОТА: {COUNTRY}! Ищем: {job}.", "Срочно: {job}, страна — {country}.",
                    "{front} набирает: {job}, страна — {country}."),
           "pay": "Зарплата {pay} в месяц ЧИСТЫМИ.", "noexp": "Без опыта и без знания языка.",
           "flight": "Бесплатный перелёт и жильё, все документы оформляем мы.",
           "fee": "Регистрационный взнос {fee}, вернём с первой зарплаты.",
           "urgent": "Выезд на следующей неделе, мест мало!", "contact": "Пишите только в {contact}."},
}
LABOUR_TRAVEL = {
    "en": "Free travel to {country} for workers with a job offer from {front}. We buy the tickets, you pay later "
          "from your salary. Departures every week.",
    "pl": "Darmowy przejazd, kraj: {country}, dla pracowników z ofertą od {front}. Bilety kupujemy my, płacisz "
          "później z pensji. Wyjazdy co tydzień.",
    "ro": "Transport gratuit spre {country} pentru muncitorii cu ofertă de la {front}. Noi cumpărăm biletele, "
          "plătiți mai târziu din salariu. Plecări în fiecare săptămână.",
    "uk": "Безкоштовна дорога, країна — {country}, для працівників з пропозицією від {front}. Квитки купуємо ми, "
          "платите потім із зарплати. Виїзди щотижня.",
    "ru": "Бесплатная дорога, страна — {country}, для работников с предложением от {front}. Билеты покупаем мы, "
          "платите потом из зарплаты. Выезды каждую неделю.",
}
HOSTESS_JOBS = {
    "en": ("hostess", "photo model", "nanny", "hotel waitress"),
    "pl": ("hostessa", "modelka do sesji", "niania", "kelnerka w hotelu"),
    "ro": ("hostess", "model foto", "bonă", "ospătăriță la hotel"),
    "uk": ("хостес", "фотомодель", "няня", "офіціантка в готелі"),
    "ru": ("хостес", "фотомодель", "няня", "официантка в отеле"),
}
HOSTESS = {
    "en": {"open": ("Work abroad for women: {job} in {country}.", "Casting in {country}: {job} wanted."),
           "pay": "From {pay} per month, paid every week.", "flight": "Tickets and a flat are paid by us.",
           "noexp": "No experience and no English needed.", "age": "For women aged 19–30.",
           "contact": "Details only in private: {contact}."},
    "pl": {"open": ("Praca za granicą dla kobiet: {job}, kraj: {country}.", "Casting, kraj: {country}: {job}."),
           "pay": "Od {pay} miesięcznie, wypłata co tydzień.", "flight": "Bilety i mieszkanie opłacamy my.",
           "noexp": "Bez doświadczenia, angielski niepotrzebny.", "age": "Dla kobiet w wieku 19–30 lat.",
           "contact": "Szczegóły tylko prywatnie: {contact}."},
    "ro": {"open": ("Muncă în străinătate pentru femei: {job} în {country}.", "Casting în {country}: {job}."),
           "pay": "De la {pay} pe lună, plata săptămânal.", "flight": "Biletele și apartamentul sunt plătite de noi.",
           "noexp": "Fără experiență, nu e nevoie de engleză.", "age": "Pentru femei între 19 și 30 de ani.",
           "contact": "Detalii doar în privat: {contact}."},
    "uk": {"open": ("Робота за кордоном для жінок: {job}, країна — {country}.", "Кастинг, країна — {country}: {job}."),
           "pay": "Від {pay} на місяць, виплати щотижня.", "flight": "Квитки і квартиру оплачуємо ми.",
           "noexp": "Без досвіду, англійська не потрібна.", "age": "Для жінок 19–30 років.",
           "contact": "Деталі тільки в особисті: {contact}."},
    "ru": {"open": ("Работа за границей для женщин: {job}, страна — {country}.", "Кастинг, страна — {country}: {job}."),
           "pay": "От {pay} в месяц, выплаты каждую неделю.", "flight": "Билеты и квартиру оплачиваем мы.",
           "noexp": "Без опыта, английский не нужен.", "age": "Для женщин 19–30 лет.",
           "contact": "Подробности только в личку: {contact}."},
}
HONEST_JOB = {
    "en": "{company} is hiring: {job} in {city}. {pay} per month gross, contract and payslips from day one. {extra}"
          "Apply: {contact}",
    "pl": "{company} zatrudni: {job}, {city}. {pay} miesięcznie brutto, umowa od pierwszego dnia. {extra}"
          "Aplikuj: {contact}",
    "ro": "{company} angajează: {job} în {city}. {pay} pe lună brut, contract din prima zi. {extra}Aplică: {contact}",
    "uk": "{company} шукає: {job}, {city}. {pay} на місяць до податків, офіційний договір з першого дня. {extra}"
          "Контакт: {contact}",
    "ru": "{company} ищет: {job}, {city}. {pay} в месяц до налогов, официальный договор с первого дня. {extra}"
          "Контакт: {contact}",
}
HONEST_EXTRA = {  # housing, no experience, urgent: the look-alike phrases
    "en": ("Accommodation can be arranged. ", "No experience needed, full training given. ", "Urgent start. "),
    "pl": ("Możliwe zakwaterowanie. ", "Bez doświadczenia, przeszkolimy. ", "Praca od zaraz. "),
    "ro": ("Putem asigura cazare. ", "Fără experiență, oferim instruire. ", "Începere urgentă. "),
    "uk": ("Можемо допомогти з житлом. ", "Без досвіду, навчимо. ", "Терміново. "),
    "ru": ("Можем помочь с жильём. ", "Без опыта, обучим. ", "Срочно. "),
}
AGENCY = {
    "en": "Licensed agency {company} (register no. {reg}): {job} in {country}, {pay} gross per month under a local "
          "contract. Accommodation available at cost. Candidates never pay us any fee. Apply: {contact}",
    "pl": "Licencjonowana agencja {company} (nr rejestru {reg}): {job}, kraj: {country}, {pay} brutto miesięcznie, "
          "umowa na miejscu. Zakwaterowanie za opłatą. Kandydaci nigdy nie płacą nam żadnych opłat. Aplikuj: {contact}",
    "ro": "Agenție autorizată {company} (nr. registru {reg}): {job} în {country}, {pay} brut pe lună, contract local. "
          "Cazare contra cost. Candidații nu ne plătesc niciodată nimic. Aplică: {contact}",
    "uk": "Ліцензована агенція {company} (реєстр № {reg}): {job}, країна — {country}, {pay} на місяць до податків, "
          "місцевий договір. Житло за окрему плату. Кандидати ніколи нічого нам не платять. Контакт: {contact}",
    "ru": "Лицензированное агентство {company} (реестр № {reg}): {job}, страна — {country}, {pay} в месяц до налогов, "
          "местный договор. Жильё за отдельную плату. Кандидаты никогда ничего нам не платят. Контакт: {contact}",
}
HONEST_JOBS = {
    "en": ("warehouse operative", "care assistant", "kitchen porter", "delivery driver", "cleaner", "barista"),
    "pl": ("magazynier", "opiekun osób starszych", "pomoc kuchenna", "kierowca dostawczy", "sprzątaczka", "barista"),
    "ro": ("lucrător depozit", "îngrijitor", "ajutor de bucătar", "șofer livrări", "femeie de serviciu", "barista"),
    "uk": ("комірник", "доглядальниця", "помічник на кухні", "водій доставки", "прибиральниця", "бариста"),
    "ru": ("кладовщик", "сиделка", "помощник на кухне", "водитель доставки", "уборщица", "бариста"),
}
VOLUNTEER = {
    "en": ("Free rides from {city} to {to} for families fleeing the war. No payment ever, children and pets welcome. "
           "{contact}",
           "We can host a mother with children in {city} for a few weeks, free of charge. {contact}",
           "I speak Ukrainian and English and can go with you to offices in {city} to help with documents, for free. "
           "{contact}"),
    "pl": ("Bezpłatny przejazd {city} → {to} dla rodzin uciekających przed wojną. Nigdy nie bierzemy pieniędzy, "
           "dzieci i zwierzęta mile widziane. {contact}",
           "Możemy przyjąć mamę z dziećmi na kilka tygodni, za darmo ({city}). {contact}",
           "Mówię po ukraińsku i po polsku, pójdę z Wami do urzędu ({city}) i pomogę z dokumentami, bezpłatnie. "
           "{contact}"),
    "ro": ("Transport gratuit din {city} până la {to} pentru familiile care fug de război. Nu cerem bani, copiii și "
           "animalele sunt bineveniți. {contact}",
           "Putem găzdui o mamă cu copii în {city} câteva săptămâni, gratuit. {contact}",
           "Vorbesc ucraineană și română, vă pot însoți la instituții în {city} pentru acte, gratuit. {contact}"),
    "uk": ("Безкоштовний транспорт {city} → {to} для родин, що тікають від війни. Жодних грошей, діти й тварини — "
           "ласкаво просимо. {contact}",
           "Можемо безкоштовно прихистити маму з дітьми в місті {city} на кілька тижнів. {contact}",
           "Допоможу з документами в установах міста {city}, перекладу, безкоштовно. {contact}"),
    "ru": ("Бесплатный транспорт {city} → {to} для семей, бегущих от войны. Никаких денег, дети и животные — "
           "добро пожаловать. {contact}",
           "Можем бесплатно приютить маму с детьми на несколько недель, город {city}. {contact}",
           "Помогу с документами в учреждениях (город {city}), переведу, бесплатно. {contact}"),
}
TRAVEL = {  # travel agencies' coach routes
    "en": "{company}: coach {city} – {to}, {days}. Fare {fare}, luggage included. Tickets: {contact}",
    "pl": "{company}: autokar {city} – {to}, {days}. Bilet {fare}, bagaż w cenie. Bilety: {contact}",
    "ro": "{company}: autocar {city} – {to}, {days}. Bilet {fare}, bagaj inclus. Bilete: {contact}",
    "uk": "{company}: автобус {city} – {to}, {days}. Квиток {fare}, багаж включено. Квитки: {contact}",
    "ru": "{company}: автобус {city} – {to}, {days}. Билет {fare}, багаж включён. Билеты: {contact}",
}
WARNING = {
    "en": ("Please be careful: fake job offers are going round this group. High pay, a 'registration fee', a free "
           "flight and contact only on Telegram are warning signs. Never pay to get a job and never hand over your "
           "passport. Free, confidential advice: {contact}",
           "Before you accept work abroad: ask for a written contract, check the agency in the official register, "
           "and do not pay any fee. If an offer seems too good to be true, talk to us first: {contact}"),
    "pl": ("Uwaga: w tej grupie krążą fałszywe oferty pracy. Wysoka pensja, 'opłata rejestracyjna', darmowy lot i "
           "kontakt tylko przez Telegram to sygnały ostrzegawcze. Nigdy nie płać za pracę i nie oddawaj paszportu. "
           "Bezpłatna, poufna pomoc: {contact}",
           "Zanim przyjmiesz pracę za granicą: poproś o umowę na piśmie, sprawdź agencję w rejestrze i nie płać "
           "żadnych opłat. Jeśli oferta jest zbyt piękna, porozmawiaj z nami: {contact}"),
    "ro": ("Atenție: în acest grup circulă oferte de muncă false. Salariu mare, 'taxă de înscriere', zbor gratuit și "
           "contact doar pe Telegram sunt semnale de alarmă. Nu plătiți niciodată pentru un loc de muncă și nu dați "
           "pașaportul nimănui. Consiliere gratuită și confidențială: {contact}",
           "Înainte să acceptați o muncă în străinătate: cereți un contract scris, verificați agenția în registrul "
           "oficial și nu plătiți nicio taxă. Dacă oferta pare prea bună, vorbiți întâi cu noi: {contact}"),
    "uk": ("Обережно: у групі ширяться фейкові вакансії. Висока зарплата, 'реєстраційний внесок', безкоштовний "
           "переліт і зв'язок лише в Telegram — тривожні ознаки. Ніколи не платіть за роботу і не віддавайте "
           "паспорт. Безкоштовна конфіденційна допомога: {contact}",
           "Перш ніж погодитися на роботу за кордоном: вимагайте письмовий договір, перевірте агенцію в офіційному "
           "реєстрі й не платіть жодних внесків. Якщо пропозиція надто гарна, спершу поговоріть з нами: {contact}"),
    "ru": ("Осторожно: в группе ходят фейковые вакансии. Высокая зарплата, 'регистрационный взнос', бесплатный "
           "перелёт и связь только в Telegram — тревожные признаки. Никогда не платите за работу и не отдавайте "
           "паспорт. Бесплатная конфиденциальная помощь: {contact}",
           "Прежде чем согласиться на работу за границей: требуйте письменный договор, проверьте агентство в реестре "
           "и не платите никаких взносов. Если предложение слишком хорошее, сначала поговорите с нами: {contact}"),
}
HASHTAGS = {
    "labour": {"en": "#workabroad #jobs #hiring", "pl": "#pracazagranica #praca #wyjazd",
               "ro": "#muncainstrainatate #locuridemunca", "uk": "#роботазакордоном #вакансії #робота",
               "ru": "#работазаграницей #вакансии #работа"},
    "job": {"en": "#hiring #jobs", "pl": "#praca #rekrutacja", "ro": "#angajam #locuridemunca", "uk": "#вакансії",
            "ru": "#вакансии"},
    "help": {"en": "#refugeeshelp #standwithukraine", "pl": "#pomoc #uchodźcy", "ro": "#ajutor #refugiati",
             "uk": "#допомога #волонтери", "ru": "#помощь #волонтеры"},
    "warning": {"en": "#fakejobs #staysafe", "pl": "#fałszywepraca #uwaga", "ro": "#atentie #oferte",
                "uk": "#обережно #фейковівакансії", "ru": "#осторожно #фейковыевакансии"},
}
