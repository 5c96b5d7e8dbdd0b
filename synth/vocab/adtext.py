"""Phrase pools for ad text, and the cues the NIJ/JRSA study tested (see shared reference indicators).

Validated cues (trust/professional language, youth-suggesting language, stated nationality) are
written into criminal templates often and into benign ads rarely. Myth cues ("new in town",
screening language) are written into both at the same rate, so flagging them does not work.
All wording is non-explicit and professional (docs/design.md §5).
"""

from __future__ import annotations

import random

WORKING_NAMES = ("Mila", "Sofia", "Alina", "Vika", "Nika", "Dana", "Lera", "Kira", "Eva", "Lina",
                 "Maya", "Zara", "Anya", "Bella", "Yana", "Ksenia", "Daria", "Olivia", "Ruby", "Clara",
                 "Natalia", "Irina", "Marta", "Ioana", "Elena", "Roxana", "Ada", "Lili", "Tina", "Polina")

# Validated cues.
TRUST = ("100% real and genuine, no fakes", "Professional, reliable and discreet service",
         "Verified profile, honest and trustworthy", "Genuine photos, what you see is what you get",
         "Top service, always punctual and professional")
YOUTH = ("young and sweet", "fresh face in the city", "young student girl", "petite and youthful",
         "sweet young lady")
# Myth cues: the same rate for benign and criminal ads.
NEW_IN_TOWN = ("New in town!", "Just arrived in {city}!", "New in {city} for a few days only.")
SCREENING = ("Polite gentlemen only, ID check at first meeting.", "No withheld numbers, text first please.",
             "Short screening call before we meet.")

SERVICES = ("relaxing massage", "dinner dates and events", "travel companion", "companionship for business trips",
            "conversation over coffee", "city walks and evenings out", "wellness and relaxation massage")

# Benign advertisers write in their own voice: each picks a few of these once and keeps them.
OPENERS = ("Hello, I'm {name}.", "Hi there, {name} here.", "Welcome! My name is {name}.",
           "Good evening, this is {name}.", "I'm {name}, independent and based in {city}.")
ABOUT = ("I work independently and set my own hours.", "Friendly, calm and easy to talk to.",
         "I love good food, art galleries and long walks.", "Relaxed atmosphere in my own studio.",
         "Fluent in English, happy to chat in other languages too.", "Appointments in the evening and at weekends.",
         "Private apartment near the centre, easy parking.", "Outcalls to hotels in the city centre.",
         "Qualified massage therapist with years of practice.", "Elegant and well travelled.")
CLOSERS = ("Call or text to book.", "Message me for availability.", "Booking by phone only.",
           "Please book at least an hour ahead.", "Looking forward to meeting you.")

# Criminal templates: one per controller; slots change, the rest stays word for word.
RING_TEMPLATES = (
    "Hi, I am {name}, {age} years old, {nationality} girl, {youth}. {new}{trust}. Offering {service} "
    "in {city}. Available 24/7, incall and outcall. {screening} Call {phone}.",
    "{name} ({age}) - {youth} from {country}. {trust}. {new}Now in {city}! {Service}. "
    "Open every day, late hours ok. {screening} Tel {phone}",
    "NEW PHOTOS! Sweet {nationality} {name}, {age}. {trust}. {new}{Service} in {city}, "
    "hotel visits possible. Any time day or night. {screening} Contact {phone}.",
)

# Reposts and bumps: a line some copies start with, so copies of one ad differ a little.
BUMPS = ("Back again!", "Available today.", "Still here!", "Available this weekend.", "Updated today.",
         "Last days in {city}!", "Bookings open for this week.")
# Phrases that nearly every personal-services ad on QuickAds carries, benign and criminal alike (the site's
# posting form suggests them). They make unrelated ads look alike to a text comparison: a hard negative.
SITE_COMMON = ("Please mention QuickAds when you call.", "Real photos.", "Discretion guaranteed.",
               "Mention QuickAds when you text.")

JOB_TITLES = ("Warehouse operative", "Care assistant", "Kitchen porter", "Line cook", "Cleaner",
              "Delivery driver", "Fruit picker", "Hotel housekeeper", "Construction labourer",
              "Production line worker", "Barista", "Shop assistant")
JOB_DUTIES = ("Picking and packing orders, loading deliveries.", "Supporting residents with daily living.",
              "Keeping the kitchen clean and helping the chefs.", "Preparing meals in a busy restaurant.",
              "Cleaning offices in the early morning.", "Delivering parcels around the city with a company van.",
              "Seasonal harvest work on a family farm.", "Cleaning and preparing hotel rooms.",
              "General site work, training given.", "Operating packing machines on day and night shifts.",
              "Making coffee and serving customers.", "Serving customers and stocking shelves.")
# Honest ads use some of the same surface phrases as the recruiters (decoys).
HONEST_EXTRAS = ("Accommodation can be arranged for seasonal staff.", "Urgent start available.",
                 "No experience needed, full training given.", "Weekly pay, paid holidays.",
                 "Contract and payslips from day one.", "Overtime paid at time and a half.")
RECRUIT_TEMPLATES = (
    "WORK IN {country_upper}! {job} wanted, {pay} per month NET. No experience and no language needed. "
    "Free flight and accommodation, we arrange all documents. Small registration fee {fee} (repaid from first "
    "salary). Start next week, places limited! Write only on {messenger}.",
    "Urgent: {job}s for {country}. Salary {pay}/month, housing provided, transport paid by us. "
    "No language, no experience ok. Registration {fee}, returned after first month. Contact {messenger} only.",
)
TRAVEL_ROUTES = ("daily coach", "minibus transfer", "weekly coach", "airport shuttle")


def pick_some(rng: random.Random, pool: tuple[str, ...], k: int) -> list[str]:
    return rng.sample(list(pool), k)


def maybe(rng: random.Random, rate: float, text: str) -> str:
    return text if rng.random() < rate else ""
