# ---
# jupyter:
#   jupytext:
#     notebook_metadata_filter: -jupytext.text_representation.jupytext_version
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Module 07 — Following the money
#
# *OSINT Lab · about 80–90 minutes · no programming experience needed*
#
# Trafficking is a business, and money is where it is most consistent: the women of module 03 are
# advertised every day, their hotels and tickets must be paid, their earnings must reach someone, and the
# recruiters of module 04 take fees from the people they deceive. In this module the production orders of
# the case have been answered: six banks, a payment app, a prepaid-card programme and a crypto exchange
# sent their customers' records and every transaction of the period. You **load** them — each institution
# writes its files differently — into one table, see why **thresholds alone** fail, follow the taught
# method to find the **funnel accounts**, the **one payer** behind the women's circuit and the accounts
# **at the top**, label statement rows with their **typology**, read the **payment details** the ads publish, and follow
# the recruitment fees from the address in the ads through a **peel chain** to the exchange, on the
# LabCoin block explorer.
#
# ## What you will learn
#
# 1. Read a bank's cover letter and load its file with `pandas`: separator, decimal comma, encoding,
#    preamble lines, local dates and times converted to UTC, amounts as signed whole cents.
# 2. Why "cash deposits just under 10,000" and "many incoming payments" flag mostly honest people.
# 3. FinCEN's typologies of trafficking money (FIN-2014-A008, FIN-2020-A008): funnel accounts,
#    structuring, one payer for many people's hotels, tickets, food and ads, wires home, recruitment fees.
# 4. Combine cues the way an analyst does: cash in *and* out in another city within two days; a hotel
#    *and* an ad fee on the circuit; payments to the same person abroad, again and again.
# 5. Reuse what modules 03 and 04 found (the ring's ads and stays, the front's phones, the payment
#    handles and addresses in their ads) as **selectors** in financial records.
# 6. Follow coins on a public ledger: the common-input heuristic and a peel chain.
#
# ## How this notebook works
#
# - Run the cells **in order, from the top** (Shift + Enter). If something gets confused:
#   *Kernel → Restart Kernel and Run All Cells*.
# - Cells with `# YOUR CODE HERE` and `raise NotImplementedError()` are yours: replace those two lines
#   with your code. Every such cell comes with hints, and the cells before it prepare what you need.
# - **Self-check** cells tell you at once how close you are, without giving the answer away.
# - Please do not rename `flagged_accounts`, `organiser_total` or `typology_labels`, and do not delete cells.
# - Loading every production takes **about 10 seconds**; everything else is quick.
#
# | Question | What you hand in | Points |
# |---|---|---|
# | Q1 | a list `flagged_accounts`: the accounts the operations control and use | 5 |
# | Q2 | `organiser_total`: what reached the people at the top, by currency | 2 |
# | Q3 | a dictionary `typology_labels`: a typology (or "benign") for each of the brief's rows | 3 |
# | Q4 | a written explanation of one typology | 3 |
# | | **Total** | **13** |

# %% [markdown]
# ## Step 0 — The brief and the production orders
#
# Module 03 ended with a phone: the work phone behind the QuickAds ad you started from. Module 04 ended
# with a company: the agency the recruiters post for. Production orders were served on the accounts
# registered to that phone and on the company's account. You should see the brief, the accounts it names
# (as the institutions print them: `ZZ00 …` numbers and app handles `~word.word`), and the index of what
# came back.

# %% nbgrader={"grade": false, "grade_id": "brief", "locked": true, "schema_version": 3, "solution": false, "task": false}
import hashlib
import textwrap
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from graders.lab.productions import load_customers, load_exchange, load_statements, productions_dir
from graders.lab.world import load_brief

brief = load_brief("07-following-the-money")
START_NUMBERS = brief["start_numbers"]      # the accounts the orders name, as printed
EUR_PER_UNIT = brief["eur_per_unit"]        # the case's fixed exchange rates: euros per unit of each currency
print(textwrap.fill(brief["text"], width=100))
print()
print("Accounts named in the orders:", ", ".join(START_NUMBERS))
print("Exchange rates (euros per unit):", EUR_PER_UNIT)

PRODUCTIONS = productions_dir()
analysis_log = []                           # every file you read, with its fingerprint (see the end)


def read_file_logged(path):
    # Note a file in the analysis log (name, size, SHA-256) and give its path back.
    data = Path(path).read_bytes()
    analysis_log.append({"read_at_utc": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                         "file": str(Path(path).relative_to(PRODUCTIONS)), "bytes": len(data),
                         "sha256": hashlib.sha256(data).hexdigest()})
    return path


print()
print((PRODUCTIONS / "README.txt").read_text(encoding="utf-8"))

# %% [markdown]
# ## Before you start: the people in these records
#
# - **Almost everyone in these files is an honest customer.** The banks answered for *every* account
#   they hold: thousands of people who receive wages, pay rent and send money home. A method that flags them
#   does real harm — frozen accounts, suspicion, lost jobs.
# - **Many honest customers look alike.** Sole traders bank cash every few days (sometimes just under
#   10,000 by chance); students are sent money by many relatives; landlords collect many rents;
#   travelling workers pay hotels and taxis in many cities; advertisers pay the ad sites for their own
#   ads. Every cue in this module has honest explanations **on its own**: we only act on cues **in
#   combination**.
# - **Victims are not suspects.** The women's earnings pass through accounts in their names, and the
#   recruits of module 04 paid fees from their own accounts: those accounts record what was done *to*
#   them. A recruit who paid a fee is a possible victim of deceptive recruitment, not a member of the
#   operation. Their records go to victim-support services and the prosecutor with care — never into a
#   list of suspects.
# - **Use the records only for this investigation** (the letters say so), keep them on the lab's
#   computer, and log what you read (the log at the end of this notebook).

# %% [markdown]
# ## Step 1 — Load a production by hand
#
# Every institution writes its own format, and its **cover letter** (`README.txt`) says which. Read the
# letter of **Dnipro Trade Bank** first. You should see: the file is in **Windows-1251** (not UTF-8),
# separated by semicolons, amounts with a **decimal comma** and a minus sign for money leaving the
# account, dates `dd.mm.yyyy` and times in **Kyiv time**.

# %% nbgrader={"grade": false, "grade_id": "dnipro-letter", "locked": true, "schema_version": 3, "solution": false, "task": false}
print((PRODUCTIONS / "dniprobank" / "README.txt").read_text(encoding="utf-8"))

# %% [markdown]
# Now load the file the way the letter describes. Three things matter for everything that follows:
#
# - **Encoding.** Opened as UTF-8, a Windows-1251 file gives an error or nonsense (`Ðàõóíîê`).
# - **Amounts as whole cents.** `-1234,56` becomes `-123456`: no rounding errors when you add thousands
#   of amounts, and the sign says the direction.
# - **Times in UTC.** Kyiv is 2–3 hours ahead of UTC, London 0–1: to compare a payment in Kyiv with an
#   ad posted from London, put both on one clock. `tz_localize("Europe/Kyiv")` says "this is Kyiv time",
#   `tz_convert("UTC")` converts it.
#
# You should see the first rows, read correctly (Ukrainian headers and names), with `amount_cents` and
# `ts` (UTC) added.

# %% nbgrader={"grade": false, "grade_id": "dnipro-by-hand", "locked": true, "schema_version": 3, "solution": false, "task": false}
dnipro_file = read_file_logged(PRODUCTIONS / "dniprobank" / "vypyska.csv")
dnipro = pd.read_csv(dnipro_file, sep=";", encoding="cp1251", dtype=str, keep_default_na=False)


def comma_cents(text):
    # "-1234,56" -> -123456 (whole cents, signed). The letter says: no thousands separator.
    sign = -1 if text.startswith("-") else 1
    units, cents = text.lstrip("-").split(",")
    return sign * (int(units) * 100 + int(cents))


dnipro["amount_cents"] = dnipro["Сума"].map(comma_cents)
local = pd.to_datetime(dnipro["Дата"] + " " + dnipro["Час"], format="%d.%m.%Y %H:%M:%S")
dnipro["ts"] = local.dt.tz_localize("Europe/Kyiv", ambiguous="NaT", nonexistent="NaT").dt.tz_convert("UTC")
print(len(dnipro), "rows,", dnipro["Рахунок"].nunique(), "accounts")
dnipro.head(4)

# %% [markdown]
# ### Your turn (not graded) — a second layout
#
# Rheinwerk Bank writes differently (read its letter below): **five preamble lines** before the header,
# amounts like `-1.234,56` (a dot for thousands, a comma for decimals), and **dates only** — no time.
#
# Write `german_cents(text)`: it receives one amount as printed (`"-1.234,56"`, `"171,55"`) and returns
# whole cents (`-123456`, `17155`). Hints: `text.replace(".", "")` removes the thousands dots; then it is
# the same as `comma_cents` above, which you may call. You should see the first rows with their cents,
# and a check against the lab's loader (next cell).

# %% nbgrader={"grade": false, "grade_id": "rhein-letter", "locked": true, "schema_version": 3, "solution": false, "task": false}
print((PRODUCTIONS / "rheinbank" / "README.txt").read_text(encoding="utf-8")[:1500])


# %% nbgrader={"grade": false, "grade_id": "rhein-cents-solution", "locked": false, "schema_version": 3, "solution": true, "task": false}
def german_cents(text):
    ### BEGIN SOLUTION
    return comma_cents(text.replace(".", ""))
    ### END SOLUTION


rhein_file = read_file_logged(PRODUCTIONS / "rheinbank" / "umsaetze.csv")
rhein = pd.read_csv(rhein_file, sep=";", skiprows=5, dtype=str, keep_default_na=False)
rhein["day"] = pd.to_datetime(rhein["Buchungstag"], format="%d.%m.%Y")
try:
    rhein["amount_cents"] = rhein["Betrag"].map(german_cents)
    print(len(rhein), "rows; the biggest amounts:", rhein["amount_cents"].abs().nlargest(3).tolist())
except NotImplementedError:
    print("german_cents is not written yet: the Rheinwerk amounts are not read.")
rhein.head(4)

# %% [markdown]
# ### One loader for every statement
#
# Writing this for nine institutions by hand is what an analyst does once, carefully, from the letters.
# The lab gives you that work done: `load_statements()` reads every production into **one table** with the
# same columns everywhere — `institution, account, date, ts (UTC, or empty where the bank gives no time),
# amount_cents (signed), currency, type, counterparty_name, counterparty_account, place (cash rows' town),
# description`. `load_customers()` reads every customer (KYC) file: account, name, kind (personal or
# business), opened, phone, city.
#
# **Never trust a loader you have not checked.** The cell compares your hand-loaded Dnipro rows (and your
# Rheinwerk cents) with the loader's. You should see the counts of rows and accounts per institution, and
# "agree" twice (the Rheinwerk line says what is missing if `german_cents` is not written).

# %% nbgrader={"grade": false, "grade_id": "load-all", "locked": true, "schema_version": 3, "solution": false, "task": false}
for folder in sorted(p for p in PRODUCTIONS.iterdir() if p.is_dir()):
    for file in sorted(folder.iterdir()):
        if file.suffix in (".csv", ".xlsx", ".jsonl"):
            read_file_logged(file)
statements = load_statements()
customers = load_customers()
print(statements.groupby("institution").agg(rows=("account", "size"), accounts=("account", "nunique")))

mine = sorted(zip(dnipro["Рахунок"], dnipro["ts"].astype(str), dnipro["amount_cents"]))
loaded = statements[statements["institution"] == "dniprobank"]
theirs = sorted(zip(loaded["account"], loaded["ts"].astype(str), loaded["amount_cents"]))
same = mine == theirs                     # every row: the same account, moment (UTC) and cents
print("Dnipro Trade Bank: your rows and the loader's", "agree." if same else "DIFFER: look again at your cell.")
if "amount_cents" in rhein:
    loader = statements.loc[statements["institution"] == "rheinbank", "amount_cents"].sort_values().tolist()
    agree = sorted(rhein["amount_cents"].tolist()) == loader
    print("Rheinwerk Bank: your cents and the loader's", "agree." if agree else "DIFFER: check german_cents.")
else:
    print("Rheinwerk Bank: german_cents is not written yet, nothing to compare.")

# %% [markdown]
# ## Step 2 — The threshold shortcut, and why it fails
#
# Banks must report cash of 10,000 or more, so criminals **structure** deposits just under it, and a
# funnel account **receives many payments**. Two tempting rules follow:
#
# 1. flag every account with a cash deposit between 9,000 and 10,000 (in its own currency);
# 2. flag every account with many incoming payments (more than three times what a typical account gets).
#
# Run them. You should see well over a hundred accounts flagged, then a sample of what those accounts
# look like: regular cash deposits every few days all period long (shops, market traders: **sole
# traders**), rents from several tenants each month (**landlords**), invoices and supplies paid by many
# customers (**businesses**), small sums with family notes from many relatives (**students**). Very few
# of them have anything to do with the case. These
# rules are not graded; keep them in mind when you write your own.

# %% nbgrader={"grade": false, "grade_id": "naive-rules", "locked": true, "schema_version": 3, "solution": false, "task": false}
cash_in = statements[(statements["place"] != "") & (statements["amount_cents"] > 0)]
near_10k = set(cash_in.loc[cash_in["amount_cents"].between(900_000, 999_999), "account"])
incoming = statements[statements["amount_cents"] > 0].groupby("account").size()
many_in = set(incoming[incoming > 3 * incoming.median()].index)
print(f"Rule 1 (a cash deposit of 9,000-10,000): {len(near_10k)} accounts")
print(f"Rule 2 (many incoming payments): {len(many_in)} accounts  (a typical account gets {incoming.median():.0f})")


def portrait(accounts):
    # What the flagged accounts' money looks like: cash deposits, incoming payments, different payers.
    rows = statements[statements["account"].isin(accounts)]
    money_in = rows[rows["amount_cents"] > 0]
    return pd.DataFrame({
        "cash deposits": money_in[money_in["place"] != ""].groupby("account").size(),
        "payments in": money_in[money_in["place"] == ""].groupby("account").size(),
        "different payers": money_in.groupby("account")["counterparty_name"].nunique(),
        "most common note": money_in.groupby("account")["description"].agg(lambda d: d.mode().iloc[0]),
    }).fillna(0).sample(min(8, len(accounts)), random_state=7)


portrait(near_10k | many_in)

# %% [markdown]
# ## Step 3 — One table with what each row tells
#
# The taught method reads a few facts from each row. The cell adds them as columns:
#
# - `acct`, `cp`: this account and the counterparty's, written one way (`ZZ00CRPT…`, no spaces);
# - `home`: the town of the account holder's address (KYC file);
# - `mcity`: the city of a shop, hotel or taxi, read from its name (`HOTEL MERIDIAN LONDON` → london);
# - `kind`: `ad_site` (QuickAds, Companions), `hotel`, `ride` (taxi), `ticket` (train, coach, plane),
#   `living` (groceries, shops, restaurants), or empty;
# - `cash`: `in` or `out` for cash rows; `day`, and `hour` (local time in the shop's city, when the
#   institution gives a time).
#
# One more join: a transfer from a bank account **into the payment app** shows on the bank's statement
# only as "ZAPPLY BV" and the app company's own account; Zapply's statement names the bank account it came
# from. The cell puts the two together, so the bank row points to the app account it really reached.
# You should see a few card payments with their facts.

# %% nbgrader={"grade": false, "grade_id": "prepare", "locked": true, "schema_version": 3, "solution": false, "task": false}
import re
import unicodedata

from synth.vocab.canon import canonical_account
from graders.modules.m07_following_the_money.casefile import cities as lab_cities, institutions as lab_institutions

CITIES = lab_cities()
KINDS = {"ad_site": r"QUICKADS|COMPANIONS", "hotel": r"HOTEL|LODGE|BUDGET INN", "ride": r"RIDENOW|CITYCAB",
         "ticket": r"EURORAIL|FLYLOW|COACHLINK", "living": r"FRESHCART|KWIK GROCER|DAILY BASKET|MODEHAUS|HOMEHUB|"
         r"BOOKWORM|TECHCORNER|CAFE LINDNER|PIZZA ROSSA|NOODLE BAR"}
ZONES = {"GB": "Europe/London", "PL": "Europe/Warsaw", "RO": "Europe/Bucharest", "UA": "Europe/Kyiv",
         "DE": "Europe/Berlin", "NL": "Europe/Amsterdam"}


def fold(text):
    # Upper case without accents: "Café Lindner Kraków" -> "CAFE LINDNER KRAKOW".
    return "".join(c for c in unicodedata.normalize("NFKD", str(text)) if not unicodedata.combining(c)).upper()


s = statements.copy()
s["acct"] = s["account"].map(canonical_account)
s["cp"] = s["counterparty_account"].map(lambda v: canonical_account(v) if v else "")
slug = {fold(n): sl for n, sl in zip(CITIES["name"], CITIES["slug"])}
town = {canonical_account(a): slug.get(fold(c), "") for a, c in zip(customers["account"], customers["city"])}
s["home"] = s["acct"].map(town).fillna("")
text = (s["counterparty_name"] + " " + s["description"]).map(fold)
ends = "|".join(re.escape(k) for k in sorted(slug, key=len, reverse=True))
s["mcity"] = text.str.extract(rf"\b({ends})\s*$", expand=False).map(slug).fillna("")
s["kind"] = ""
for kind, pattern in KINDS.items():
    s.loc[(s["kind"] == "") & (s["amount_cents"] < 0) & text.str.contains(pattern), "kind"] = kind
s["cash"] = ""
s.loc[(s["place"] != "") & (s["amount_cents"] > 0), "cash"] = "in"
s.loc[(s["place"] != "") & (s["amount_cents"] < 0), "cash"] = "out"
s["day"] = s["date"].dt.normalize()
country = dict(zip(CITIES["slug"], CITIES["country"]))
s["hour"] = pd.Series(pd.NA, index=s.index, dtype="Int64")
for zone in set(ZONES.values()):
    here = s["ts"].notna() & s["mcity"].map(lambda c, z=zone: ZONES.get(country.get(c, "")) == z)
    s.loc[here, "hour"] = s.loc[here, "ts"].dt.tz_convert(zone).dt.hour

# The bank -> app bridge: same bank account, opposite direction, within a day (bank: local day, app: UTC).
app = s[(s["institution"] == "zapply") & (s["type"] == "bank_transfer")]
bank = s[(s["institution"] != "zapply") & s["acct"].isin(set(app["cp"]))
         & s["counterparty_name"].map(fold).str.contains("ZAPPLY")].reset_index()
bridge = bank.merge(app[["acct", "cp", "day", "amount_cents"]], left_on="acct", right_on="cp", suffixes=("", "_app"))
bridge = bridge[((bridge["day"] - bridge["day_app"]).abs() <= pd.Timedelta(days=1))
                & (bridge["amount_cents"].lt(0) == bridge["amount_cents_app"].gt(0))]
s.loc[bridge["index"].to_numpy(), "cp"] = bridge["acct_app"].to_numpy()
print(len(bridge), "bank transfer(s) into the app matched to the app account they reached")
s[s["kind"] != ""].sample(5, random_state=3)[["institution", "acct", "day", "hour", "amount_cents", "kind", "mcity",
                                              "home"]]

# %% [markdown]
# ## Step 4 — What modules 03 and 04 found
#
# Financial records do not say who is who. The **selectors** of the earlier modules do:
#
# - **Module 03** linked the ads of the ring (shared phones, handles, names and texts) and rebuilt each
#   woman's **stays**: the runs of her ads in one city, from the first ad to the last. Those dates and
#   cities are where the ring's hotels, tickets and cash must appear. The ring's ads also carry its
#   **work phones**, and the institutions' KYC files say which accounts are registered to them.
# - **Module 04** found the **front**: the agency the recruiters post for. The brief's business account
#   is the front's; its WorkAbroad posts carry the recruiters' phones.
#
# `graders.modules.m07_following_the_money.casefile` gives you those results (the modules' methods, run on the public site data). You
# should see the number of ring ads and women, a few stays, the accounts registered to the ring's phones
# and the front.

# %% nbgrader={"grade": false, "grade_id": "earlier-modules", "locked": true, "schema_version": 3, "solution": false, "task": false}
from graders.modules.m07_following_the_money import casefile

ring = casefile.ring_ads()                   # module 03: the ring's ads (ref, site, city, posted, phones, person)
stays = casefile.stays(ring)                 # module 03: each woman's stays (person, city, first, last)
ring_phones = casefile.phones_of(ring)
print(f"Module 03: {len(ring)} ring ads of {ring['person'].nunique()} women, {len(stays)} stays, "
      f"{len(ring_phones)} phones")

start = {canonical_account(a) for a in START_NUMBERS}
customers["acct"] = customers["account"].map(canonical_account)
business = set(customers.loc[customers["kind"] == "business", "acct"])
people = set(customers.loc[customers["kind"] == "personal", "acct"])
front = start & business
front_name = customers.loc[customers["acct"].isin(front), "name"].tolist()
labour_phones = set().union(*(casefile.front_phones(name) for name in front_name))
print("Module 04: the front is", front_name, "- its posts give", len(labour_phones), "phones")

on_ring_phones = casefile.registered_to(customers, ring_phones) | (start - front)
print("Accounts registered to the ring's phones (and named in the orders):", sorted(on_ring_phones))


def same_holder(accounts):
    # Every account held under the same name as one of `accounts` (KYC names, spelling-blind).
    names = customers["name"].map(fold)
    wanted = set(names[customers["acct"].isin(set(accounts))])
    return set(customers.loc[names.isin(wanted), "acct"])


controllers = same_holder(on_ring_phones)
print(len(controllers), "accounts of the same holders (the controllers' other cards, app and bank accounts)")
stays.head()

# %% [markdown]
# ### Payment details in the ads
#
# An ad that asks for a **deposit** or a **fee** has to say where to pay it. Two kinds of payment detail
# appear in this case's ads:
#
# - a **Zapply handle**: the payment app's user name, a tilde and words joined by dots (`~anna.k93`);
# - a **LabCoin address**: `lab1` followed by 38 letters and digits.
#
# Both are selectors, like a phone number. Zapply's production lists every user's handle with the
# verified name and phone behind it, and the explorer (Step 9) shows every payment to an address. The
# cell finds them with two patterns in the ring's ads (module 03) and in the front's WorkAbroad posts
# (module 04), and looks the handles up in the customer files. You should see:
#
# - the ring's handles: "booking" accounts whose verified holders are the controllers on the ring's phones;
# - the recruiters' handles;
# - in most worlds, one or two LabCoin addresses.
#
# **A handle in an ad is not a finding on its own.** Honest advertisers take deposits through the app
# too, and the last line counts the handles in everyone else's ads in the same cities. An account
# belongs to the ring because it is registered to the ring's phone (Step 4) and because of what its
# records show, not because an ad names it.

# %% nbgrader={"grade": false, "grade_id": "payment-details", "locked": true, "schema_version": 3, "solution": false, "task": false}
ZAPPLY_HANDLE = re.compile(r"(?<![\w~])~[a-z0-9]+(?:\.[a-z0-9]+)+", re.IGNORECASE)             # ~word.word
LABCOIN_ADDRESS = re.compile(r"(?<![0-9a-z])lab1[02-9ac-hj-np-z]{38}(?![0-9a-z])", re.IGNORECASE)  # lab1 + 38


def payment_details(texts):
    # Every Zapply handle and LabCoin address written in `texts`, in lower case.
    handles, addresses = set(), set()
    for text in texts:
        handles |= {h.lower() for h in ZAPPLY_HANDLE.findall(str(text))}
        addresses |= {a.lower() for a in LABCOIN_ADDRESS.findall(str(text))}
    return handles, addresses


def kyc(accounts):
    # The customer-file lines of `accounts` (account numbers or handles, as canonical_account writes them).
    return customers.loc[customers["acct"].isin(set(accounts)), ["institution", "account", "name", "phone"]]


ring_handles, _ = payment_details(ring["text"])
print(f"The ring's ads name {len(ring_handles)} Zapply handle(s). Zapply's users file says who holds them:")
print(kyc(ring_handles).to_string(index=False))
print("All of them among the accounts of the ring's phones:", ring_handles <= controllers)

front_texts = pd.concat([casefile.front_posts(name)["body"] for name in front_name])
fee_handles, fee_addresses = payment_details(front_texts)
print(f"\nThe front's posts ask for the fee by {len(fee_handles)} handle(s) and {len(fee_addresses)} LabCoin address(es):")
print(kyc(fee_handles).to_string(index=False))
for address in sorted(fee_addresses):
    print("LabCoin", address)

everyone, _ = payment_details(casefile.personal_ads()["text"])
print(f"\nAll personal-services ads in the brief's cities name {len(everyone)} handles; {len(everyone - ring_handles)} "
      "of them are not the ring's: honest advertisers take deposits too.")

# %% [markdown]
# ## Step 5 — Funnel accounts: cash in, and out again somewhere else
#
# A **funnel account** (FIN-2014-A008) receives cash in one city and is emptied within hours or days in
# another — the women's earnings paid in where they work this week, taken out or passed on where the
# controller is. A shopkeeper banks cash too, but spends it slowly, at home.
#
# The cell pairs every cash deposit with every payment out of the same account **0–2 days** later, and
# notes the `share` of the deposit that left (a withdrawal of 1,900 after a deposit of 2,000: 0.95), and
# whether it left as cash **in another city** (`moved`) or by transfer to another account (`to`).

# %% nbgrader={"grade": false, "grade_id": "cash-pairs", "locked": true, "schema_version": 3, "solution": false, "task": false}
routine = s["description"].str.upper().str.match(r"SALARY|RENT\b")     # wages and rents are not passed-on cash
deposits = s[s["cash"] == "in"][["acct", "day", "place", "amount_cents"]]
outs = s[(s["amount_cents"] < 0) & ((s["cash"] == "out") | ((s["cp"] != "") & ~routine))]
pairs = deposits.merge(outs[["acct", "day", "place", "cp", "amount_cents"]], on="acct", suffixes=("_in", "_out"))
pairs["gap_days"] = (pairs["day_out"] - pairs["day_in"]).dt.days
pairs = pairs[pairs["gap_days"].between(0, 7)].copy()
pairs["share"] = -pairs["amount_cents_out"] / pairs["amount_cents_in"]
pairs["moved"] = (pairs["cp"] == "") & (pairs["place_out"] != "") & (pairs["place_out"] != pairs["place_in"])
pairs = pairs.rename(columns={"cp": "to"})
print(len(pairs), "deposits paired with a payment out within a week")
pairs.sample(5, random_state=1)[["acct", "day_in", "place_in", "amount_cents_in", "gap_days", "share", "moved", "to"]]


# %% [markdown]
# ### Your turn (part of Q1) — the funnel rule
#
# Write `passes_on(gap_days, share)`: `True` when the money left **within two days** (`gap_days` from 0
# to 2) and **at least 80 %** of the deposit left in one go (`share` from 0.8 to 1.0).
#
# The cell then keeps the pairs that pass it and leave as cash in another city, or go to an account that
# **collects** from two or more such accounts (or to the controllers' accounts): those accounts are
# **funnels**. Hints: `0 <= gap_days <= 2` works in Python; combine two conditions with `and`.
# You should see a few dozen funnel accounts and the accounts that collect from them.

# %% nbgrader={"grade": false, "grade_id": "q1-funnel-solution", "locked": false, "schema_version": 3, "solution": true, "task": false}
def passes_on(gap_days, share):
    ### BEGIN SOLUTION
    return 0 <= gap_days <= 2 and 0.8 <= share <= 1.0
    ### END SOLUTION


try:
    quick = pairs[[bool(passes_on(g, x)) for g, x in zip(pairs["gap_days"], pairs["share"])]]
except NotImplementedError:
    print("passes_on is not written yet: no funnel accounts.")
    quick = pairs.iloc[0:0]
quick = quick[quick["moved"] | (quick["to"] != "")]
takers = quick[quick["to"].isin(people)].groupby("to")["acct"].nunique()
collecting = set(takers[takers >= 2].index) | controllers
handed_on = quick[quick["moved"] | quick["to"].isin(collecting)]
funnels = set(handed_on["acct"])
collectors = set(quick.loc[quick["acct"].isin(funnels) & quick["to"].isin(people), "to"])
print(len(funnels), "funnel accounts;", len(collectors), "accounts collect from them:", sorted(collectors))

# %% [markdown]
# ## Step 6 — One payer for the circuit
#
# Someone pays for the women's life on the circuit (FIN-2014-A008, FIN-2020-A008): the **ad fees**
# minutes before each ad, the **hotel** booked late at night on the day a stay starts, the **taxis**, the
# **tickets** from the last city, the **food and clothes** in a city where the payer does not live. The
# controllers use their own cards, prepaid cards and the cards of **mules** (people who lend their
# accounts). For every payment the cell asks which cue it shows:
#
# | cue | the payment is … |
# |---|---|
# | `living` | food or shops in a city of a stay, during the stay, away from the payer's home |
# | `hotel` | a hotel away from home, on the day a stay starts in that city (or the night after), booked late at night (22:00–02:59 local) when the bank gives the time |
# | `ride` | a taxi away from home in a city during a stay there, late at night when the time is known |
# | `fee` | an ad-site fee 0–45 minutes before one of the ring's ads; where the bank gives only the date: on the day a stay starts, or a Companions fee on the day one of the ring's Companions profiles appears |
#
# **Honest advertisers pay fees too**, for their own ads, often with a different phone on the ad than the
# one their bank knows. The cell recognises them: an account whose every fee is followed, within 45
# minutes, by an ad with **the same phone** (not one of the ring's) pays for its own ads, and its fees are
# not counted. **Travellers** pay hotels and taxis everywhere; the cell also counts each account's hotels
# and taxis away from home (`hotel_away`, `ride_away`), matching or not. You should see the counts for a
# few accounts.

# %% nbgrader={"grade": false, "grade_id": "circuit-cues", "locked": true, "schema_version": 3, "solution": false, "task": false}
FEE_MINUTES = 45
LATE_HOURS = (22, 23, 0, 1, 2)
during = {(city, d) for city, first, last in zip(stays["city"], stays["first"], stays["last"])
          for d in pd.date_range(first, last + pd.Timedelta(days=1))}        # the day after: local days run ahead
arrivals = {(city, first + pd.Timedelta(days=k)) for city, first in zip(stays["city"], stays["first"]) for k in (0, 1)}
starts = {d for _, d in arrivals}
profile_days = {d + pd.Timedelta(days=k) for d in ring.loc[ring["site"] == "companions", "posted"]
                .dt.tz_localize(None).dt.normalize() for k in (0, 1)}

# Honest advertisers: after every one of their (two or more) timed fees, an ad with one same phone.
ad_times = casefile.ad_times()
timed_fees = s[(s["kind"] == "ad_site") & s["ts"].notna()][["acct", "ts"]]
counts = timed_fees.groupby("acct").size()
phones_after = {}
for acct, when in zip(timed_fees["acct"], timed_fees["ts"]):
    if counts[acct] >= 2:
        window = ad_times[(ad_times["posted"] >= when) & (ad_times["posted"] <= when + pd.Timedelta(minutes=FEE_MINUTES))]
        seen = set(window["phone"]) - ring_phones
        phones_after[acct] = seen if acct not in phones_after else phones_after[acct] & seen
advertisers = casefile.registered_to(customers, casefile.phones_on_ads())
advertisers |= {acct for acct, shared in phones_after.items() if shared}
advertisers -= on_ring_phones
print(len(advertisers), "accounts pay for ads of their own")

pay = s[s["kind"] != ""].copy()
keys = list(zip(pay["mcity"], pay["day"]))
in_stay = pd.Series([k in during for k in keys], index=pay.index)
late = pay["hour"].isin(LATE_HOURS).fillna(False).astype(bool) | pay["hour"].isna()
pay["away"] = (pay["mcity"] != "") & (pay["mcity"] != pay["home"])
pay["living"] = (pay["kind"] == "living") & pay["away"] & in_stay
pay["ride"] = (pay["kind"] == "ride") & pay["away"] & late & in_stay
pay["hotel"] = (pay["kind"] == "hotel") & pay["away"] & late & pd.Series([k in arrivals for k in keys], index=pay.index)
ring_times = ring["posted"].sort_values().to_numpy()
fee = (pay["kind"] == "ad_site") & ~pay["acct"].isin(advertisers)
pay["timed"] = pay["ts"].notna()
pay["fee"] = False
when = pay.loc[fee & pay["timed"], "ts"].to_numpy()
nxt = ring_times.searchsorted(when).clip(0, len(ring_times) - 1)
minutes = pd.Series((ring_times[nxt] - when) / pd.Timedelta(minutes=1), index=pay.index[fee & pay["timed"]])
pay.loc[minutes.index, "fee"] = minutes.between(0, FEE_MINUTES)
untimed = fee & ~pay["timed"]
companions = (pay["counterparty_name"] + " " + pay["description"]).map(fold).str.contains("COMPANIONS")
pay.loc[untimed, "fee"] = pay.loc[untimed, "day"].isin(starts) | (companions[untimed] & pay.loc[untimed, "day"].isin(profile_days))
pay["timed_fee"] = pay["fee"] & pay["timed"]
pay["hotel_away"] = (pay["kind"] == "hotel") & pay["away"]
pay["ride_away"] = (pay["kind"] == "ride") & pay["away"]
cue_counts = pay.groupby("acct")[["living", "hotel", "hotel_away", "ride", "ride_away", "fee", "timed_fee"]].sum()
cue_counts[cue_counts[["living", "hotel", "ride", "fee"]].sum(axis=1) > 0].sample(6, random_state=2)


# %% [markdown]
# ### Your turn (part of Q1) — the one-payer rule
#
# Write `circuit_payer(c)`: it receives one account's counts (`c["living"]`, `c["hotel"]`,
# `c["hotel_away"]`, `c["ride"]`, `c["ride_away"]`, `c["fee"]`, `c["timed_fee"]`) and returns `True` when:
#
# - the account bought **food or shops on the circuit** away from home at least once (`living` ≥ 1); **or**
# - it paid **an ad fee** for the ring (`fee` ≥ 1) **and** its travel follows the circuit: it has a
#   matching hotel and **more than half** of its hotels away from home match (`2 * hotel > hotel_away`),
#   or the same for taxis; **or**
# - it paid **two or more fees minutes before the ring's ads** (`timed_fee` ≥ 2).
#
# Why "more than half"? A travelling engineer books hotels in many cities all period long: now and then
# one falls on a day a stay starts. A controller's hotels are where the women are. Hints: write the
# travel condition first, `travel = (c["hotel"] >= 1 and 2 * c["hotel"] > c["hotel_away"]) or (...)`.
# You should see several dozen payers: the controllers' cards and the mules'.

# %% nbgrader={"grade": false, "grade_id": "q1-payer-solution", "locked": false, "schema_version": 3, "solution": true, "task": false}
def circuit_payer(c):
    ### BEGIN SOLUTION
    travel = ((c["hotel"] >= 1 and 2 * c["hotel"] > c["hotel_away"])
              or (c["ride"] >= 1 and 2 * c["ride"] > c["ride_away"]))
    return c["living"] >= 1 or (travel and c["fee"] >= 1) or c["timed_fee"] >= 2
    ### END SOLUTION


try:
    payers = {acct for acct, c in cue_counts.iterrows() if circuit_payer(c)}
except NotImplementedError:
    print("circuit_payer is not written yet: no payers.")
    payers = set()
print(len(payers), "accounts pay for the circuit;", len(payers & controllers), "of them are the controllers'")

# %% [markdown]
# ## Step 7 — Up the chain: who receives the money at the end?
#
# The controllers and the front move the money on — often **abroad, to the organiser's country**,
# in wires under the reporting line with family notes ("FAMILY SUPPORT", "FOR MOTHER"): FIN-2014-A008's
# "wages wired home". Honest people send money home too, once a month to their family; what gives the
# organiser away is that **the operation's accounts** — several of them — pay the same person abroad again
# and again.
#
# The cell takes the operation's paying accounts (the controllers' accounts in use, the collectors and the
# front), lists everything they paid to other accounts (wages and rents left out), and counts for each
# receiving account how often it was paid from **another country** (the bank code in the account number
# says which bank: `ZZ00 DNPR …` is Dnipro Trade Bank, Ukraine).

# %% nbgrader={"grade": false, "grade_id": "paid-abroad", "locked": true, "schema_version": 3, "solution": false, "task": false}
INSTITUTIONS = lab_institutions()
bank_country = dict(zip(INSTITUTIONS["code"], INSTITUTIONS["country"]))
active = set(pay.loc[pay[["living", "hotel", "fee"]].any(axis=1) | (pay["kind"] == "ad_site"), "acct"])
controllers_used = on_ring_phones | (controllers & (active | collectors | payers))
senders = controllers_used | collectors | front

sent = s[s["acct"].isin(senders) & (s["amount_cents"] < 0) & (s["cp"] != "") & ~s["cp"].isin(senders)]
home_money = sent[~sent["description"].str.upper().str.match(r"SALARY|RENT\b")]
abroad = home_money["acct"].str[4:8].map(bank_country) != home_money["cp"].str[4:8].map(bank_country)
receivers = (home_money[abroad & home_money["cp"].str.startswith("ZZ")].groupby("cp")
             .agg(times_paid=("acct", "size"), payers=("acct", "nunique"), notes=("description", lambda d: sorted(set(d)))))
receivers["personal"] = receivers.index.isin(people)
receivers.sort_values("times_paid", ascending=False).head(8)


# %% [markdown]
# ### Your turn (part of Q1) — the organisers
#
# Write `is_organiser(r)`: it receives one row of `receivers` and returns `True` for a **personal**
# account (`r["personal"]`) paid **two or more times** (`r["times_paid"]`) by the operation's accounts.
#
# The cell adds the organisers' other accounts that the operation also paid (same holder: the organiser
# keeps accounts at more than one bank). You should see a few accounts, in the organisers' countries.

# %% nbgrader={"grade": false, "grade_id": "q1-organiser-solution", "locked": false, "schema_version": 3, "solution": true, "task": false}
def is_organiser(r):
    ### BEGIN SOLUTION
    return bool(r["personal"]) and r["times_paid"] >= 2
    ### END SOLUTION


try:
    top = {acct for acct, r in receivers.iterrows() if is_organiser(r)}
except NotImplementedError:
    print("is_organiser is not written yet: no organisers.")
    top = set()
organisers = top | (same_holder(top) & set(sent["cp"]))
print("Organisers' accounts:", sorted(organisers))
customers.loc[customers["acct"].isin(organisers), ["institution", "account", "name", "city"]]

# %% [markdown]
# **The recruiters.** The front's WorkAbroad posts give the recruiters' phones (module 04). Accounts
# registered to those phones that are paid with fee-like notes ("registration", "visa", "job 🙏",
# "документи") take the recruitment fees (FIN-2020-A008); some recruits pay the front directly, some pay
# in LabCoin (Step 9). You should see the recruiters' accounts (in some worlds none: the fees went to the
# front or in coins) and the fee-like payments. The people who paid them are **recruits — possible
# victims**: the cell counts them, and they stay out of every list of suspects.

# %% nbgrader={"grade": false, "grade_id": "recruiters", "locked": true, "schema_version": 3, "solution": false, "task": false}
FEE_WORDS = r"fee|registration|visa|job|документ|recruit"
labour_accounts = casefile.registered_to(customers, labour_phones) - front
fee_rows = s[s["acct"].isin(labour_accounts | front) & (s["amount_cents"] > 0)
             & s["description"].str.contains(FEE_WORDS, case=False)]
recruiters = set(fee_rows["acct"]) - front
print("Recruiters' accounts paid with fee notes:", sorted(recruiters) or "none in this world's bank and app records")
print(len(fee_rows), "fee-like payments to the front and the recruiters, from",
      fee_rows["cp"].replace("", pd.NA).nunique(), "different accounts: recruits, possible victims, not suspects.")
fee_rows[["institution", "account", "date", "amount_cents", "description"]].head(5)

# %% [markdown]
# ### Question 1 (5 points) — the operations' accounts
#
# Make `flagged_accounts` the sorted list of every account the operations **control and use**: the
# front, the controllers' accounts in use (`controllers_used`), the collectors, the funnels, the circuit
# payers, the organisers and the recruiters. Leave out the recruits and the women's own accounts that only
# paid or received what was done to them.
#
# The hidden test measures it with **F1**: it loses points for accounts you miss *and* for honest
# accounts you flag — the sole traders, students, landlords, travellers and advertisers are the traps.
# Hints: `a | b | c` joins sets; `sorted(...)` makes a list. You should see about 90 accounts.

# %% nbgrader={"grade": false, "grade_id": "q1-flagged-solution", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
flagged_accounts = sorted(front | controllers_used | collectors | funnels | payers | organisers | recruiters)
### END SOLUTION
print(len(flagged_accounts), "accounts flagged, at",
      statements.loc[statements["account"].map(canonical_account).isin(flagged_accounts), "institution"].nunique(),
      "institutions")

# %% nbgrader={"grade": true, "grade_id": "q1-flagged-accounts", "locked": true, "points": 5, "schema_version": 3, "solution": false, "task": false}
from graders.lab.selfcheck import check

check("07-following-the-money/flagged-accounts", flagged_accounts)
### BEGIN HIDDEN TESTS
from graders.grading.hidden import hidden_check

hidden_check("07-following-the-money", "q1-flagged-accounts", flagged_accounts)
### END HIDDEN TESTS

# %% [markdown]
# ### Question 2 (2 points) — what reached the top
#
# How much did the operations' accounts pay into the organisers' accounts over the period? Count only
# what came **from the operation's paying accounts** (`senders`): an organiser has a life too — wages,
# rents, friends — that is not the operation's money.
#
# Make `organiser_total` a dictionary **currency → amount in units** (not cents), for example
# `{"UAH": 250000.0, "EUR": 1200.5}`. Each organiser's bank books the payments in its own currency, so
# add them per currency, from the organisers' side (`amount_cents > 0`). Hints: start from
# `s[s["acct"].isin(organisers) & s["cp"].isin(senders) & (s["amount_cents"] > 0)]`, then
# `.groupby("currency")["amount_cents"].sum()`, divide by 100 and `.to_dict()`. You should see one or two
# currencies and the total in euros at the brief's rates.

# %% nbgrader={"grade": false, "grade_id": "q2-total-solution", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
to_top = s[s["acct"].isin(organisers) & s["cp"].isin(senders) & (s["amount_cents"] > 0)]
organiser_total = (to_top.groupby("currency")["amount_cents"].sum() / 100).round(2).to_dict()
### END SOLUTION
print(organiser_total)
print(f"In euros at the brief's rates: {sum(v * EUR_PER_UNIT[c] for c, v in organiser_total.items()):,.2f}")

# %% nbgrader={"grade": true, "grade_id": "q2-organiser-total", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from graders.lab.selfcheck import check

check("07-following-the-money/organiser-total", organiser_total)
### BEGIN HIDDEN TESTS
from graders.grading.hidden import hidden_check

hidden_check("07-following-the-money", "q2-organiser-total", organiser_total)
### END HIDDEN TESTS

# %% [markdown]
# ## Step 8 — Typologies, row by row
#
# The brief lists statement rows (`T01`, `T02`, …) as the institutions print them: some are the
# operations' money, some are honest customers' look-alikes. The cell finds each row in the table and
# lays out the facts you need: whose account it is (`flagged`, `funnel`, `front`), who is on the other
# side (`to_organiser`, `to_recruiter`, `cp_flagged`), what it is (`cash`, `kind`, a fee-like note,
# a rent), and whether it happened in a city of a stay (`on_circuit`). You should see one line per row.
#
# The labels you may use (`brief["typology_labels"]`):
#
# | label | the row is … |
# |---|---|
# | `structuring` | a cash deposit of 9,000–9,999 (just under the 10,000 line) into an operation's account |
# | `funnel_account` | cash in or out of a funnel account (not just under the line) |
# | `prepaid_cards` | cash loaded onto a prepaid card (institution `loadup`) of the operation |
# | `no_payroll` | the front taking cash out (a cash-rich business that pays no wages) |
# | `wire_to_origin` | a payment to an organiser abroad |
# | `fan_in` | a funnel account passing money on to another operation account |
# | `recruitment_fees` | a fee-like payment to a recruiter or the front |
# | `lodging_one_payer` | a hotel (or the front paying one house's rent) |
# | `transport_one_payer` | a ticket or a taxi away from home (any ticket of the front) |
# | `living_costs_one_payer` | food or shops away from home, or on the circuit for a payer |
# | `ad_fees` | a fee to QuickAds or Companions |
# | `benign` | anything of an account that is not the operations' (and nothing above fits) |

# %% nbgrader={"grade": false, "grade_id": "question-rows", "locked": true, "schema_version": 3, "solution": false, "task": false}
flagged_set = set(front | controllers_used | collectors | funnels | payers | organisers | recruiters)
questions = pd.DataFrame(brief["typology_questions"])
facts = []
for q in brief["typology_questions"]:
    cents = round(float(q["amount"]) * 100)
    hit = s[(s["institution"] == q["institution"]) & (s["acct"] == canonical_account(q["account"]))
            & (s["day"] == pd.Timestamp(q["date"])) & (s["amount_cents"] == cents)]
    row = hit.iloc[0] if len(hit) else None
    if row is None:
        facts.append({"id": q["id"], "found": False})
        continue
    facts.append({
        "id": q["id"], "found": True, "institution": row["institution"], "amount_cents": int(row["amount_cents"]),
        "flagged": row["acct"] in flagged_set, "cp_flagged": row["cp"] in flagged_set,
        "funnel": row["acct"] in funnels, "front": row["acct"] in front, "payer": row["acct"] in payers,
        "to_organiser": row["cp"] in organisers and row["amount_cents"] < 0,
        "to_recruiter": row["cp"] in (recruiters | front) and bool(re.search(FEE_WORDS, str(row["description"]), re.I)),
        "rent": "RENT" in str(row["description"]).upper(), "cash": row["cash"], "kind": row["kind"],
        "city": row["mcity"], "home": row["home"], "on_circuit": (row["mcity"], row["day"]) in during,
    })
facts = pd.DataFrame(facts).set_index("id")
facts.join(questions.set_index("id")[["counterparty", "description"]])


# %% [markdown]
# ### Your turn — Question 3 (3 points): label each row
#
# Write `label_row(f)`: it receives one row of `facts` and returns its label. Decide **in this order**
# (the first rule that fits wins):
#
# 1. not found, or neither the account nor the other side is flagged → `"benign"`;
# 2. a cash deposit (`f["cash"] == "in"`): at `loadup` → `"prepaid_cards"`; 900,000–999,999 cents →
#    `"structuring"`; at a funnel → `"funnel_account"`; otherwise `"benign"`;
# 3. cash out (`"out"`): the front → `"no_payroll"`; a funnel → `"funnel_account"`; otherwise `"benign"`;
# 4. `to_organiser` → `"wire_to_origin"`; a funnel paying a flagged account (`amount_cents < 0` and
#    `cp_flagged`) → `"fan_in"`; `to_recruiter` → `"recruitment_fees"`;
# 5. the front: a rent → `"lodging_one_payer"`, a ticket → `"transport_one_payer"`;
# 6. by `kind`: `ad_site` → `"ad_fees"`; `hotel` → `"lodging_one_payer"`; `ride` or `ticket` whose
#    `city` is not the payer's `home` (a ticket names no city: it counts) → `"transport_one_payer"`;
#    `living` in a city (not empty) other than `home`, or by a `payer` `on_circuit` →
#    `"living_costs_one_payer"`;
# 7. anything else → `"benign"`.
#
# Then `typology_labels` is a dictionary id → label. Hints: `if …: return …` line after line; the cell
# builds the dictionary for you. You should see how many rows got each label.

# %% nbgrader={"grade": false, "grade_id": "q3-labels-solution", "locked": false, "schema_version": 3, "solution": true, "task": false}
def label_row(f):
    ### BEGIN SOLUTION
    if not f["found"] or not (f["flagged"] or f["cp_flagged"]):
        return "benign"
    if f["cash"] == "in":
        if f["institution"] == "loadup":
            return "prepaid_cards"
        if 900_000 <= abs(f["amount_cents"]) < 1_000_000:
            return "structuring"
        return "funnel_account" if f["funnel"] else "benign"
    if f["cash"] == "out":
        return "no_payroll" if f["front"] else "funnel_account" if f["funnel"] else "benign"
    if f["to_organiser"]:
        return "wire_to_origin"
    if f["funnel"] and f["amount_cents"] < 0 and f["cp_flagged"]:
        return "fan_in"
    if f["to_recruiter"]:
        return "recruitment_fees"
    if f["front"] and f["rent"]:
        return "lodging_one_payer"
    if f["front"] and f["kind"] == "ticket":
        return "transport_one_payer"
    if f["kind"] == "ad_site":
        return "ad_fees"
    if f["kind"] == "hotel":
        return "lodging_one_payer"
    if f["kind"] in ("ride", "ticket") and f["city"] != f["home"]:
        return "transport_one_payer"
    if f["kind"] == "living" and (f["city"] not in ("", f["home"]) or (f["payer"] and f["on_circuit"])):
        return "living_costs_one_payer"
    return "benign"
    ### END SOLUTION


typology_labels = {}
try:
    typology_labels = {qid: label_row(f) for qid, f in facts.iterrows()}
except NotImplementedError:
    print("label_row is not written yet: no labels.")
pd.Series(typology_labels, dtype=object).value_counts()

# %% nbgrader={"grade": true, "grade_id": "q3-typology-labels", "locked": true, "points": 3, "schema_version": 3, "solution": false, "task": false}
from graders.lab.selfcheck import check

check("07-following-the-money/typology-labels", typology_labels)
### BEGIN HIDDEN TESTS
from graders.grading.hidden import hidden_check

hidden_check("07-following-the-money", "q3-typology-labels", typology_labels)
### END HIDDEN TESTS

# %% [markdown]
# ### Question 4 (3 points) — explain one typology
#
# Pick **one** typology you met today (a funnel account, one payer for the circuit, structuring, wires to
# the organiser's country, or recruitment fees). In **8 to 12 sentences**, for a prosecutor who has
# never read a bank statement:
#
# **(a)** What the pattern is, and why a trafficking operation produces it — with one example from your
# results (an account, the dates, the cities or amounts; no names are needed).
#
# **(b)** Which honest customers look like it, and which cue **in combination** told them apart. What
# would it cost to flag them?
#
# **(c)** What you would do next, and what you would **not** do — think of the women whose names are on
# funnel accounts and of the recruits who paid fees.

# %% [markdown] nbgrader={"grade": true, "grade_id": "q4-typology", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# ### BEGIN SOLUTION
# **(a)** A funnel account receives cash in one place and is emptied quickly somewhere else. The women
# on the circuit are paid in cash; someone pays it in at a branch in the city where they are advertised
# that week, into an account opened in a woman's or a mule's name, and within two days most of it leaves
# again — as cash in another circuit city or by transfer to the controller. In my results one account
# received a cash deposit in Manchester and, two days later, sent 86 % of it to a controller's app
# account; its other deposits followed the women's stays from city to city.
#
# **(b)** Shopkeepers and market traders bank cash every few days, sometimes just under 10,000 by chance,
# and would be flagged by a threshold rule. What separates them is the combination: the cash leaves within
# two days, almost in full, in another city or to an account that collects from several others — a
# shopkeeper spends slowly, at home, on rent and stock. Flagging them would freeze honest livelihoods,
# waste the team's time and bury the real accounts among hundreds of false ones.
#
# **(c)** Next I would ask the banks for the account-opening documents and branch CCTV of the deposits,
# and trace the collectors' onward payments to the organiser. I would not treat the women in whose names
# the funnel accounts were opened as suspects: they are likely victims whose identities were used, and
# any approach is planned with victim-support services. The recruits who paid fees are possible victims
# of deceptive recruitment; their records are evidence, never a list of suspects, and nobody is
# contacted or exposed before that is planned.
# ### END SOLUTION

# %% [markdown]
# ## Step 9 — Coins: from the address in the posts to the exchange (not graded)
#
# Recruits who could not pay by bank paid their fees in **LabCoin**, the lab's cryptocurrency, to the
# address printed in the front's posts (you found it in Step 4). LabCoin's ledger is public: the block
# explorer of the training internet (`/explorer/`) shows every transaction, with the addresses it spends
# from and pays to. Two ideas from research on Bitcoin (Meiklejohn et al., 2013) help you read it:
#
# - **Common-input heuristic.** To spend coins held at several addresses in one transaction, you need
#   the keys of all of them: addresses **spent together** belong to the same wallet.
# - **Peel chain.** Launderers move a large amount through a line of transactions. Each one "peels off"
#   a small payment and sends the rest on to a fresh address (FATF/APG 2018, layering).
#
# The cell starts the training internet (a few seconds). For each address in the posts it lists the
# payments the address received: each one is a recruit's fee. Then it follows the money **forward**:
#
# 1. the transaction that spent the fees;
# 2. from each transaction, the larger output that was spent next;
# 3. until the coins reach an address that the exchange Coinbridge gave one of its customers. Coinbridge's
#    production (`customers.csv`) lists those deposit addresses.
#
# You should see the fees, the transaction that spent them (together with the posts' other address, if
# there is one: one wallet), the peel steps, and the Coinbridge customer at the end. Compare that name with
# the organisers you found in Q1. If this world's posts print no address, the cell says so.

# %% nbgrader={"grade": false, "grade_id": "peel-chain", "locked": true, "schema_version": 3, "solution": false, "task": false}
import time
from urllib.robotparser import RobotFileParser

import requests

from synth.web.launch import ensure_fake_internet

BASE = ensure_fake_internet()
USER_AGENT = "OSINT-Lab-trainee"
robots = RobotFileParser()
robots.parse(requests.get(BASE + "/robots.txt", timeout=30).text.splitlines())
rate = robots.request_rate(USER_AGENT)
DELAY = rate.seconds / rate.requests if rate else 1.0
collection_log = []


def explorer_api(path):
    # One answer of the explorer's API, politely (robots.txt pace, 429 honoured), logged.
    url = f"{BASE}/explorer/api/{path}"
    for _ in range(6):
        time.sleep(DELAY)
        response = requests.get(url, headers={"User-Agent": USER_AGENT}, timeout=30)
        collection_log.append({"fetched_at_utc": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                               "url": url, "status": response.status_code,
                               "sha256": hashlib.sha256(response.content).hexdigest()})
        if response.status_code == 200:
            return response.json()
        if response.status_code != 429:
            message = response.json().get("error", "") if "json" in response.headers.get("Content-Type", "") else ""
            raise RuntimeError(f"The explorer answered {response.status_code} for {url}. {message} "
                               "Check that the address or transaction id is copied exactly, then run the cell again.")
        time.sleep(int(response.headers.get("Retry-After", "2")))
    raise RuntimeError("The explorer kept asking to slow down (429). Wait a minute, then run the cell again.")


def eur(sats, tx):
    # The euro value of `sats` at the day's price the explorer gives with each transaction.
    return sats / 1e8 * tx["price_eur_cents"] / 100


exchange_customers, exchange_ledger = load_exchange()
customer_of = {}                                  # deposit address -> the Coinbridge customer it belongs to
for _, row in exchange_customers.fillna("").iterrows():
    for address in str(row["Deposit address"]).split(";"):
        if address.strip():
            customer_of[address.strip().lower()] = row

fees, steps, walked, reached = [], [], set(), {}
for address in sorted(fee_addresses):
    history = explorer_api(f"address/{address}/txs?per_page=100")["items"]
    for tx in sorted(history, key=lambda t: t["time"]):
        if tx["balance_change"] > 0:
            payer = tx["vin"][0]["prevout"]["scriptpubkey_address"]
            fees.append({"to": address[:12] + "…", "time": tx["time"], "from": payer[:12] + "…",
                         "EUR": round(eur(tx["balance_change"], tx))})
            continue
        while tx is not None and tx["txid"] not in walked:   # forward: the fees spent, then the peel
            walked.add(tx["txid"])
            spent = {i["prevout"]["scriptpubkey_address"] for i in tx["vin"]}
            steps.append({"time": tx["time"], "txid": tx["txid"][:16] + "…",
                          "spends": f"{len(tx['vin'])} output(s) of {len(spent)} address(es)"
                                    + (" - both posted addresses" if len(spent & fee_addresses) > 1 else ""),
                          "pays": "; ".join(f"{o['scriptpubkey_address'][:12]}… {eur(o['value'], tx):.0f} EUR "
                                            f"{(o['label'] or {}).get('name', '')}".strip() for o in tx["vout"])})
            end = next((o["scriptpubkey_address"] for o in tx["vout"] if o["scriptpubkey_address"] in customer_of),
                       None)
            if end:
                reached[end] = customer_of[end]
                break
            onward = [o for o in tx["vout"] if o["spent_by"] and not o["label"]]
            nxt = max(onward, key=lambda o: o["value"], default=None)
            tx = explorer_api(f"tx/{nxt['spent_by']['txid']}") if nxt else None

if not fee_addresses:
    print("This world's posts print no LabCoin address: the recruits paid by bank or app.")
print(f"{len(fees)} payment(s) into the posted address(es): one recruit each")
print(pd.DataFrame(fees).to_string(index=False) if fees else "")
organiser_names = set(customers.loc[customers["acct"].isin(organisers), "name"].map(fold))
for address, customer in reached.items():
    print(f"\nThe coins reached {address[:12]}…, the deposit address of Coinbridge customer "
          f"{customer['Customer ref']}: {customer['Full name']} (bank accounts: {customer['Linked bank accounts']}).")
    print("One of the organisers you found in Q1:", fold(customer["Full name"]) in organiser_names)
pd.set_option("display.max_colwidth", 120)     # show the "pays" column whole
peel = pd.DataFrame(steps)
peel

# %% [markdown]
# **Reading the chain.**
#
# - **The fees.** Each fee came from a different address: one recruit each, a few hundred euros. The
#   recruits are possible victims, not suspects.
# - **The wallet.** The transaction that spent the fees is the recruiter's. A wallet that spends coins
#   from several addresses at once holds the keys to all of them. So when the posts of two countries
#   print two addresses and one transaction spends both, one person is behind both campaigns.
# - **The peel steps.** Each step pays a small amount away (sometimes to a labelled address: the
#   NightBazaar market) and sends the rest to a fresh address of the same wallet.
# - **The exchange.** The last step pays the deposit address of a Coinbridge customer. The exchange's
#   production names that customer and the bank accounts it paid euros out to.
#
# Open any transaction in your browser (`/explorer/tx/<txid>`) to see the same on the explorer's pages.

# %% [markdown]
# ## Your analysis and collection log
#
# Everything you read is in `analysis_log` (the production files, with their size and a SHA-256
# fingerprint) and everything you fetched from the explorer in `collection_log`. Together they record
# how the evidence was handled: another analyst can check that the files you worked on are the ones the
# institutions sent. You should see one line per file, then the explorer requests.

# %% nbgrader={"grade": false, "grade_id": "logs", "locked": true, "schema_version": 3, "solution": false, "task": false}
log = pd.DataFrame(analysis_log).drop_duplicates("file")
print(f"{len(log)} production files read; {len(collection_log)} explorer requests")
log[["file", "bytes", "sha256"]]

# %% [markdown]
# ## Going further (not graded)
#
# 1. **The victims' side.** List the accounts in the women's names among the funnels (the KYC names
#    match the names on the ads of module 03). How would you hand this to victim support without
#    exposing them?
# 2. **Structuring by the month.** Plot the funnel accounts' cash deposits by day
#    (`matplotlib`, if installed): do they follow the stays of Step 4?
# 3. **Prepaid cards.** Read LoadUp's card transactions of the controllers' cards: where are they loaded,
#    and what do they pay?
# 4. **Wallet clusters.** Follow the common-input heuristic forward: which other addresses did the
#    recruiter's wallet spend together, and where did the other peels go?
# 5. **Handles on the web.** Search Seekr (`/search/`) for one of the ring's booking handles, in any
#    form (`~Lux.Booking.3`, `zapply.example/~lux.booking.3`): every ad that asks for a deposit to it, on
#    both sites. Then search one of the honest advertisers' handles: what is different?
# 6. **Large data.** `osintlab generate --preset large` writes ten million transactions as Parquet:
#    try the funnel rule with DuckDB on it, and compare the time with pandas.
# 7. **Save your evidence.** Save `flagged_accounts`, `organiser_total`, `log` and `collection_log` to
#    files and record their SHA-256 fingerprints in your notes.
