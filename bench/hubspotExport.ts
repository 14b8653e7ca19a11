/**
 * A synthetic HubSpot "all deals" export for benchmarks and the 100,000-row import test:
 * HubSpot's headers and value formats (internal stage ids, `YYYY-MM-DD HH:MM` and
 * `M/D/YYYY h:mm AM/PM` dates, "$12,500.00" amounts), quoted company names with commas, Arabic
 * names and an occasional injected formula. Deterministic (seeded), about 150 bytes a row.
 */

const STAGES = [
  "appointmentscheduled",
  "qualifiedtobuy",
  "presentationscheduled",
  "decisionmakerboughtin",
  "contractsent",
  "closedwon",
  "closedlost",
];
const OWNERS = ["Sara Ali", "John Smith", "فاطمة الزهراء", "Li Wei", "María García"];
const COMPANIES = [
  "Acme, Inc.",
  "Globex",
  "مؤسسة النور",
  "Initech",
  "Umbrella Corp",
  "Hooli",
  "Stark Industries",
];
const HEADERS = [
  "Record ID",
  "Deal Name",
  "Deal Stage",
  "Close Date",
  "Deal owner",
  "Amount",
  "Pipeline",
  "Create Date",
  "Last Activity Date",
  "Associated Company",
  "Associated Company IDs",
  "Deal Type",
];

/** A small linear congruential generator: the same rows on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** "$1,283.20"-style text of an amount (toLocaleString is too slow for 100,000 rows). */
function thousands(amount: number): string {
  const [whole, cents] = amount.toFixed(2).split(".");
  return `${whole.replace(/\B(?=(\d{3})+$)/g, ",")}.${cents}`;
}

/**
 * Builds the export's text.
 *
 * @param rows number of deals
 * @param seed PRNG seed
 * @param firstId the first Record ID
 * @returns CSV text with a BOM and CRLF line ends, as HubSpot writes it
 * @example
 * hubspotDealsExport(3).split("\r\n")[0]; // "\ufeffRecord ID,Deal Name,…"
 */
export function hubspotDealsExport(rows: number, seed = 42, firstId = 9_000_000_001): string {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const lines: string[] = [HEADERS.join(",")];
  for (let i = 0; i < rows; i++) {
    const month = 1 + Math.floor(rnd() * 12);
    const day = 1 + Math.floor(rnd() * 28);
    const hour = Math.floor(rnd() * 24);
    const created = `2024-${pad(month)}-${pad(day)} ${pad(hour)}:${pad(Math.floor(rnd() * 60))}`;
    const closeMonth = ((month + 1) % 12) + 1;
    const h12 = hour % 12 === 0 ? 12 : hour % 12;
    const close =
      rnd() < 0.5
        ? `2025-${pad(closeMonth)}-${pad(day)} 17:00`
        : `${closeMonth}/${day}/2025 ${h12}:30 ${hour < 12 ? "AM" : "PM"}`;
    const amount = Math.round(rnd() * 5_000_000) / 100;
    const amountText = rnd() < 0.5 ? `"$${thousands(amount)}"` : String(amount);
    const company = pick(COMPANIES);
    const name =
      i % 997 === 0
        ? `"=HYPERLINK(""http://evil.example/${i}"",""open"")"`
        : `"${company.replace(/,.*/, "")} deal ${i}"`;
    lines.push(
      [
        firstId + i,
        name,
        pick(STAGES),
        close,
        pick(OWNERS),
        amountText,
        "Sales Pipeline",
        created,
        rnd() < 0.3 ? "" : `2024-${pad(month)}-${pad(day)} 12:00`,
        `"${company}"`,
        1_200_000 + Math.floor(rnd() * 9000),
        rnd() < 0.5 ? "newbusiness" : "existingbusiness",
      ].join(",")
    );
  }
  return `\ufeff${lines.join("\r\n")}\r\n`;
}
