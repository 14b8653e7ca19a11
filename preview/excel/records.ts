/**
 * Proxies over plain records of the model (chart titles, legends, axes, series formats,
 * conditional-format rules): each spec lists the properties, child records and methods the
 * stand-in knows; anything else is loud, like every other proxy.
 */
import { ClientObject, PropDef, RequestContext, unwrapDeep } from "./client";
import type { WorkbookModel } from "./model";

/** Describes one kind of record proxy. */
export interface RecordSpec {
  readonly type: string;
  readonly props: readonly string[];
  readonly readOnly?: readonly string[];
  readonly children?: Readonly<Record<string, RecordSpec>>;
  /** Computed reads (default: the record's field). */
  readonly get?: Readonly<
    Record<string, (store: Record<string, unknown>, model: WorkbookModel) => unknown>
  >;
  /** Side effects of a write (e.g. a title's text makes it visible). */
  readonly onSet?: (store: Record<string, unknown>, name: string, value: unknown) => void;
  /** Methods, applied at sync with proxies in the arguments resolved. */
  readonly methods?: Readonly<
    Record<string, (store: Record<string, unknown>, args: unknown[], model: WorkbookModel) => void>
  >;
}

/** A proxy over a plain record. */
export class RecordProxy extends ClientObject<Record<string, unknown>> {
  _spec: RecordSpec;
  _kids: Record<string, RecordProxy> = {};

  constructor(
    ctx: RequestContext,
    spec: RecordSpec,
    path: string,
    resolve: () => Record<string, unknown> | null
  ) {
    super(ctx, spec.type, path, resolve);
    this._spec = spec;
    for (const name of spec.props) {
      Object.defineProperty(this, name, {
        configurable: true,
        enumerable: true,
        get: () => this._get(name),
        set: (v: unknown) => {
          this._set(name, v);
        },
      });
    }
    for (const name of Object.keys(spec.children ?? {})) {
      Object.defineProperty(this, name, {
        configurable: true,
        enumerable: false,
        get: () => this._child(name),
      });
    }
    for (const [name, fn] of Object.entries(spec.methods ?? {})) {
      Object.defineProperty(this, name, {
        configurable: true,
        enumerable: false,
        value: (...args: unknown[]) => {
          this._queue(name, args, (store) =>
            fn(
              store,
              args.map((a) => unwrapDeep(a)),
              this._model
            )
          );
        },
      });
    }
  }

  override _props(): Record<string, PropDef<Record<string, unknown>>> {
    const out: Record<string, PropDef<Record<string, unknown>>> = {};
    for (const name of this._spec.props) {
      const getter = this._spec.get?.[name];
      out[name] = {
        get: (s, m) => (getter ? getter(s, m) : (s[name] ?? null)),
        set: this._spec.readOnly?.includes(name)
          ? undefined
          : (s, v) => {
              s[name] = v;
              this._spec.onSet?.(s, name, v);
            },
      };
    }
    return out;
  }

  override _children(): readonly string[] {
    return Object.keys(this._spec.children ?? {});
  }

  _child(name: string): RecordProxy {
    return (this._kids[name] ??= new RecordProxy(
      this._ctx,
      this._spec.children![name],
      `${this._path}.${name}`,
      () => {
        const s = this._target();
        if (!s) return null;
        return (s[name] ??= {}) as Record<string, unknown>;
      }
    ));
  }
}

const FONT: RecordSpec = {
  type: "Font",
  props: ["bold", "italic", "color", "size", "name", "underline", "strikethrough"],
};
const FILL: RecordSpec = {
  type: "Fill",
  props: ["color"],
  methods: {
    clear: (s) => void delete s.color,
    setSolidColor: (s, [c]) => void (s.color = c),
  },
};
const CF_FORMAT: RecordSpec = {
  type: "ConditionalRangeFormat",
  props: ["numberFormat"],
  children: { fill: FILL, font: FONT },
};
const RULE_FORMULA: RecordSpec = {
  type: "ConditionalFormatRule",
  props: ["formula", "formulaLocal"],
};

/** The sub-objects of a conditional format. */
export const CF_SPECS: Record<string, RecordSpec> = {
  custom: {
    type: "CustomConditionalFormat",
    props: [],
    children: { format: CF_FORMAT, rule: RULE_FORMULA },
  },
  cellValue: {
    type: "CellValueConditionalFormat",
    props: ["rule"],
    children: { format: CF_FORMAT },
  },
  colorScale: { type: "ColorScaleConditionalFormat", props: ["criteria", "threeColorScale"] },
  dataBar: {
    type: "DataBarConditionalFormat",
    props: [
      "axisColor",
      "axisFormat",
      "barDirection",
      "showDataBarOnly",
      "lowerBoundRule",
      "upperBoundRule",
    ],
    children: {
      positiveFormat: {
        type: "ConditionalDataBarPositiveFormat",
        props: ["fillColor", "gradientFill", "borderColor"],
      },
      negativeFormat: {
        type: "ConditionalDataBarNegativeFormat",
        props: ["fillColor", "borderColor", "matchPositiveFillColor", "matchPositiveBorderColor"],
      },
    },
  },
  iconSet: {
    type: "IconSetConditionalFormat",
    props: ["style", "reverseIconOrder", "showIconOnly", "criteria"],
  },
  preset: {
    type: "PresetCriteriaConditionalFormat",
    props: ["rule"],
    children: { format: CF_FORMAT },
  },
  textComparison: {
    type: "TextConditionalFormat",
    props: ["rule"],
    children: { format: CF_FORMAT },
  },
  topBottom: {
    type: "TopBottomConditionalFormat",
    props: ["rule"],
    children: { format: CF_FORMAT },
  },
};

const TITLE_SPEC: RecordSpec = {
  type: "ChartTitle",
  props: ["text", "visible", "overlay", "position"],
  children: {
    format: { type: "ChartTitleFormat", props: [], children: { font: FONT, fill: FILL } },
  },
  // Excel shows a title as soon as it has text.
  onSet: (s, name, v) => {
    if (name === "text") s.visible = v !== "";
  },
};
const AXIS_TITLE: RecordSpec = {
  type: "ChartAxisTitle",
  props: ["text", "visible"],
  children: { format: { type: "ChartAxisTitleFormat", props: [], children: { font: FONT } } },
  onSet: (s, name, v) => {
    if (name === "text") s.visible = v !== "";
  },
};
const LINE: RecordSpec = {
  type: "ChartLineFormat",
  props: ["color", "lineStyle", "weight"],
  methods: { clear: (s) => void delete s.color },
};
const AXIS: RecordSpec = {
  type: "ChartAxis",
  props: [
    "numberFormat",
    "visible",
    "minimum",
    "maximum",
    "majorUnit",
    "minorUnit",
    "reversePlotOrder",
    "displayUnit",
    "categoryType",
    "tickLabelPosition",
  ],
  children: {
    title: AXIS_TITLE,
    format: { type: "ChartAxisFormat", props: [], children: { font: FONT, line: LINE } },
    majorGridlines: { type: "ChartGridlines", props: ["visible"] },
    minorGridlines: { type: "ChartGridlines", props: ["visible"] },
  },
};

/** Chart parts over the chart model's plain records. */
export const CHART_SPECS = {
  title: TITLE_SPEC,
  legend: {
    type: "ChartLegend",
    props: ["position", "visible", "overlay"],
    children: {
      format: { type: "ChartLegendFormat", props: [], children: { font: FONT, fill: FILL } },
    },
  } as RecordSpec,
  axis: AXIS,
  dataLabels: {
    type: "ChartDataLabels",
    props: [
      "showValue",
      "showCategoryName",
      "showSeriesName",
      "showPercentage",
      "showLegendKey",
      "position",
      "numberFormat",
      "separator",
    ],
    children: {
      format: { type: "ChartDataLabelFormat", props: [], children: { font: FONT, fill: FILL } },
    },
  } as RecordSpec,
  chartFormat: {
    type: "ChartAreaFormat",
    props: ["roundedCorners", "colorScheme"],
    children: { font: FONT, fill: FILL },
  } as RecordSpec,
  plotArea: {
    type: "ChartPlotArea",
    props: ["top", "left", "width", "height"],
    children: { format: { type: "ChartPlotAreaFormat", props: [], children: { fill: FILL } } },
  } as RecordSpec,
  seriesFormat: {
    type: "ChartSeriesFormat",
    props: [],
    children: {
      // A series' fill: clear() leaves it without fill (Excel's "No fill"), which is not the
      // automatic colour of a series never coloured.
      fill: {
        type: "ChartFill",
        props: ["color"],
        methods: {
          clear: (s) => {
            delete s.color;
            s.noFill = true;
          },
          setSolidColor: (s, [c]) => {
            s.color = c;
            delete s.noFill;
          },
        },
      },
      line: LINE,
    },
  } as RecordSpec,
};
