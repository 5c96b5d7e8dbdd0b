"""The ``large`` preset's extra criminal cells: finance-only operations inside the streamed customer base.

The default world's two operations give the large ledger only ~0.01 % illicit rows (their flows are bounded
by their ads and stays). A bank that serves 330,000 more customers would hold more than one ring's money, so
``FinanceScale.extra_cells`` adds that many *cells*: small operations of the same typologies whose members
bank among the extra customers. Their ads are on sites outside the lab, so a cell's "stays" are drawn from
the lab's own circuit model (synth.build.ads.AdBuilder._circuit, synth.build.ads.spread) rather than read from QuickAds.

- A **ring cell** (sexual exploitation) has 1-2 controllers (an account in the hub's country and one at
  home), 2-3 victims each with a funnel account at a bank of a circuit country, 6-12 mules at banks of the
  circuit's countries and an organiser with two accounts in the origin country (UA, RO or PL). It is
  planted by the default ring's own planter (synth.build.finance.ring.RingPlanter): ad fees before each stay's
  first ad and paid bumps, a late-night hotel on arrival, tickets from the previous city, late rides,
  living costs, cash paid into funnel accounts in the stay's city (20 % structured just under the cash
  threshold), out within hours elsewhere or collected by the controller (fan-in), and wires under the wire
  line to the organiser's country.
- A **labour cell** has a fixer whose personal account acts as an unlicensed agency (the "front"), 8-20
  recruits in the origin country and an organiser there; it is planted by synth.build.finance.labour.LabourPlanter:
  recruitment fees a few days after the recruiter's (off-lab) ad, monthly "loan repayments" (fan-in), coach
  tickets and one house's rent for the group, cash withdrawn instead of wages, wires to the organiser.

Cells use no LabCoin (the chain is the world's): their crypto share is paid by card or wire instead.

No-leak rules, the same as the default operations' (synth.build.finance.plant): a cell's accounts are drawn at
random from the extra customers (by bank country only), their benign background is drawn by the same
economy as every other customer's, in the same windows, and each illicit row *replaces* a background row of
the same account, direction and month, within the account's benign activity span. Each cell has its own
Planter over its own accounts' rows; a row between accounts of two different cells is never replaced (it
would change the other account's degree). Account ids are assigned after one shuffle of all accounts in
synth.render.ledger, so nothing but the money says which accounts are a cell's.

The crowd's benign look-alike of the ad fees: ``crowd_ad_payers`` of the extra customers pay QuickAds for
their own classified ads (a top-ad fee per listing, now and then a bump), as the world's independent
advertisers and employers do (synth.build.finance.stages._benign_ad_fees). Without them "pays an ad site" would
single out the cells among the extra customers.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from types import SimpleNamespace

import numpy as np

from synth.build.ads import AdBuilder, spread
from synth.build.finance.background import PROFILE_CODES
from synth.build.finance.columns import COUNTRIES, RATE, block, concat, convert, local_seconds, take
from synth.build.finance.labour import LabourPlanter
from synth.build.finance.plant import Planter
from synth.build.finance.ring import RingPlanter
from synth.config import FinanceScale, Preset
from synth.vocab.institutions import CHANNEL_CODE, CURRENCIES
from synth.vocab.places import CITIES, CITY_BY_SLUG, DESTINATION_COUNTRIES
from synth.world.finance import FinAccount, Flow
from synth.world.model import Operation

ORIGINS = ("UA", "RO", "PL")
RING, LABOUR = "sexual_exploitation", "labour_exploitation"


@dataclass(frozen=True)
class OffLabAd:
    """An ad a cell posted on a site outside the lab: only when and by whom (what the planters read)."""

    ad_id: str
    posted_at: datetime
    poster: str


@dataclass
class Cell:
    """One extra operation: its members' accounts (ids of the joined account space, before the shuffle)."""

    operation: Operation
    accounts: list[FinAccount] = field(default_factory=list)
    stays: list = field(default_factory=list)  # ring: (victim, city, first, last, ads), as ring.victim_stays
    recruits: list[tuple[str, OffLabAd]] = field(default_factory=list)  # labour: (recruit, the ad he answered)

    @property
    def op(self) -> str:
        return self.operation.operation_id

    @property
    def targets(self) -> set[int]:
        return {a.account_id for a in self.accounts}


class _Picker:
    """Draws extra customers by bank country, each at most once."""

    def __init__(self, rng: random.Random, country: np.ndarray) -> None:
        self.rng = rng
        self.pools = {c: np.flatnonzero(country == COUNTRIES.index(c)) for c in COUNTRIES}
        self.taken: set[int] = set()

    def __call__(self, country: str) -> int:
        pool = self.pools[country]
        while True:
            row = int(pool[self.rng.randrange(len(pool))])
            if row not in self.taken:
                self.taken.add(row)
                return row


def choose_cells(rng: random.Random, preset: Preset, epoch: datetime, crowd, banks: list[str],
                 first_id: int) -> list[Cell]:
    """``preset.finance.extra_cells`` cells among the extra customers (``crowd``: their AccountArrays, row i =
    account id ``first_id + i``; ``banks``: each one's bank)."""
    scale = preset.finance
    pick = _Picker(rng, crowd.country)
    end = epoch + timedelta(days=preset.days)
    cells = []
    n_labour = round(scale.extra_cells * scale.labour_cells)
    kinds = [LABOUR] * n_labour + [RING] * (scale.extra_cells - n_labour)
    rng.shuffle(kinds)
    for k, kind in enumerate(kinds):
        op = f"C{k + 1:03d}"

        def account(row: int, holder: str, role: str | None, operation: str | None = op) -> FinAccount:
            return FinAccount(account_id=first_id + row, institution=banks[row], number="", holder=holder,
                              holder_name=holder, kind="personal", currency=CURRENCIES[int(crowd.currency[row])],
                              city=CITIES[int(crowd.city[row])].slug, opened_at=epoch,
                              profile=PROFILE_CODES[int(crowd.profile[row])], role=role, operation=operation)

        origin = rng.choice(ORIGINS)
        organiser = f"{op}:organiser"
        accounts = [account(pick(origin), organiser, "organiser") for _ in range(2)]
        if kind == RING:
            destinations = [c for c in CITIES if c.country in DESTINATION_COUNTRIES and c.country != origin]
            hub = rng.choice([c for c in destinations if c.weight >= 3])
            others = [c for c in destinations if c.slug != hub.slug]
            rng.shuffle(others)
            circuit = tuple([hub.slug] + [c.slug for c in others[:3]])
            countries = sorted({CITY_BY_SLUG[c].country for c in circuit})
            controllers = [f"{op}:controller{i + 1}" for i in range(rng.randint(1, 2))]
            for c in controllers:
                accounts += [account(pick(hub.country), c, "controller"), account(pick(origin), c, "controller")]
            victims = [f"{op}:victim{i + 1}" for i in range(len(controllers) * rng.randint(2, 3))]
            for v in victims:
                accounts.append(account(pick(rng.choice(countries)), v, "funnel"))
            mules = rng.randint(6, 12)
            for m in range(mules):  # every circuit country gets mules first, then any of them
                country = countries[m] if m < len(countries) else rng.choice(countries)
                accounts.append(account(pick(country), f"{op}:mule{m + 1}", "mule"))
            operation = Operation(op, RING, organiser, controllers=tuple(controllers), victims=tuple(victims),
                                  cities=circuit)
            clock = SimpleNamespace(rng=rng, epoch=epoch, end=end)  # the ads' circuit model, on this cell's stream
            stays = []
            for i, victim in enumerate(victims):
                controller = controllers[i % len(controllers)]
                for city, arrive, leave in AdBuilder._circuit(clock, circuit):
                    times = spread(rng, arrive, leave, rng.randint(*preset.ads_per_victim_stay))
                    ads = [OffLabAd(f"{op}-ad{len(stays) + 1}.{j + 1}", t, controller) for j, t in enumerate(times)]
                    stays.append((victim, city, times[0], times[-1], ads))
            cells.append(Cell(operation, accounts, stays=stays))
        else:
            work = rng.sample([c for c in DESTINATION_COUNTRIES if c != origin], 2)
            front = account(pick(work[0]), f"{op}:fixer", "front")
            cities = tuple([front.city] + [c.slug for c in CITIES if c.country in work and c.slug != front.city])
            recruiters = [f"{op}:recruiter{i + 1}" for i in range(rng.randint(1, 2))]
            accounts.append(front)
            recruits = []
            for r in range(rng.randint(8, 20)):
                person = f"{op}:recruit{r + 1}"
                accounts.append(account(pick(origin), person, None, None))
                posted = epoch + timedelta(days=rng.randint(0, max(0, preset.days - 10)), hours=rng.randint(8, 22),
                                           minutes=rng.randrange(0, 60, 5))
                recruits.append((person, OffLabAd(f"{op}-ad{r + 1}", posted, rng.choice(recruiters))))
            operation = Operation(op, LABOUR, organiser, recruiters=tuple(recruiters), front=f"{op}:fixer",
                                  cities=cities)
            cells.append(Cell(operation, accounts, recruits=recruits))
    return cells


def plant_cells(streams, nprng, cells: list[Cell], merchants: list[FinAccount], background: dict[str, np.ndarray],
                texts, epoch: datetime, days: int, first_flow: int,
                structuring: float = FinanceScale.structuring_share) -> tuple[dict[str, np.ndarray], list[Flow]]:
    """Plant every cell into the cells' own background; return the cells' final rows (kept background and
    illicit rows, flow ids from ``first_flow``) and their flows (only those with rows). ``structuring`` is
    the preset's share of ring cash pay-ins kept under the threshold.

    ``streams(name)`` gives a random.Random and ``nprng(name)`` a numpy Generator for a named stream."""
    end = epoch + timedelta(days=days)
    n = max(int(background["debit"].max(initial=0)), int(background["credit"].max(initial=0)),
            max((a.account_id for c in cells for a in c.accounts), default=0)) + 1
    owner = np.full(n + 1, -1, dtype=np.int64)  # cell index per account id; index 0 (and cash, -1 → 0): none
    for k, cell in enumerate(cells):
        owner[sorted(cell.targets)] = k
    od = owner[np.maximum(background["debit"], 0)]
    oc = owner[np.maximum(background["credit"], 0)]
    mine = np.where(od >= 0, od, oc)
    mine[(od >= 0) & (oc >= 0) & (od != oc)] = -1  # between two cells: neither may replace it
    order = np.argsort(mine, kind="stable")
    starts = np.searchsorted(mine[order], np.arange(len(cells) + 1))
    keep = np.ones(len(background["ts"]), dtype=bool)
    planted, flows, next_flow = [], [], first_flow
    for k, cell in enumerate(cells):
        rows = order[starts[k]:starts[k + 1]]
        own = take(background, rows)
        accounts = merchants + cell.accounts
        planter = Planter(streams(f"finance-large-cell-{cell.op}-plant"), accounts, own, texts, epoch, cell.targets,
                          rounding=nprng(f"finance-large-cell-{cell.op}-capacity"), strict=True)
        if cell.operation.kind == RING:
            ring = RingPlanter(streams(f"finance-large-cell-{cell.op}-ring"), planter, accounts, epoch, end,
                               structuring, operation=cell.op, crypto=False)
            ring.plant(cell.operation, cell.stays, [])
        else:
            labour = LabourPlanter(streams(f"finance-large-cell-{cell.op}-labour"), planter, accounts, epoch, end,
                                   operation=cell.op, crypto=False)
            labour.plant(cell.operation, cell.recruits)
        keep[rows[~planter.replace_background(own, nprng(f"finance-large-cell-{cell.op}-replace"))]] = False
        new = planter.ledger_rows()
        used = sorted(set(new["flow"].tolist()))
        renumber = np.full(len(planter.flows) + 1, -1, dtype=np.int64)
        for f in used:
            old = planter.flows[f - 1]
            renumber[f] = next_flow
            flows.append(Flow(next_flow, old.operation, old.typology, old.note))
            next_flow += 1
        new["flow"] = renumber[new["flow"]].astype(new["flow"].dtype)
        planted.append(new)
    return concat([take(background, np.flatnonzero(keep))] + planted), flows


def crowd_ad_fees(rng: np.random.Generator, crowd, first_id: int, share: float, site: FinAccount, days: int,
                  offs: np.ndarray, texts) -> dict[str, np.ndarray]:
    """Benign QuickAds fees of ``share`` of the extra customers: listings (a top-ad fee each, about 30 EUR)
    spread over the timeline, and now and then a bump (about 8 EUR) within two weeks of a listing."""
    n = len(crowd.ids)
    payers = np.sort(rng.choice(n, size=min(n, round(share * n)), replace=False))
    listings = np.repeat(payers, 1 + rng.poisson(1.5, len(payers)))
    day = rng.integers(0, days, len(listings))
    bumps = np.repeat(np.arange(len(listings)), rng.poisson(0.8, len(listings)))
    who = np.concatenate([listings, listings[bumps]])
    when = np.concatenate([day, np.minimum(days - 1, day[bumps] + rng.integers(1, 15, len(bumps)))])
    top = np.arange(len(who)) < len(listings)
    eur_cents = np.where(top, 3000, 800) * rng.uniform(0.9, 1.1, len(who))
    currency = crowd.currency[who]
    amount = np.round(eur_cents * 100 / RATE[currency]).astype(np.int64)
    site_cur = np.full(len(who), CURRENCIES.index(site.currency), dtype=np.int8)
    hours = np.array([0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 6, 6, 6, 6, 7, 8, 9, 9, 8, 5, 2], dtype=float)
    ts = local_seconds(rng, when, crowd.country[who], hours, offs)
    rows = block(len(who), ts=ts, channel=CHANNEL_CODE["card"], debit=crowd.ids[who], credit=site.account_id,
                 amount=amount, currency=currency, credit_amount=convert(amount, currency, site_cur),
                 credit_currency=site_cur,
                 desc=np.where(top, texts.index("QUICKADS TOP AD"), texts.index("QUICKADS BUMP")))
    return take(rows, np.flatnonzero((rows["ts"] >= 0) & (rows["ts"] < days * 86400)))
