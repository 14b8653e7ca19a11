/**
 * Chart proxies: Chart, its series and axes, and worksheet.charts.
 */
import { ClientObject, ClientResult, PropDef, defineProps, resultOf } from "./client";
import { ClientCollection } from "./collection";
import { excelError, notImplemented } from "./errors";
import { ChartModel, SeriesModel, SheetModel } from "./model";
import { rangeArg } from "./rangeArg";
import { CHART_SPECS, RecordProxy } from "./records";
import { Worksheet } from "./worksheets";

/** `Excel.ChartSeries`. */
export class ChartSeries extends ClientObject<{ chart: ChartModel; series: SeriesModel }> {
  static children = ["format", "dataLabels"];
  declare name: string;
  declare chartType: string;
  declare hasDataLabels: boolean;
  declare axisGroup: string;
  declare markerStyle: string;
  declare smooth: boolean;
  private _format?: RecordProxy;
  private _labels?: RecordProxy;
  static props: Record<string, PropDef<{ chart: ChartModel; series: SeriesModel }>> = {
    name: { get: (t) => t.series.name, set: (t, v) => void (t.series.name = String(v)) },
    chartType: {
      get: (t) => t.series.chartType ?? t.chart.type,
      set: (t, v) => void (t.series.chartType = String(v)),
    },
    hasDataLabels: {
      get: (t) => t.series.hasDataLabels,
      set: (t, v) => void (t.series.hasDataLabels = Boolean(v)),
    },
    axisGroup: {
      get: (t) => t.series.axisGroup,
      set: (t, v) => void (t.series.axisGroup = String(v)),
    },
    markerStyle: {
      get: (t) => t.series.markerStyle ?? "Automatic",
      set: (t, v) => void (t.series.markerStyle = String(v)),
    },
    smooth: {
      get: (t) => Boolean(t.series.smooth),
      set: (t, v) => void (t.series.smooth = Boolean(v)),
    },
  };
  /** `series.format` (fill.setSolidColor, line.color). */
  get format(): RecordProxy {
    return (this._format ??= new RecordProxy(
      this._ctx,
      CHART_SPECS.seriesFormat,
      `${this._path}.format`,
      () => {
        const t = this._target();
        return t ? (t.series.format as unknown as Record<string, unknown>) : null;
      }
    ));
  }
  /** `series.dataLabels`. */
  get dataLabels(): RecordProxy {
    return (this._labels ??= new RecordProxy(
      this._ctx,
      CHART_SPECS.dataLabels,
      `${this._path}.dataLabels`,
      () => {
        const t = this._target();
        if (!t) return null;
        const s = t.series as unknown as Record<string, unknown>;
        return (s.dataLabels ??= {}) as Record<string, unknown>;
      }
    ));
  }
  /** Sets the values from a range. */
  setValues(sourceData: Excel.Range): void {
    this._queue("setValues", { sourceData: "(range)" }, (t) => {
      t.series.values = rangeArg(this._model, sourceData, t.chart.sheet, "ChartSeries.setValues");
    });
  }
  /** Sets the categories from a range. */
  setXAxisValues(sourceData: Excel.Range): void {
    this._queue("setXAxisValues", { sourceData: "(range)" }, (t) => {
      t.series.categories = rangeArg(
        this._model,
        sourceData,
        t.chart.sheet,
        "ChartSeries.setXAxisValues"
      );
    });
  }
  /** Removes the series. */
  delete(): void {
    this._queue(
      "delete",
      undefined,
      (t) => void (t.chart.series = t.chart.series.filter((s) => s !== t.series))
    );
  }
  /** The values or categories as shown. */
  getDimensionValues(dimension: string): ClientResult<string[]> {
    return resultOf(this, "getDimensionValues", { dimension }, () => {
      const t = this._target()!;
      if (dimension === "Categories" || dimension === "XValues")
        return this._model.seriesLabels(t.series.categories);
      return this._model.seriesData(t.series.values).map(String);
    });
  }
}
defineProps(ChartSeries);

/** `Excel.ChartSeriesCollection`. */
export class ChartSeriesCollection extends ClientCollection<ChartModel, ChartSeries> {
  declare count: number;
  static props: Record<string, PropDef<ChartModel>> = { count: { get: (t) => t.series.length } };
  _list(t: ChartModel): unknown[] {
    return t.series.map((series) => ({ chart: t, series }));
  }
  _proxy(path: string, resolve: () => unknown, nullable?: boolean): ChartSeries {
    return new ChartSeries(this._ctx, "ChartSeries", path, resolve as never, nullable);
  }
  /** A series by index. */
  getItemAt(index: number): Excel.ChartSeries {
    return this._at(index) as never;
  }
  /** Adds an empty series (then setValues / setXAxisValues). */
  add(name?: string, index?: number): Excel.ChartSeries {
    return this._added(JSON.stringify(name ?? ""), { name, index }, (t) => {
      const series: SeriesModel = {
        name: name ?? `Series${t.series.length + 1}`,
        values: null,
        categories: t.series[0]?.categories ?? null,
        chartType: null,
        hasDataLabels: false,
        axisGroup: "Primary",
        format: { fill: { color: null }, line: {} },
      };
      const at =
        index === undefined || index === null
          ? t.series.length
          : Math.max(0, Math.min(index, t.series.length));
      t.series.splice(at, 0, series);
      return { chart: t, series };
    }) as never;
  }
}
defineProps(ChartSeriesCollection);

/** `Excel.ChartAxes`. */
export class ChartAxes extends ClientObject<ChartModel> {
  static children = ["categoryAxis", "valueAxis"];
  private _axes: Record<string, RecordProxy> = {};
  private _axis(which: "category" | "value"): RecordProxy {
    return (this._axes[which] ??= new RecordProxy(
      this._ctx,
      CHART_SPECS.axis,
      `${this._path}.${which}Axis`,
      () => {
        const t = this._target();
        return t ? (t.axes[which] as unknown as Record<string, unknown>) : null;
      }
    ));
  }
  /** The category (x) axis. */
  get categoryAxis(): RecordProxy {
    return this._axis("category");
  }
  /** The value (y) axis. */
  get valueAxis(): RecordProxy {
    return this._axis("value");
  }
  /** An axis by type ("Category" | "Value"); secondary axes are not implemented. */
  getItem(type: string, group?: string): RecordProxy {
    if (group && group !== "Primary") throw notImplemented("ChartAxes.getItem(…, Secondary)");
    if (type === "Category") return this._axis("category");
    if (type === "Value") return this._axis("value");
    throw notImplemented(`ChartAxes.getItem(${type})`);
  }
}

/** `Excel.Chart`. */
export class Chart extends ClientObject<ChartModel> {
  static children = ["title", "legend", "axes", "series", "dataLabels", "worksheet"];
  declare name: string;
  declare id: string;
  declare chartType: string;
  declare top: number;
  declare left: number;
  declare width: number;
  declare height: number;
  private _parts: Record<string, ClientObject<unknown>> = {};
  static props: Record<string, PropDef<ChartModel>> = {
    name: { get: (t) => t.name, set: (t, v) => void (t.name = String(v)) },
    id: { get: (t) => t.id },
    chartType: { get: (t) => t.type, set: (t, v) => void (t.type = String(v)) },
    top: num("top"),
    left: num("left"),
    width: num("width"),
    height: num("height"),
    style: { get: (t) => t.style ?? 2, set: (t, v) => void (t.style = Number(v)) },
  };
  private _part<P extends ClientObject<unknown>>(name: string, make: () => P): P {
    return (this._parts[name] ??= make()) as P;
  }
  private _record(name: "title" | "legend" | "dataLabels"): RecordProxy {
    return this._part(
      name,
      () =>
        new RecordProxy(this._ctx, CHART_SPECS[name], `${this._path}.${name}`, () => {
          const t = this._target();
          return t ? (t[name] as unknown as Record<string, unknown>) : null;
        })
    );
  }
  /** `chart.title`. */
  get title(): RecordProxy {
    return this._record("title");
  }
  /** `chart.legend`. */
  get legend(): RecordProxy {
    return this._record("legend");
  }
  /** `chart.dataLabels`. */
  get dataLabels(): RecordProxy {
    return this._record("dataLabels");
  }
  /** `chart.axes`. */
  get axes(): ChartAxes {
    return this._part(
      "axes",
      () => new ChartAxes(this._ctx, "ChartAxes", `${this._path}.axes`, () => this._target())
    );
  }
  /** `chart.series`. */
  get series(): ChartSeriesCollection {
    return this._part(
      "series",
      () =>
        new ChartSeriesCollection(this._ctx, "ChartSeriesCollection", `${this._path}.series`, () =>
          this._target()
        )
    );
  }
  /** `chart.format`. */
  get format(): RecordProxy {
    return this._part(
      "format",
      () =>
        new RecordProxy(this._ctx, CHART_SPECS.chartFormat, `${this._path}.format`, () => {
          const t = this._target() as unknown as Record<string, unknown> | null;
          return t ? ((t.format ??= {}) as Record<string, unknown>) : null;
        })
    );
  }
  /** `chart.worksheet`. */
  get worksheet(): Excel.Worksheet {
    return new Worksheet(
      this._ctx,
      `${this._path}.worksheet`,
      () => this._target()?.sheet ?? null
    ) as never;
  }
  /** Places the chart over cells (and sizes it to `endCell` when given). */
  setPosition(startCell: Excel.Range | string, endCell?: Excel.Range | string): void {
    this._queue(
      "setPosition",
      {
        startCell: String(typeof startCell === "string" ? startCell : "(range)"),
        endCell: typeof endCell === "string" ? endCell : endCell ? "(range)" : undefined,
      },
      (t) => {
        const a = rangeArg(this._model, startCell, t.sheet, "Chart.setPosition");
        const b =
          endCell === undefined || endCell === null
            ? null
            : rangeArg(this._model, endCell, t.sheet, "Chart.setPosition");
        this._model.placeChart(t, a, b);
      }
    );
  }
  /** Replaces the source data. */
  setData(sourceData: Excel.Range, seriesBy?: string): void {
    this._queue("setData", { seriesBy }, (t) => {
      const ref = rangeArg(this._model, sourceData, t.sheet, "Chart.setData");
      t.source = ref;
      t.seriesBy = seriesBy ?? "Auto";
      t.series = this._model.seriesFromSource(ref, t.seriesBy);
    });
  }
  /** Deletes the chart. */
  delete(): void {
    this._queue("delete", undefined, (t) => this._model.removeChart(t));
  }
  /** Activates the chart (no visible effect here). */
  activate(): void {
    this._queue("activate", undefined, () => undefined);
  }
}
function num(key: "top" | "left" | "width" | "height"): PropDef<ChartModel> {
  return {
    get: (t) => t[key],
    set: (t, v) => {
      if (typeof v !== "number" || v < 0)
        throw excelError("InvalidArgument", `The argument is invalid: ${key}.`, `Chart.${key}`);
      t[key] = v;
    },
  };
}
defineProps(Chart);

/** `Excel.ChartCollection`. */
export class ChartCollection extends ClientCollection<SheetModel, Chart> {
  declare count: number;
  static props: Record<string, PropDef<SheetModel>> = { count: { get: (t) => t.charts.length } };
  _list(t: SheetModel): unknown[] {
    return t.charts;
  }
  _proxy(path: string, resolve: () => unknown, nullable?: boolean): Chart {
    return new Chart(this._ctx, "Chart", path, resolve as never, nullable);
  }
  /** Adds a chart of a type over a source range. */
  add(type: string, sourceData: Excel.Range, seriesBy?: string): Excel.Chart {
    return this._added(type, { type, seriesBy }, (t) => {
      const ref = rangeArg(this._model, sourceData, t, "ChartCollection.add");
      return this._model.addChart(t, type, ref, seriesBy ?? "Auto");
    }) as never;
  }
  /** A chart by name. */
  getItem(name: string): Excel.Chart {
    return this._lookup("getItem", name, (t) => t.charts.find((c) => c.name === name)) as never;
  }
  /** A chart by name, or a null object. */
  getItemOrNullObject(name: string): Excel.Chart {
    const find = (t: SheetModel) => t.charts.find((c) => c.name === name);
    return this._lookup("getItemOrNullObject", name, find, true) as never;
  }
  /** A chart by index. */
  getItemAt(index: number): Excel.Chart {
    return this._at(index) as never;
  }
}
defineProps(ChartCollection);
