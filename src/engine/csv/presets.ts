/**
 * What we know about the common CRM exports: the headers that identify each one, which of its
 * headers go into which of our columns, and how its coded values read (HubSpot's internal stage
 * ids, lead statuses and sources). Header names follow the vendors' default exports
 * (/work/shared/domain.md "Export columns"); matching ignores case, punctuation and spacing.
 */
import { normalizeLabel } from "../cells";
import { ImportTarget } from "./types";
import { foldArabicLetters } from "../arabicLetters";

/** The presets we ship. */
export type PresetId =
  | "hubspotDeals"
  | "hubspotContacts"
  | "salesforceOpportunities"
  | "salesforceLeads"
  | "pipedriveDeals"
  | "zohoDeals";

/**
 * Pseudo column of the Deals target: a won/lost status (Pipedrive's "Deal - Status") that sets
 * Stage to "Won" or "Lost" for closed deals and leaves Stage as the stage column says otherwise.
 */
export const WON_LOST_STATUS = "Won/Lost Status";

/** One CRM export format. */
export interface Preset {
  readonly id: PresetId;
  /** Vendor and export, in English (the task pane shows a translated name by id). */
  readonly label: string;
  readonly target: ImportTarget;
  /** Header keys (see headerKey) that identify this export. */
  readonly signature: readonly string[];
  /** Header key → our column. Several headers may feed one column (First + Last Name → Name). */
  readonly aliases: Readonly<Record<string, string>>;
  /** Our column → (normalized coded value → our value). Values not listed pass unchanged. */
  readonly values?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /**
   * The export's close date is the expected close while a deal is open and the actual close
   * once it is won or lost (HubSpot, Salesforce): closed deals get it as Closed Date too.
   */
  readonly closeDateIsActualWhenClosed?: boolean;
}

/**
 * Arabic spelled one way, on top of `foldArabicLetters` (marks, alef forms, ta marbuta, alef
 * maqsura): Persian kaf/ya as Arabic ones, and the article "ال" dropped from words of four
 * letters or more, so "المبلغ", "مبلغ" and "المَبلـغ" are one key (spellings vary between CRMs
 * and between a UI label and a hand-made export).
 */
function arabicKey(key: string): string {
  if (!/[\u0600-\u06ff]/.test(key)) return key;
  return key
    .replace(/ک/g, "ك")
    .replace(/ی/g, "ي")
    .replace(/(^| )(?:ال)(?=[\u0621-\u064a]{2})/g, "$1");
}

/**
 * The matching key of a header: lower case, any run of characters other than letters and digits
 * (in any script) becomes one space, trimmed; Arabic loses its optional marks and spelling
 * variants (see arabicKey).
 *
 * @param header a header text
 * @returns its key
 * @example
 * headerKey("Probability (%)"); // "probability"
 * headerKey("Deal - Expected close date"); // "deal expected close date"
 * headerKey("تاريخ الإغلاق"); // "تاريخ اغلاق"
 */
export function headerKey(header: string): string {
  // Marks go before the spacing rule: they are not letters, so it would split words at them.
  return arabicKey(
    foldArabicLetters(header.toLowerCase())
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim()
  );
}

function keyed<V>(
  record: Readonly<Record<string, V>>,
  key: (k: string) => string
): Record<string, V> {
  const out: Record<string, V> = {};
  for (const [k, v] of Object.entries(record)) out[key(k)] = v;
  return out;
}

function aliases(record: Readonly<Record<string, string>>): Record<string, string> {
  return keyed(record, headerKey);
}

function valueMap(record: Readonly<Record<string, string>>): Record<string, string> {
  return keyed(record, normalizeLabel);
}

/** HubSpot's default deal pipeline: internal stage id → label. */
export const HUBSPOT_DEAL_STAGES: Readonly<Record<string, string>> = {
  appointmentscheduled: "Appointment Scheduled",
  qualifiedtobuy: "Qualified To Buy",
  presentationscheduled: "Presentation Scheduled",
  decisionmakerboughtin: "Decision Maker Bought-In",
  contractsent: "Contract Sent",
  closedwon: "Closed Won",
  closedlost: "Closed Lost",
};

const HUBSPOT_LEAD_STATUS = valueMap({
  NEW: "Open - Not Contacted",
  OPEN: "Open - Not Contacted",
  IN_PROGRESS: "Working - Contacted",
  ATTEMPTED_TO_CONTACT: "Working - Contacted",
  CONNECTED: "Working - Contacted",
  OPEN_DEAL: "Closed - Converted",
  UNQUALIFIED: "Closed - Not Converted",
  BAD_TIMING: "Closed - Not Converted",
});

const HUBSPOT_SOURCES = valueMap({
  ORGANIC_SEARCH: "Organic Search",
  PAID_SEARCH: "Paid Search",
  SOCIAL_MEDIA: "Social Media",
  PAID_SOCIAL: "Social Media",
  EMAIL_MARKETING: "Email",
  REFERRALS: "Referral",
  DIRECT_TRAFFIC: "Web",
  OTHER_CAMPAIGNS: "Other",
  OFFLINE: "Other",
  AI_REFERRALS: "Referral",
});

// Lifecycle stages past "salesqualifiedlead" mean the lead became a deal.
const HUBSPOT_LIFECYCLE_CONVERTED = valueMap({
  subscriber: "FALSE",
  lead: "FALSE",
  marketingqualifiedlead: "FALSE",
  salesqualifiedlead: "FALSE",
  opportunity: "TRUE",
  customer: "TRUE",
  evangelist: "TRUE",
  other: "FALSE",
});

const SALESFORCE_SOURCES = valueMap({
  "Partner Referral": "Partner",
  "Employee Referral": "Referral",
  "External Referral": "Referral",
  "Trade Show": "Event",
  Seminar: "Event",
  "Seminar - Internal": "Event",
  "Seminar - Partner": "Partner",
  "Purchased List": "Other",
  "Phone Inquiry": "Cold Call",
});

/** Every preset, most specific first (detection prefers the earlier on a tie). */
export const PRESETS: readonly Preset[] = [
  {
    id: "hubspotDeals",
    label: "HubSpot deals",
    target: "Deals",
    signature: ["record id", "deal name", "deal stage", "pipeline", "deal owner", "close date"].map(
      headerKey
    ),
    aliases: aliases({
      "Record ID": "Deal ID",
      "Deal ID": "Deal ID",
      "Deal Name": "Deal Name",
      "Deal Stage": "Stage",
      "Close Date": "Expected Close",
      "Deal owner": "Owner",
      Amount: "Amount",
      "Deal currency code": "Currency",
      Currency: "Currency",
      "Create Date": "Created",
      "Last Activity Date": "Last Activity",
      "Associated Company": "Account",
      "Forecast category": "Forecast Category",
      "Closed lost reason": "Loss Reason",
      "Next step": "Next Step",
      "Original Source Type": "Lead Source",
      "Original Traffic Source": "Lead Source",
    }),
    values: {
      Stage: valueMap(HUBSPOT_DEAL_STAGES),
      "Lead Source": HUBSPOT_SOURCES,
      "Forecast Category": valueMap({
        BEST_CASE: "Best Case",
        COMMIT: "Commit",
        PIPELINE: "Pipeline",
        CLOSED: "Closed",
        OMIT: "Omitted",
      }),
    },
    closeDateIsActualWhenClosed: true,
  },
  {
    id: "hubspotContacts",
    label: "HubSpot contacts",
    target: "Leads",
    signature: [
      "record id",
      "first name",
      "last name",
      "lifecycle stage",
      "contact owner",
      "lead status",
    ].map(headerKey),
    aliases: aliases({
      "Record ID": "Lead ID",
      "Contact ID": "Lead ID",
      "First Name": "Name",
      "Last Name": "Name",
      Email: "Email",
      "Phone Number": "Phone",
      "Mobile Phone Number": "Phone",
      "Contact owner": "Owner",
      "Lead Status": "Status",
      "Lifecycle Stage": "Converted",
      "Create Date": "Created",
      "Original Source": "Source",
      "Associated Company": "Company",
      "Company Name": "Company",
      "Country/Region": "Country/Region",
      "Became an Opportunity Date": "Converted Date",
    }),
    values: {
      Status: HUBSPOT_LEAD_STATUS,
      Source: HUBSPOT_SOURCES,
      Converted: HUBSPOT_LIFECYCLE_CONVERTED,
    },
  },
  {
    id: "salesforceOpportunities",
    label: "Salesforce opportunities",
    target: "Deals",
    signature: [
      "opportunity owner",
      "opportunity name",
      "account name",
      "stage",
      "forecast category",
      "probability",
    ].map(headerKey),
    aliases: aliases({
      "Opportunity ID": "Deal ID",
      "Opportunity ID (18)": "Deal ID",
      "Opportunity Owner": "Owner",
      "Account Name": "Account",
      "Opportunity Name": "Deal Name",
      Stage: "Stage",
      Amount: "Amount",
      "Opportunity Currency": "Currency",
      "Probability (%)": "Probability",
      "Close Date": "Expected Close",
      "Created Date": "Created",
      "Next Step": "Next Step",
      "Lead Source": "Lead Source",
      "Forecast Category": "Forecast Category",
      // Not a standard field, but the usual custom one (Loss_Reason__c) in Salesforce orgs.
      "Loss Reason": "Loss Reason",
      "Last Activity": "Last Activity",
      "Product Name": "Product",
      Quantity: "Quantity",
      "List Price": "List Price",
    }),
    values: { "Lead Source": SALESFORCE_SOURCES },
    closeDateIsActualWhenClosed: true,
  },
  {
    id: "salesforceLeads",
    label: "Salesforce leads",
    target: "Leads",
    signature: [
      "lead owner",
      "lead status",
      "company account",
      "first name",
      "last name",
      "lead source",
      "rating",
    ].map(headerKey),
    aliases: aliases({
      "Lead ID": "Lead ID",
      "Lead ID (18)": "Lead ID",
      "Lead Owner": "Owner",
      "First Name": "Name",
      "Last Name": "Name",
      "Company / Account": "Company",
      Company: "Company",
      "Lead Source": "Source",
      "Lead Status": "Status",
      Email: "Email",
      Phone: "Phone",
      Mobile: "Phone",
      "Create Date": "Created",
      "Created Date": "Created",
      Converted: "Converted",
      "Converted Date": "Converted Date",
      Country: "Country/Region",
    }),
    values: { Source: SALESFORCE_SOURCES },
  },
  {
    id: "pipedriveDeals",
    label: "Pipedrive deals",
    target: "Deals",
    signature: [
      "Deal - Title",
      "Deal - Value",
      "Deal - Stage",
      "Deal - Status",
      "Deal - Owner",
    ].map(headerKey),
    aliases: aliases({
      "Deal - ID": "Deal ID",
      "Deal - Title": "Deal Name",
      "Deal - Value": "Amount",
      "Deal - Currency": "Currency",
      // Pipedrive names a monetary field's currency "Currency of <field>" in its exports.
      "Deal - Currency of Value": "Currency",
      "Deal - Organization": "Account",
      "Deal - Owner": "Owner",
      "Deal - Stage": "Stage",
      "Deal - Status": WON_LOST_STATUS,
      "Deal - Probability": "Probability",
      "Deal - Expected close date": "Expected Close",
      "Deal - Deal created": "Created",
      "Deal - Won time": "Closed Date",
      "Deal - Lost time": "Closed Date",
      "Deal - Lost reason": "Loss Reason",
      "Deal - Last activity date": "Last Activity",
      "Deal - Source origin": "Lead Source",
    }),
  },
  {
    // Zoho CRM's Deals export. Its Record Id, Deal Name and Deal Owner are half of HubSpot's
    // signature, so without this preset a Zoho file was taken for a HubSpot one.
    id: "zohoDeals",
    label: "Zoho CRM deals",
    target: "Deals",
    signature: [
      "record id",
      "deal name",
      "deal owner",
      "account name",
      "stage",
      "amount",
      "closing date",
    ].map(headerKey),
    aliases: aliases({
      "Record Id": "Deal ID",
      "Deal Name": "Deal Name",
      "Deal Owner": "Owner",
      "Account Name": "Account",
      Stage: "Stage",
      Amount: "Amount",
      Currency: "Currency",
      "Closing Date": "Expected Close",
      "Probability (%)": "Probability",
      "Created Time": "Created",
      "Lead Source": "Lead Source",
      "Last Activity Time": "Last Activity",
      "Reason For Loss": "Loss Reason",
      "Next Step": "Next Step",
    }),
    // Zoho's export has no column for the day a deal closed: a closed deal's Closing Date is
    // taken as that day, as the HubSpot preset did when it caught these files.
    closeDateIsActualWhenClosed: true,
  },
];

/**
 * The preset with an id.
 *
 * @param id a preset id
 * @returns the preset, or undefined for an unknown id
 * @example
 * presetById("pipedriveDeals")?.target; // "Deals"
 */
export function presetById(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
