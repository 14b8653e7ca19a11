/**
 * Charts of the model: add (series detected from the source as Excel guesses), position,
 * series data and labels.
 */
import { Rect } from "../address";
import { excelError } from "../errors";
import { NamesModel } from "./names";
import { AxisModel, ChartModel, RangeRef, SeriesModel, SheetModel } from "./types";

/** Excel.ChartType's names (office-js typings): `charts.add` refuses any other. */
const CHART_TYPES = new Set(
  (
    "ColumnClustered ColumnStacked ColumnStacked100 3DColumnClustered 3DColumnStacked 3DColumnStacked100 " +
    "BarClustered BarStacked BarStacked100 3DBarClustered 3DBarStacked 3DBarStacked100 LineStacked " +
    "LineStacked100 LineMarkers LineMarkersStacked LineMarkersStacked100 PieOfPie PieExploded " +
    "3DPieExploded BarOfPie XYScatterSmooth XYScatterSmoothNoMarkers XYScatterLines " +
    "XYScatterLinesNoMarkers AreaStacked AreaStacked100 3DAreaStacked 3DAreaStacked100 " +
    "DoughnutExploded RadarMarkers RadarFilled Surface SurfaceWireframe SurfaceTopView " +
    "SurfaceTopViewWireframe Bubble Bubble3DEffect StockHLC StockOHLC StockVHLC StockVOHLC " +
    "CylinderColClustered CylinderColStacked CylinderColStacked100 CylinderBarClustered " +
    "CylinderBarStacked CylinderBarStacked100 CylinderCol ConeColClustered ConeColStacked " +
    "ConeColStacked100 ConeBarClustered ConeBarStacked ConeBarStacked100 ConeCol " +
    "PyramidColClustered PyramidColStacked PyramidColStacked100 PyramidBarClustered " +
    "PyramidBarStacked PyramidBarStacked100 PyramidCol 3DColumn Line 3DLine 3DPie Pie XYScatter " +
    "3DArea Area Doughnut Radar Histogram Boxwhisker Pareto RegionMap Treemap Waterfall Sunburst Funnel"
  ).split(" ")
);

/** Charts. */
export abstract class ChartsModel extends NamesModel {
  // ---------------------------------------------------------------- charts

  /** Adds a chart from a source range (series detected as Excel does for simple layouts). */
  addChart(sheet: SheetModel, type: string, source: RangeRef, seriesBy = "Auto"): ChartModel {
    if (!["Auto", "Columns", "Rows"].includes(seriesBy)) {
      throw excelError(
        "InvalidArgument",
        `The argument is invalid: seriesBy '${seriesBy}'.`,
        "ChartCollection.add"
      );
    }
    if (typeof type !== "string" || !CHART_TYPES.has(type))
      throw excelError(
        "InvalidArgument",
        "The argument is invalid: chart type.",
        "ChartCollection.add"
      );
    const axis = (): AxisModel => ({
      title: { text: "", visible: false },
      numberFormat: "General",
      visible: true,
      format: { font: {} },
    });
    const used = this.usedRect(sheet, false);
    const left = used
      ? Array.from({ length: used.c1 + 2 }, (_, c) => sheet.columnWidth(c)).reduce(
          (a, b) => a + b,
          0
        )
      : 0;
    const chart: ChartModel = {
      id: this.newId("chart"),
      name: `Chart ${++this.chartCounter}`,
      type,
      sheet,
      source,
      seriesBy,
      title: { text: "", visible: false, format: { font: {} } },
      legend: { position: "Right", visible: true, format: { font: {} } },
      axes: { category: axis(), value: axis() },
      dataLabels: { showValue: false },
      series: [],
      top: 15,
      left,
      width: 360,
      height: 216,
      deleted: false,
    };
    chart.series = this.seriesFromSource(source, seriesBy);
    sheet.charts.push(chart);
    return chart;
  }

  /**
   * Splits a source range into series: the first row holds series names and the first column
   * categories when they hold text (or the corner is blank), as Excel guesses.
   */
  seriesFromSource(source: RangeRef, seriesBy: string): SeriesModel[] {
    const values = this.readValues(source);
    const rows = values.length;
    const cols = values[0]?.length ?? 0;
    const byColumns = seriesBy === "Columns" || (seriesBy === "Auto" && rows >= cols);
    const isText = (v: unknown) => typeof v === "string" && v !== "";
    const corner = values[0]?.[0];
    const headerRow =
      rows > 1 &&
      (corner === "" || values[0].slice(1).some(isText)) &&
      values[0].slice(cols > 1 ? 1 : 0).some(isText);
    const headerCol =
      cols > 1 && (corner === "" || values.slice(headerRow ? 1 : 0).some((r) => isText(r[0])));
    const r0 = source.rect.r0 + (byColumns ? (headerRow ? 1 : 0) : headerRow ? 1 : 0);
    const c0 = source.rect.c0 + (headerCol ? 1 : 0);
    const series: SeriesModel[] = [];
    const make = (name: string, vals: Rect, cats: Rect | null): SeriesModel => ({
      name,
      values: { sheet: source.sheet, rect: vals },
      categories: cats ? { sheet: source.sheet, rect: cats } : null,
      chartType: null,
      hasDataLabels: false,
      axisGroup: "Primary",
      format: { fill: { color: null }, line: {} },
    });
    if (byColumns) {
      const cats = headerCol
        ? { r0, r1: source.rect.r1, c0: source.rect.c0, c1: source.rect.c0 }
        : null;
      for (let c = c0; c <= source.rect.c1; c++) {
        if (r0 > source.rect.r1) break;
        const name = headerRow
          ? String(values[0][c - source.rect.c0])
          : `Series${series.length + 1}`;
        series.push(make(name, { r0, r1: source.rect.r1, c0: c, c1: c }, cats));
      }
    } else {
      const rr0 = source.rect.r0 + (headerRow ? 1 : 0);
      const cats = headerRow
        ? { r0: source.rect.r0, r1: source.rect.r0, c0, c1: source.rect.c1 }
        : null;
      for (let r = rr0; r <= source.rect.r1; r++) {
        if (c0 > source.rect.c1) break;
        const name = headerCol
          ? String(values[r - source.rect.r0][0])
          : `Series${series.length + 1}`;
        series.push(make(name, { r0: r, r1: r, c0, c1: source.rect.c1 }, cats));
      }
    }
    return series;
  }

  /** Chart.delete(). */
  removeChart(chart: ChartModel): void {
    chart.deleted = true;
    chart.sheet.charts = chart.sheet.charts.filter((c) => c !== chart);
  }

  /** Position of a cell's top-left corner in points. */
  cellPosition(sheet: SheetModel, row: number, col: number): { top: number; left: number } {
    let top = 0;
    for (let r = 0; r < row; r++) top += sheet.rowHeight(r);
    let left = 0;
    for (let c = 0; c < col; c++) left += sheet.columnWidth(c);
    return { top, left };
  }

  /** Chart.setPosition(start, end). */
  placeChart(chart: ChartModel, start: RangeRef, end: RangeRef | null): void {
    const a = this.cellPosition(chart.sheet, start.rect.r0, start.rect.c0);
    chart.top = a.top;
    chart.left = a.left;
    if (end) {
      const b = this.cellPosition(chart.sheet, end.rect.r1 + 1, end.rect.c1 + 1);
      chart.width = Math.max(0, b.left - a.left);
      chart.height = Math.max(0, b.top - a.top);
    }
  }

  /** A series' values or categories as numbers/labels (live from its reference). */
  seriesData(data: RangeRef | unknown[] | null): unknown[] {
    if (!data) return [];
    if (Array.isArray(data)) return data;
    if (data.sheet.deleted) return [];
    return this.readValues(data).flat();
  }

  /** Text of a series' categories as displayed (number formats applied). */
  seriesLabels(data: RangeRef | unknown[] | null): string[] {
    if (!data) return [];
    if (Array.isArray(data)) return data.map((v) => String(v));
    if (data.sheet.deleted) return [];
    return this.readText(data).flat();
  }
}
