/**
 * Upsert planning: which rows of the file update which rows of the table, and which are added.
 * Matching is by the record ID, as text: `12345` typed by hand matches "12345" from the file, and
 * a quote prefix written by `neutralise` is ignored. Table rows without an ID (added by hand) are
 * never matched, so never touched. Within the file, the last row with an ID wins; the earlier
 * ones are reported as duplicates. Table rows whose ID no row of the file has (skipped rows
 * included: a row with a problem still names its deal) are listed, so an import of a whole
 * export can tell which deals the CRM no longer has.
 */

/** Which file rows go where. Row numbers are 0-based (table body rows, file data rows). */
export interface UpsertPlan {
  /** Table rows to overwrite with file rows, by ascending table row. */
  readonly updates: readonly { readonly tableRow: number; readonly fileRow: number }[];
  /** File rows to add below the table, in file order. */
  readonly appends: readonly number[];
  /** File rows dropped because a later row has the same ID. */
  readonly duplicates: readonly {
    readonly fileRow: number;
    readonly keptRow: number;
    readonly id: string;
  }[];
  /** IDs the table itself holds more than once: only the first of those rows is updated. */
  readonly tableDuplicates: readonly {
    readonly id: string;
    readonly tableRows: readonly number[];
  }[];
  /** Table rows with an ID that no row of the file has (every such row), by ascending row. */
  readonly notInFile: readonly { readonly tableRow: number; readonly id: string }[];
}

/**
 * The matching key of an ID cell.
 *
 * @param value a cell value (text, number) or a file ID
 * @returns the ID text without quote prefix and outer spaces, or null for a blank
 * @example
 * idKey(" 'D-17 "); // "D-17"
 * idKey(12345); // "12345"
 * idKey(""); // null
 */
export function idKey(value: unknown): string | null {
  if (value === null || value === undefined || typeof value === "boolean") return null;
  let text = typeof value === "number" ? String(value) : String(value).trim();
  if (text.startsWith("'")) text = text.slice(1).trim();
  return text === "" ? null : text;
}

/**
 * Plans an upsert.
 *
 * @param existingIds the table's ID column, one cell per body row
 * @param ids the file's record IDs, one per data row (null: no ID, the row is added)
 * @param skip optional, 1 for file rows that must not be imported at all (rows with problems)
 * @returns updates, appends, the duplicates found, and the table's IDs the file lacks
 * @example
 * planUpsert(["D1", "", "D2"], ["D2", "D3", null]);
 * // updates [{ tableRow: 2, fileRow: 0 }], appends [1, 2], notInFile [{ tableRow: 0, id: "D1" }]
 */
export function planUpsert(
  existingIds: readonly unknown[],
  ids: readonly (string | null)[],
  skip?: Uint8Array
): UpsertPlan {
  const table = new Map<string, number>();
  const tableDupes = new Map<string, number[]>();
  for (let t = 0; t < existingIds.length; t++) {
    const key = idKey(existingIds[t]);
    if (key === null) continue;
    const first = table.get(key);
    if (first === undefined) table.set(key, t);
    else {
      const list = tableDupes.get(key) ?? [first];
      list.push(t);
      tableDupes.set(key, list);
    }
  }
  const keys = new Array<string | null>(ids.length);
  const last = new Map<string, number>();
  for (let r = 0; r < ids.length; r++) {
    if (skip && skip[r]) continue;
    const key = idKey(ids[r]);
    keys[r] = key;
    if (key !== null) last.set(key, r);
  }
  const updates: { tableRow: number; fileRow: number }[] = [];
  const appends: number[] = [];
  const duplicates: { fileRow: number; keptRow: number; id: string }[] = [];
  for (let r = 0; r < ids.length; r++) {
    if (skip && skip[r]) continue;
    const key = keys[r];
    if (key === null) {
      appends.push(r);
      continue;
    }
    const kept = last.get(key)!;
    if (kept !== r) {
      duplicates.push({ fileRow: r, keptRow: kept, id: key });
      continue;
    }
    const t = table.get(key);
    if (t === undefined) appends.push(r);
    else updates.push({ tableRow: t, fileRow: r });
  }
  updates.sort((a, b) => a.tableRow - b.tableRow);
  const inFile = new Set<string>();
  for (const id of ids) {
    const key = idKey(id);
    if (key !== null) inFile.add(key);
  }
  const notInFile: { tableRow: number; id: string }[] = [];
  for (let t = 0; t < existingIds.length; t++) {
    const key = idKey(existingIds[t]);
    if (key !== null && !inFile.has(key)) notInFile.push({ tableRow: t, id: key });
  }
  return {
    updates,
    appends,
    duplicates,
    tableDuplicates: [...tableDupes].map(([id, tableRows]) => ({ id, tableRows })),
    notInFile,
  };
}
