/**
 * The preview page: the real task pane (dist/taskpane.html in an iframe, with the stand-in
 * injected before its bundle) beside the stand-in's workbook, drawn as a grid with formatted
 * values, table styles, sheet tabs, a formula bar and Chart.js charts. `window.salesPreview`
 * lets tests and reviewers read and drive it.
 */
import Chart from "chart.js/auto";
import type { ChartConfiguration } from "chart.js";
import { ChartSnapshot, StandIn, createStandIn, formatValue, registryFromMappings } from "../excel";
import type { CustomFunctionImpl, CustomFunctionMeta } from "../excel/customFunctions";
import { columnLetters } from "../../src/model/a1";
import { formatAddress, parseAddress } from "../excel/address";
import { DEFAULTS, SheetModel, TableModel } from "../excel/model";

/** What the page exposes for tests and reviewers. */
export interface SalesPreview {
  readonly standIn: StandIn;
  /** Resolves once the functions bundle registered SALES.* in the task pane. */
  readonly ready: Promise<void>;
  /** The workbook as JSON. */
  workbook(): unknown;
  /** Number of context.sync() round trips so far. */
  syncCount(): number;
  /** Every round trip with its bytes. */
  requests(): unknown;
  /** Writes a value or formula into a cell (as typing does). */
  setCell(sheet: string, address: string, valueOrFormula: unknown): void;
  /** The computed value of a cell. */
  getValue(sheet: string, address: string): unknown;
  /** The displayed text of a cell. */
  getText(sheet: string, address: string): string;
  /** Shows a sheet. */
  activate(sheet: string): void;
  /** Called by the task pane frame before its bundle runs. */
  attach(win: Window): void;
}

type Mappings = Record<string, CustomFunctionImpl | undefined>;
interface FrameWindow extends Window {
  CustomFunctions?: { _association?: { m_mappings?: Mappings } };
}

const PX_PER_POINT = 4 / 3;
const TABLE_COLORS = ["#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#70AD47"];
const SERIES_COLORS = [
  "#4472C4",
  "#ED7D31",
  "#A5A5A5",
  "#FFC000",
  "#5B9BD5",
  "#70AD47",
  "#264478",
  "#9E480E",
];

let frame: FrameWindow | null = null;
let selected = { row: 0, col: 0 };
let charts: Chart[] = [];
let renderQueued = false;

function $(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing`);
  return el;
}

/** Header colour of a table style (TableStyleMedium2 → blue, as Excel's default). */
function tableColor(style: string): { header: string; band: string; text: string } | null {
  const m = /^TableStyle(Light|Medium|Dark)(\d+)$/.exec(style);
  if (!m) return null;
  const n = Number(m[2]);
  const base = n % 7 === 1 ? "#404040" : (TABLE_COLORS[(n - 2 + 7) % 7] ?? TABLE_COLORS[0]);
  if (m[1] === "Light") return { header: "#FFFFFF", band: tint(base, 0.85), text: "#000000" };
  return { header: base, band: tint(base, 0.8), text: "#FFFFFF" };
}

function tint(hex: string, amount: number): string {
  const n = parseInt(hex.slice(1), 16);
  const c = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) =>
    Math.round(v + (255 - v) * amount)
  );
  return `#${c.map((v) => v.toString(16).padStart(2, "0")).join("")}`;
}

function tableAt(tables: TableModel[], row: number, col: number): TableModel | undefined {
  return tables.find(
    (t) => row >= t.rect.r0 && row <= t.rect.r1 && col >= t.rect.c0 && col <= t.rect.c1
  );
}

function activeSheet(standIn: StandIn): SheetModel {
  const m = standIn.model;
  return m.activeSheet ?? m.sheets[0];
}

function renderTabs(standIn: StandIn): void {
  const tabs = $("tabs");
  tabs.replaceChildren();
  const active = activeSheet(standIn);
  for (const sheet of standIn.model.sheets) {
    if (sheet.visibility !== "Visible") continue;
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = sheet.name;
    b.setAttribute("role", "tab");
    b.setAttribute("aria-selected", String(sheet === active));
    if (sheet.tabColor) b.style.borderBottomColor = sheet.tabColor;
    b.addEventListener("click", () => {
      standIn.model.activeSheet = sheet;
      selected = { row: 0, col: 0 };
      render(standIn);
    });
    tabs.appendChild(b);
  }
  tabs.setAttribute("role", "tablist");
}

function renderGrid(standIn: StandIn): void {
  const m = standIn.model;
  const sheet = activeSheet(standIn);
  const used = m.usedRect(sheet, false);
  const chartExtent = sheet.charts.reduce(
    (acc, c) => ({
      right: Math.max(acc.right, c.left + c.width),
      bottom: Math.max(acc.bottom, c.top + c.height),
    }),
    { right: 0, bottom: 0 }
  );
  let rows = Math.max(30, (used?.r1 ?? 0) + 6);
  let cols = Math.max(12, (used?.c1 ?? 0) + 3);
  while (m.cellPosition(sheet, rows, 0).top < chartExtent.bottom && rows < 400) rows++;
  while (m.cellPosition(sheet, 0, cols).left < chartExtent.right && cols < 60) cols++;
  rows = Math.min(rows, 400);
  cols = Math.min(cols, 60);
  const tables = m.tables.filter((t) => t.sheet === sheet);
  const rect = { r0: 0, c0: 0, r1: rows - 1, c1: cols - 1 };
  const text = m.readText({ sheet, rect });
  const values = m.readValues({ sheet, rect });
  const grid = $("grid") as HTMLTableElement;
  const head = document.createElement("thead");
  const hr = document.createElement("tr");
  const corner = document.createElement("th");
  corner.className = "corner";
  hr.appendChild(corner);
  const colgroup = document.createElement("colgroup");
  const cornerCol = document.createElement("col");
  cornerCol.style.width = "40px";
  colgroup.appendChild(cornerCol);
  for (let c = 0; c < cols; c++) {
    const th = document.createElement("th");
    th.textContent = columnLetters(c);
    th.scope = "col";
    hr.appendChild(th);
    const col = document.createElement("col");
    col.style.width = `${Math.round(sheet.columnWidth(c) * PX_PER_POINT)}px`;
    colgroup.appendChild(col);
  }
  head.appendChild(hr);
  const body = document.createElement("tbody");
  const covered = new Set<string>();
  for (let r = 0; r < rows; r++) {
    const tr = document.createElement("tr");
    tr.style.height = `${Math.round(sheet.rowHeight(r) * PX_PER_POINT)}px`;
    const th = document.createElement("th");
    th.textContent = String(r + 1);
    th.scope = "row";
    tr.appendChild(th);
    for (let c = 0; c < cols; c++) {
      if (covered.has(`${r}:${c}`)) continue;
      const td = document.createElement("td");
      const cell = sheet.cell(r, c);
      const v = values[r][c];
      td.textContent = text[r][c];
      td.dataset.address = formatAddress({ r0: r, c0: c, r1: r, c1: c });
      td.setAttribute("role", "gridcell");
      const s = cell?.style ?? {};
      const table = tableAt(tables, r, c);
      if (table) {
        const colors = tableColor(table.style);
        if (colors && r === table.rect.r0 && table.showHeaders) {
          td.style.background = colors.header;
          td.style.color = colors.text;
          td.style.fontWeight = "600";
        } else if (colors && table.showBandedRows && (r - table.rect.r0) % 2 === 1) {
          td.style.background = colors.band;
        }
        if (colors && table.showTotals && r === table.rect.r1) td.style.fontWeight = "600";
      }
      if (s.fill) td.style.background = s.fill;
      if (s.fontColor) td.style.color = s.fontColor;
      if (s.bold) td.style.fontWeight = "600";
      if (s.italic) td.style.fontStyle = "italic";
      if (s.fontSize && s.fontSize !== DEFAULTS.fontSize) td.style.fontSize = `${s.fontSize}pt`;
      const align =
        s.horizontalAlignment && s.horizontalAlignment !== "General"
          ? s.horizontalAlignment.toLowerCase()
          : null;
      if (align) td.style.textAlign = align;
      else if (typeof v === "number" || typeof v === "boolean") td.classList.add("num");
      if (typeof v === "string" && v.startsWith("#") && m.errorMessage(sheet, r, c)) {
        td.classList.add("err");
        td.title = m.errorMessage(sheet, r, c) ?? "";
      }
      if (s.wrapText) td.classList.add("wrap");
      const b = s.borders;
      if (b?.bottom)
        td.style.borderBottom = `${b.bottom.weight === "Thick" ? 3 : b.bottom.weight === "Medium" ? 2 : 1}px solid ${b.bottom.color}`;
      if (b?.top) td.style.borderTop = `1px solid ${b.top.color}`;
      if (sheet.freezeRows && r === sheet.freezeRows - 1) td.classList.add("frozen-bottom");
      if (sheet.freezeColumns && c === sheet.freezeColumns - 1) td.classList.add("frozen-right");
      const merge = sheet.merges.find((mm) => mm.r0 === r && mm.c0 === c);
      if (merge) {
        td.colSpan = merge.c1 - merge.c0 + 1;
        td.rowSpan = merge.r1 - merge.r0 + 1;
        for (let rr = merge.r0; rr <= merge.r1; rr++)
          for (let cc = merge.c0; cc <= merge.c1; cc++)
            if (rr !== r || cc !== c) covered.add(`${rr}:${cc}`);
      }
      if (r === selected.row && c === selected.col) {
        td.classList.add("selected");
        td.setAttribute("aria-selected", "true");
      }
      tr.appendChild(td);
    }
    body.appendChild(tr);
  }
  grid.replaceChildren(colgroup, head, body);
}

function chartConfig(c: ChartSnapshot): ChartConfiguration {
  const type = c.type.toLowerCase();
  const kind = (t: string): "bar" | "line" | "pie" | "doughnut" | "scatter" => {
    const k = t.toLowerCase();
    if (k.startsWith("pie")) return "pie";
    if (k.startsWith("doughnut")) return "doughnut";
    if (k.startsWith("xyscatter")) return "scatter";
    if (k.startsWith("line") || k.startsWith("area")) return "line";
    return "bar";
  };
  const base = kind(type);
  const horizontal = type.startsWith("bar");
  const stacked = type.includes("stacked");
  const labels = c.series[0]?.categories ?? [];
  const fmt = c.axes.value.numberFormat;
  const datasets = c.series.map((s, i) => {
    const color = s.noFill ? "rgba(0,0,0,0)" : (s.color ?? SERIES_COLORS[i % SERIES_COLORS.length]);
    const k = kind(s.chartType);
    const data = s.values.map((v) => (typeof v === "number" ? v : null));
    return {
      type: k,
      label: s.name,
      data,
      backgroundColor:
        base === "pie" || base === "doughnut"
          ? data.map((_, j) => SERIES_COLORS[j % SERIES_COLORS.length])
          : color,
      borderColor: color,
      fill: s.chartType.toLowerCase().startsWith("area"),
      order: k === "line" ? 0 : 1,
    };
  });
  const legendPos =
    (
      { Right: "right", Left: "left", Top: "top", Bottom: "bottom", Corner: "right" } as Record<
        string,
        "right" | "left" | "top" | "bottom"
      >
    )[c.legend.position] ?? "right";
  const pie = base === "pie" || base === "doughnut";
  return {
    type: base,
    data: { labels, datasets: datasets as never },
    options: {
      animation: false,
      responsive: false,
      indexAxis: horizontal ? "y" : "x",
      plugins: {
        title: { display: Boolean(c.title), text: c.title },
        legend: { display: c.legend.visible, position: legendPos },
        tooltip: {
          callbacks: {
            label: (ctx) =>
              `${ctx.dataset.label}: ${formatValue(ctx.parsed[horizontal ? "x" : "y"] ?? ctx.raw, fmt)}`,
          },
        },
      },
      scales: pie
        ? {}
        : {
            [horizontal ? "y" : "x"]: {
              stacked,
              title: { display: Boolean(c.axes.category.title), text: c.axes.category.title },
            },
            [horizontal ? "x" : "y"]: {
              stacked,
              title: { display: Boolean(c.axes.value.title), text: c.axes.value.title },
              ticks: { callback: (v: string | number) => formatValue(Number(v), fmt) },
            },
          },
    },
  } as ChartConfiguration;
}

function renderCharts(standIn: StandIn): void {
  charts.forEach((c) => c.destroy());
  charts = [];
  const layer = $("charts");
  layer.replaceChildren();
  const sheet = activeSheet(standIn);
  const snap = standIn.snapshot().sheets.find((s) => s.name === sheet.name);
  if (!snap) return;
  // The grid's row/column headers offset the cells.
  const offsetLeft = 40;
  const offsetTop = 22;
  for (const c of snap.charts) {
    const box = document.createElement("figure");
    box.className = "chart";
    box.setAttribute("aria-label", `Chart: ${c.title || c.name}`);
    box.dataset.chart = c.name;
    box.style.margin = "0";
    box.style.left = `${offsetLeft + c.left * PX_PER_POINT}px`;
    box.style.top = `${offsetTop + c.top * PX_PER_POINT}px`;
    const w = Math.max(120, Math.round(c.width * PX_PER_POINT));
    const h = Math.max(90, Math.round(c.height * PX_PER_POINT));
    const canvas = document.createElement("canvas");
    canvas.width = w - 10;
    canvas.height = h - 10;
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", `${c.title || c.name} (${c.type})`);
    box.appendChild(canvas);
    layer.appendChild(box);
    charts.push(new Chart(canvas, chartConfig(c)));
  }
}

function renderFormulaBar(standIn: StandIn): void {
  const sheet = activeSheet(standIn);
  const address = formatAddress({
    r0: selected.row,
    c0: selected.col,
    r1: selected.row,
    c1: selected.col,
  });
  // A render scheduled before the user typed an address must not overwrite it (as in Excel).
  const nameBox = $("name-box") as HTMLInputElement;
  if (document.activeElement !== nameBox) nameBox.value = address;
  const input = $("formula-input") as HTMLInputElement;
  if (document.activeElement !== input) {
    const f = standIn.model.readFormulas({
      sheet,
      rect: { r0: selected.row, c0: selected.col, r1: selected.row, c1: selected.col },
    })[0][0];
    input.value = f === "" ? "" : String(f);
  }
  const err = standIn.model.errorMessage(sheet, selected.row, selected.col);
  $("status").textContent = err ? `${address}: ${err}` : "";
}

function render(standIn: StandIn): void {
  renderQueued = false;
  renderTabs(standIn);
  renderGrid(standIn);
  renderCharts(standIn);
  renderFormulaBar(standIn);
  $("sync-count").textContent =
    `${standIn.syncCount()} sync${standIn.syncCount() === 1 ? "" : "s"}`;
}

function scheduleRender(standIn: StandIn): void {
  if (renderQueued) return;
  renderQueued = true;
  requestAnimationFrame(() => render(standIn));
}

function select(standIn: StandIn, row: number, col: number): void {
  selected = { row: Math.max(0, row), col: Math.max(0, col) };
  // The grid's selection is Excel's selection: getSelectedRange() in the task pane sees it.
  const r = selected.row;
  const c = selected.col;
  standIn.model.selection = { sheet: activeSheet(standIn), rect: { r0: r, c0: c, r1: r, c1: c } };
  render(standIn);
}

function commit(standIn: StandIn, text: string): void {
  const sheet = activeSheet(standIn);
  const address = formatAddress({
    r0: selected.row,
    c0: selected.col,
    r1: selected.row,
    c1: selected.col,
  });
  standIn.setFormula(sheet.name, address, text);
}

async function start(): Promise<void> {
  const meta = (await fetch("functions.json").then((r) => r.json())) as {
    functions: CustomFunctionMeta[];
  };
  const registry = registryFromMappings(
    "SALES",
    meta,
    () => frame?.CustomFunctions?._association?.m_mappings
  );
  const standIn = createStandIn({ customFunctions: registry, payloadLimit: "record" });
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((r) => (resolveReady = r));
  const preview: SalesPreview = {
    standIn,
    ready,
    workbook: () => standIn.snapshot(),
    syncCount: () => standIn.syncCount(),
    requests: () => standIn.requests(),
    setCell: (sheet, address, v) => standIn.setFormula(sheet, address, v as string),
    getValue: (sheet, address) => standIn.getValue(sheet, address),
    getText: (sheet, address) => standIn.getText(sheet, address),
    activate: (name) => {
      const s = standIn.model.findSheet(name);
      if (s) standIn.model.activeSheet = s;
      render(standIn);
    },
    attach: (win) => {
      frame = win as FrameWindow;
      standIn.install(win);
      // Registrations appear when the frame's functions bundle has run: then formulas that
      // showed #NAME? compute.
      const poll = window.setInterval(() => {
        const mappings = frame?.CustomFunctions?._association?.m_mappings;
        if (
          mappings &&
          meta.functions.every((f) => mappings[f.id] || mappings[f.id.toUpperCase()])
        ) {
          window.clearInterval(poll);
          standIn.recalculate();
          resolveReady();
        }
      }, 50);
    },
  };
  (window as unknown as { salesPreview: SalesPreview }).salesPreview = preview;
  standIn.onChange(() => scheduleRender(standIn));

  $("grid").addEventListener("click", (e) => {
    const td = (e.target as HTMLElement).closest("td");
    if (!td?.dataset.address) return;
    const p = parseAddress(td.dataset.address);
    select(standIn, p.r0, p.c0);
  });
  $("grid").addEventListener("dblclick", () => ($("formula-input") as HTMLInputElement).focus());
  const input = $("formula-input") as HTMLInputElement;
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter") {
      e.preventDefault();
      commit(standIn, input.value);
      input.blur();
      select(standIn, selected.row + 1, selected.col);
    } else if (e.key === "Escape") {
      input.blur();
      render(standIn);
    }
  });
  const nameBox = $("name-box") as HTMLInputElement;
  nameBox.addEventListener("keydown", (e) => {
    if (e.key !== "Enter") return;
    e.preventDefault();
    try {
      const p = parseAddress(nameBox.value);
      if (p.sheet) preview.activate(p.sheet);
      select(standIn, p.r0, p.c0);
      input.focus();
    } catch {
      $("status").textContent = `Not an address: ${nameBox.value}`;
    }
  });
  render(standIn);
  // The frame may only load once salesPreview exists: its inject.js attaches to it.
  ($("taskpane") as HTMLIFrameElement).src = `taskpane.html${location.search}`;
}

start().catch((e: unknown) => {
  document.body.insertAdjacentHTML(
    "afterbegin",
    `<pre role="alert">Preview failed: ${String(e)}</pre>`
  );
});
