/**
 * Realistic sample data for a new sales workbook: reps, monthly targets, a price list,
 * competitors, leads and deals over the 24 months up to a given date, with a growth trend and
 * seasonality (summer dip, strong Q4 and quarter-end months).
 *
 * Pure and deterministic: the same options always give the same records (a seeded PRNG, no
 * clock). Every record is marked so that removal can never touch a user's row: its key (Lead ID,
 * Deal ID, SKU, Competitor, Owner) starts with {@link SAMPLE_PREFIX}, and its Notes or Next Step
 * starts with {@link SAMPLE_MARKER}.
 */
import { sampleHistory } from "../history/sampleHistory";
import { HistoryRow } from "../history/snapshot";
import { fromSerial, toSerial } from "../dates";
import { openDealCategory } from "./openCategory";

/** Prefix of the key of every sample record; removal deletes rows whose key starts with it. */
export const SAMPLE_PREFIX = "SAMPLE-";

/** Start of the Notes / Next Step text of every sample record, for people reading the sheet. */
export const SAMPLE_MARKER = "[Sample]";

/**
 * True for a key written by the sample generator (exact, case-sensitive prefix so a user's
 * "Sample-42" is never mistaken for ours).
 *
 * @param key a cell of a key column
 * @returns whether the row is sample data
 * @example
 * isSampleKey("SAMPLE-D-0001"); // true
 * isSampleKey("D-0001"); // false
 */
export function isSampleKey(key: unknown): boolean {
  return typeof key === "string" && key.startsWith(SAMPLE_PREFIX);
}

/** A stage of the pipeline the deals move through (a Stages table row). */
export interface SampleStage {
  readonly stage: string;
  readonly probability: number;
  readonly forecastCategory: string;
  readonly isWon: boolean;
  readonly isLost: boolean;
}

/** Options of {@link generateSampleData}. */
export interface SampleOptions {
  /** The last day of the data (an Excel serial date); the data covers the 24 months up to it. */
  readonly asOf: number;
  /** The pipeline (open stages in order, at least one won and one lost stage). */
  readonly stages: readonly SampleStage[];
  /** ISO currency code written on deals and prices. */
  readonly currency?: string;
  /** PRNG seed; the default gives the documented data set. */
  readonly seed?: number;
  /** Number of leads over the 24 months (default 520). */
  readonly leads?: number;
}

/** A sales rep (Owners table). */
export interface SampleOwner {
  readonly owner: string;
  readonly team: string;
}

/** A monthly quota (Targets table). */
export interface SampleTarget {
  /** First day of the month (serial). */
  readonly month: number;
  readonly owner: string;
  readonly target: number;
}

/** A price list entry (Pricing table). */
export interface SamplePrice {
  readonly sku: string;
  readonly product: string;
  readonly category: string;
  readonly listPrice: number;
  readonly unitCost: number;
  readonly minimumPrice: number;
  readonly currency: string;
  readonly effectiveFrom: number;
  readonly notes: string;
}

/** A competitor (Competitors table). */
export interface SampleCompetitor {
  readonly competitor: string;
  readonly segment: string;
  readonly pricePosition: string;
  readonly strengths: string;
  readonly weaknesses: string;
  readonly threatLevel: string;
  readonly lastMoveDate: number;
  readonly lastMove: string;
}

/** A lead (Leads table). Dates are serials; null means blank. */
export interface SampleLead {
  readonly leadId: string;
  readonly created: number;
  readonly name: string;
  readonly company: string;
  readonly email: string;
  readonly phone: string;
  readonly source: string;
  readonly owner: string;
  readonly status: string;
  readonly firstContact: number | null;
  readonly converted: boolean;
  readonly convertedDate: number | null;
  readonly countryRegion: string;
  readonly notes: string;
}

/** A deal (Deals table). Probability is not here: the workbook derives it from the stage. */
export interface SampleDeal {
  readonly dealId: string;
  readonly dealName: string;
  readonly account: string;
  readonly owner: string;
  readonly stage: string;
  /** Net amount (quantity × list price less the discount). */
  readonly amount: number;
  readonly currency: string;
  readonly forecastCategory: string;
  readonly created: number;
  /** Open deals only. */
  readonly expectedClose: number | null;
  /** Won and lost deals only. */
  readonly closedDate: number | null;
  readonly leadSource: string;
  readonly product: string;
  readonly quantity: number;
  readonly listPrice: number;
  readonly competitor: string | null;
  readonly lastActivity: number;
  readonly lossReason: string | null;
  readonly nextStep: string;
}

/** Everything the generator makes, one list per table. */
export interface SampleData {
  readonly owners: readonly SampleOwner[];
  readonly targets: readonly SampleTarget[];
  readonly pricing: readonly SamplePrice[];
  readonly competitors: readonly SampleCompetitor[];
  readonly leads: readonly SampleLead[];
  readonly deals: readonly SampleDeal[];
  /** Four weekly snapshots of the deals ending on the as-of date (History table rows). */
  readonly history: readonly HistoryRow[];
}

/** Mulberry32: a tiny, fast, well-distributed 32-bit PRNG (Tommy Ettinger, public domain). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Rng {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  chance(p: number): boolean;
}

function rng(seed: number): Rng {
  const next = mulberry32(seed);
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    weighted: (items) => {
      const total = items.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [item, w] of items) {
        r -= w;
        if (r < 0) return item;
      }
      return items[items.length - 1][0];
    },
    chance: (p) => next() < p,
  };
}

const round2 = (x: number): number => Math.round(x * 100) / 100;
const minutes = (serial: number): number => Math.round(serial * 1440) / 1440;

/** Monthly seasonality of demand (Jan…Dec): summer dip, strong autumn and Q4. */
const SEASON = [0.9, 0.95, 1.1, 1.0, 1.0, 1.05, 0.8, 0.75, 1.05, 1.15, 1.2, 0.95];
/** Month-on-month growth of demand. */
const TREND = 0.025;

const OWNERS: readonly (readonly [string, string, number])[] = [
  // name, team, skill (base win rate)
  ["Amira Haddad", "Enterprise", 0.42],
  ["Daniel Kim", "Enterprise", 0.34],
  ["Sofia Rossi", "Mid-Market", 0.38],
  ["Omar Farouk", "Mid-Market", 0.3],
  ["Lena Vogel", "SMB", 0.27],
];

const PRODUCTS: readonly {
  readonly sku: string;
  readonly product: string;
  readonly category: string;
  readonly list: number;
  readonly cost: number;
  readonly min: number;
  readonly qty: readonly [number, number];
  readonly weight: number;
}[] = [
  {
    sku: "SKU-100",
    product: "Analytics Suite",
    category: "Software",
    list: 1200,
    cost: 240,
    min: 900,
    qty: [5, 40],
    weight: 5,
  },
  {
    sku: "SKU-110",
    product: "Analytics Suite Pro",
    category: "Software",
    list: 2400,
    cost: 420,
    min: 1800,
    qty: [5, 30],
    weight: 3,
  },
  {
    sku: "SKU-200",
    product: "Data Connector",
    category: "Add-on",
    list: 600,
    cost: 90,
    min: 450,
    qty: [1, 20],
    weight: 3,
  },
  {
    sku: "SKU-300",
    product: "Onboarding Package",
    category: "Services",
    list: 5000,
    cost: 3000,
    min: 4000,
    qty: [1, 1],
    weight: 2,
  },
  {
    sku: "SKU-310",
    product: "Premium Support",
    category: "Services",
    list: 3000,
    cost: 1200,
    min: 2400,
    qty: [1, 3],
    weight: 2,
  },
  {
    sku: "SKU-400",
    product: "Edge Appliance",
    category: "Hardware",
    list: 8000,
    cost: 5200,
    min: 7000,
    qty: [1, 4],
    weight: 1,
  },
];

const COMPETITORS: readonly {
  readonly name: string;
  readonly segment: string;
  readonly position: string;
  readonly strengths: string;
  readonly weaknesses: string;
  readonly threat: string;
  /** How much a deal's win chance drops when this competitor is in it. */
  readonly penalty: number;
  readonly weight: number;
  readonly move: string;
}[] = [
  {
    name: "Northwind Analytics",
    segment: "Enterprise",
    position: "Higher",
    strengths: "Brand, enterprise references",
    weaknesses: "Long implementations, price",
    threat: "High",
    penalty: 0.12,
    weight: 4,
    move: "Bundled support into all enterprise plans",
  },
  {
    name: "Contoso Insights",
    segment: "Mid-Market",
    position: "Similar",
    strengths: "Ease of use",
    weaknesses: "Few connectors",
    threat: "Medium",
    penalty: 0.08,
    weight: 3,
    move: "Launched a free tier",
  },
  {
    name: "Fabrikam BI",
    segment: "SMB",
    position: "Lower",
    strengths: "Price",
    weaknesses: "Support quality, scale",
    threat: "Medium",
    penalty: 0.06,
    weight: 3,
    move: "Cut list prices by 15%",
  },
  {
    name: "Tailspin Data",
    segment: "SMB",
    position: "Lower",
    strengths: "Fast onboarding",
    weaknesses: "Small team, limited roadmap",
    threat: "Low",
    penalty: 0.03,
    weight: 1,
    move: "Opened a reseller program",
  },
];

/** Lead sources with their share of leads and their lead→deal conversion rate. */
const SOURCES: readonly (readonly [string, number, number])[] = [
  ["Web", 22, 0.28],
  ["Organic Search", 16, 0.3],
  ["Paid Search", 14, 0.2],
  ["Social Media", 10, 0.15],
  ["Email", 8, 0.22],
  ["Referral", 9, 0.5],
  ["Event", 9, 0.35],
  ["Partner", 6, 0.45],
  ["Cold Call", 6, 0.12],
];

const FIRST_NAMES = [
  "Noah",
  "Maya",
  "Yusuf",
  "Hannah",
  "Leo",
  "Fatima",
  "Ethan",
  "Chloe",
  "Karim",
  "Priya",
  "Lucas",
  "Aisha",
  "Mateo",
  "Grace",
  "Rami",
  "Julia",
  "Tariq",
  "Emma",
  "Hugo",
  "Layla",
];
const LAST_NAMES = [
  "Nasser",
  "Brown",
  "Okafor",
  "Silva",
  "Chen",
  "Mansour",
  "Novak",
  "Garcia",
  "Rahman",
  "Schmidt",
  "Dubois",
  "Khalil",
  "Tanaka",
  "Walsh",
  "Ibrahim",
  "Costa",
];
const COMPANY_HEADS = [
  "Blue Harbor",
  "Cedar",
  "Falcon",
  "Granite",
  "Horizon",
  "Juniper",
  "Lumen",
  "Meridian",
  "Oasis",
  "Pioneer",
  "Quartz",
  "Summit",
  "Trident",
  "Vertex",
  "Willow",
  "Zenith",
  "Atlas",
  "Dune",
  "Harbor Point",
  "Nile",
];
const COMPANY_TAILS = ["Logistics", "Foods", "Health", "Retail", "Energy", "Labs", "Bank", "Group"];
const COUNTRIES: readonly (readonly [string, number])[] = [
  ["United States", 30],
  ["United Arab Emirates", 14],
  ["Saudi Arabia", 14],
  ["United Kingdom", 12],
  ["Germany", 10],
  ["Egypt", 8],
  ["France", 6],
  ["Canada", 6],
];
const LOSS_REASONS = ["Price", "No decision", "Timing", "Missing features", "Chose to build"];
const NEXT_STEPS = [
  "Discovery call",
  "Qualify budget and timeline",
  "Demo to the team",
  "Send business case",
  "Meet the decision makers",
  "Security review",
  "Send proposal",
  "Negotiate terms",
];

/**
 * Generates the sample data set.
 *
 * @param options the end date, the pipeline, currency and seed
 * @returns owners, targets, pricing, competitors, leads and deals (a few hundred each of leads
 *   and deals), identical for identical options
 * @example
 * const data = generateSampleData({ asOf: 46022, stages: stagePreset("salesforce") });
 * data.deals[0].dealId; // "SAMPLE-D-0001"
 */
export function generateSampleData(options: SampleOptions): SampleData {
  const r = rng(options.seed ?? 20240601);
  const currency = options.currency ?? "USD";
  const asOf = Math.floor(options.asOf);
  const openStages = options.stages.filter((s) => !s.isWon && !s.isLost);
  const wonStage = options.stages.find((s) => s.isWon);
  const lostStage = options.stages.find((s) => s.isLost);
  if (!wonStage || !lostStage || openStages.length === 0) {
    throw new Error("sample data needs a pipeline with open, won and lost stages");
  }
  // Open deals' forecast categories draw from their own stream, so the rest of the data is the
  // same with or without them.
  const categoryDraw = mulberry32((options.seed ?? 20240601) + 7919);
  const stagesMapCategories = openStages.some((s) => s.forecastCategory !== "Pipeline");

  const end = fromSerial(asOf);
  const months: { start: number; end: number; month: number; index: number }[] = [];
  for (let i = 0; i < 24; i++) {
    const offset = end.month - 1 - (23 - i);
    const year = end.year + Math.floor(offset / 12);
    const month = (((offset % 12) + 12) % 12) + 1;
    const start = toSerial(year, month, 1);
    const next = month === 12 ? toSerial(year + 1, 1, 1) : toSerial(year, month + 1, 1);
    months.push({ start, end: Math.min(next, asOf + 1), month, index: i });
  }
  const windowStart = months[0].start;

  const owners: SampleOwner[] = OWNERS.map(([name, team]) => ({
    owner: SAMPLE_PREFIX + name,
    team,
  }));
  const skill = new Map(OWNERS.map(([name, , s]) => [SAMPLE_PREFIX + name, s]));

  const pricing: SamplePrice[] = PRODUCTS.map((p) => ({
    sku: SAMPLE_PREFIX + p.sku,
    product: p.product,
    category: p.category,
    listPrice: p.list,
    unitCost: p.cost,
    minimumPrice: p.min,
    currency,
    effectiveFrom: windowStart,
    notes: `${SAMPLE_MARKER} Sample price list`,
  }));

  const competitors: SampleCompetitor[] = COMPETITORS.map((c) => ({
    competitor: SAMPLE_PREFIX + c.name,
    segment: c.segment,
    pricePosition: c.position,
    strengths: c.strengths,
    weaknesses: c.weaknesses,
    threatLevel: c.threat,
    lastMoveDate: asOf - r.int(5, 90),
    lastMove: c.move,
  }));

  // Demand per month: trend × season, the current month pro rata of its elapsed days.
  const demand = months.map((m) => {
    const full = (m.end - m.start) / daysIn(m.start);
    return (1 + TREND) ** m.index * SEASON[m.month - 1] * full;
  });
  const totalDemand = demand.reduce((a, b) => a + b, 0);
  const leadTotal = Math.max(0, Math.round(options.leads ?? 520));

  const leads: SampleLead[] = [];
  const deals: SampleDeal[] = [];
  let dealNo = 0;

  const makeDeal = (
    account: string,
    owner: string,
    source: string,
    created: number,
    bonus: number
  ): void => {
    const p =
      PRODUCTS[
        pickIndex(
          r,
          PRODUCTS.map((x) => x.weight)
        )
      ];
    const quantity = r.int(p.qty[0], p.qty[1]);
    const competitorIndex = r.chance(0.45)
      ? pickIndex(
          r,
          COMPETITORS.map((c) => c.weight)
        )
      : -1;
    const competitor = competitorIndex >= 0 ? COMPETITORS[competitorIndex] : null;
    // Discounts deepen when a competitor is in the deal, never below the minimum price.
    const maxDiscount = 1 - p.min / p.list;
    const discount = Math.min(maxDiscount, r.next() * 0.12 + (competitor ? r.next() * 0.12 : 0));
    const amount = round2(quantity * p.list * (1 - discount));
    // Bigger deals take longer: 30–90 days base plus up to ~120 days with size.
    // and one deal in five stalls for twice as long.
    const cycle =
      Math.round(30 + r.next() * 60 + Math.min(120, Math.sqrt(amount) / 2) * r.next()) *
      (r.chance(0.2) ? 2 : 1);
    const winChance = Math.max(
      0.05,
      Math.min(0.85, (skill.get(owner) ?? 0.3) + bonus - (competitor?.penalty ?? 0))
    );
    dealNo += 1;
    // Provisional, unique key; renumbered by creation date at the end.
    const dealId = `${SAMPLE_PREFIX}D-${String(dealNo).padStart(6, "0")}`;
    const closesAt = Math.floor(created) + cycle;
    const base = {
      dealId,
      dealName: `${account} - ${p.product}`,
      account,
      owner,
      amount,
      currency,
      created: Math.floor(created),
      leadSource: source,
      product: p.product,
      quantity,
      listPrice: p.list,
      competitor: competitor ? SAMPLE_PREFIX + competitor.name : null,
    };
    if (closesAt <= asOf) {
      const isWon = r.chance(winChance);
      // Lost deals tend to die earlier than won deals close.
      const closedDate = isWon ? closesAt : Math.floor(created) + Math.round(cycle * 0.8);
      deals.push({
        ...base,
        stage: isWon ? wonStage.stage : lostStage.stage,
        forecastCategory: isWon ? wonStage.forecastCategory : lostStage.forecastCategory,
        expectedClose: null,
        closedDate,
        lastActivity: closedDate,
        lossReason: isWon
          ? null
          : competitor && r.chance(0.6)
            ? "Lost to competitor"
            : r.pick(LOSS_REASONS),
        nextStep: `${SAMPLE_MARKER} ${isWon ? "Kick-off with the customer" : "Closed"}`,
      });
      return;
    }
    const progress = (asOf - Math.floor(created)) / cycle;
    const stageIndex = Math.min(openStages.length - 1, Math.floor(progress * openStages.length));
    const stage = openStages[stageIndex];
    // A share of open deals is overdue: their expected close already passed.
    const expectedClose = r.chance(0.12) ? asOf - r.int(3, 30) : closesAt;
    const idle = r.chance(0.18) ? r.int(15, 45) : r.int(0, 10);
    const lastActivity = Math.max(Math.floor(created), asOf - idle);
    const step =
      NEXT_STEPS[Math.min(NEXT_STEPS.length - 1, Math.floor(progress * NEXT_STEPS.length))];
    deals.push({
      ...base,
      stage: stage.stage,
      forecastCategory: openDealCategory(stage, categoryDraw(), stagesMapCategories),
      expectedClose,
      closedDate: null,
      lastActivity,
      lossReason: null,
      nextStep: `${SAMPLE_MARKER} ${step}`,
    });
  };

  let leadNo = 0;
  for (const m of months) {
    const count = Math.round((leadTotal * demand[m.index]) / totalDemand);
    const days = m.end - m.start;
    const created: number[] = [];
    for (let k = 0; k < count; k++) {
      created.push(minutes(m.start + r.int(0, days - 1) + (9 + r.next() * 9) / 24));
    }
    created.sort((a, b) => a - b);
    for (const at of created) {
      leadNo += 1;
      const first = r.pick(FIRST_NAMES);
      const last = r.pick(LAST_NAMES);
      const company = `${r.pick(COMPANY_HEADS)} ${r.pick(COMPANY_TAILS)}`;
      const [source, , conversion] =
        SOURCES[
          pickIndex(
            r,
            SOURCES.map((s) => s[1])
          )
        ];
      const owner = owners[r.int(0, owners.length - 1)].owner;
      const age = asOf + 1 - at;
      // Most leads are contacted within hours; some wait days, a few are never reached.
      const contacted = r.chance(age < 2 ? 0.5 : 0.9);
      const delayHours = r.chance(0.7) ? 0.25 + r.next() * 8 : 8 + r.next() * 96;
      const firstContactAt = minutes(at + delayHours / 24);
      const firstContact = contacted && firstContactAt <= asOf + 1 ? firstContactAt : null;
      const converted = firstContact !== null && age > 7 && r.chance(conversion);
      const convertedDate = converted
        ? Math.min(asOf, Math.floor((firstContact as number) + r.int(2, 30)))
        : null;
      const status = converted
        ? "Closed - Converted"
        : firstContact === null
          ? "Open - Not Contacted"
          : age > 60 && r.chance(0.8)
            ? "Closed - Not Converted"
            : "Working - Contacted";
      const leadId = `${SAMPLE_PREFIX}L-${String(leadNo).padStart(4, "0")}`;
      leads.push({
        leadId,
        created: at,
        name: `${first} ${last}`,
        company,
        email: `${first}.${last}@${company.replace(/ /g, "").toLowerCase()}.example`.toLowerCase(),
        phone: `(555) 0${r.int(10, 99)}-${r.int(1000, 9999)}`,
        source,
        owner,
        status,
        firstContact,
        converted,
        convertedDate,
        countryRegion: r.weighted(COUNTRIES),
        notes: `${SAMPLE_MARKER} Sample lead`,
      });
      if (convertedDate !== null) {
        const bonus = source === "Referral" || source === "Partner" ? 0.08 : 0;
        makeDeal(company, owner, source, convertedDate, bonus);
      }
    }
    // Expansion deals with existing customers, which do not start as leads.
    const expansions = Math.round((170 * demand[m.index]) / totalDemand);
    for (let k = 0; k < expansions; k++) {
      const account = `${r.pick(COMPANY_HEADS)} ${r.pick(COMPANY_TAILS)}`;
      const owner = owners[r.int(0, owners.length - 1)].owner;
      makeDeal(
        account,
        owner,
        r.pick(["Referral", "Partner", "Email"]),
        m.start + r.int(0, days - 1),
        0.15
      );
    }
  }
  // Number deals in order of creation, as a CRM would have.
  deals.sort((a, b) => a.created - b.created || a.dealId.localeCompare(b.dealId));
  const numbered = deals.map((d, i) => ({
    ...d,
    dealId: `${SAMPLE_PREFIX}D-${String(i + 1).padStart(4, "0")}`,
  }));

  // Quotas: each rep's average won amount per month, grown with the trend, plus 15% stretch;
  // three months ahead too, so forecasts have a target to compare against.
  const wonByOwner = new Map<string, number>();
  for (const d of numbered) {
    if (d.closedDate !== null && d.stage === wonStage.stage) {
      wonByOwner.set(d.owner, (wonByOwner.get(d.owner) ?? 0) + d.amount);
    }
  }
  const targets: SampleTarget[] = [];
  for (let i = 0; i < 27; i++) {
    const offset = end.month - 1 - (23 - i);
    const year = end.year + Math.floor(offset / 12);
    const month = (((offset % 12) + 12) % 12) + 1;
    for (const o of owners) {
      const monthly = (wonByOwner.get(o.owner) ?? 0) / 24;
      const growth = (1 + TREND) ** (i - 11.5) * SEASON[month - 1];
      targets.push({
        month: toSerial(year, month, 1),
        owner: o.owner,
        target: Math.max(1000, Math.round((monthly * growth * 1.15) / 1000) * 1000),
      });
    }
  }

  const history = sampleHistory(numbered, options.stages, asOf);
  return { owners, targets, pricing, competitors, leads, deals: numbered, history };
}

function daysIn(monthStart: number): number {
  const { year, month } = fromSerial(monthStart);
  return (month === 12 ? toSerial(year + 1, 1, 1) : toSerial(year, month + 1, 1)) - monthStart;
}

function pickIndex(r: Rng, weights: readonly number[]): number {
  return r.weighted(weights.map((w, i) => [i, w] as const));
}
