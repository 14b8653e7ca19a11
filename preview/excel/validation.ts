/**
 * Range.dataValidation and Range.conditionalFormats.
 */
import { formatAddress, intersect, overlaps } from "./address";
import { ClientCollection, ClientObject, PropDef, defineProps } from "./client";
import { excelError } from "./errors";
import { RangeRef, WorkbookModel, isRangeRef } from "./model";
import { RecordProxy, CF_SPECS } from "./records";
import { Range } from "./range";

/** `Excel.DataValidation`. */
export class DataValidation extends ClientObject<RangeRef> {
  declare rule: Excel.DataValidationRule;
  declare type: string;
  declare ignoreBlanks: boolean;
  declare errorAlert: Excel.DataValidationErrorAlert;
  declare prompt: Excel.DataValidationPrompt;
  static props: Record<string, PropDef<RangeRef>> = {
    rule: {
      get: (t, m) => m.validationAt(t)?.rule ?? {},
      set: (t, v, m) => {
        const rule = normalizeRule(v as Record<string, unknown>, m);
        m.setValidation(t, rule);
      },
    },
    type: {
      get: (t, m) => {
        const v = m.validationAt(t);
        // Part of the range validated, part not: Excel reports "Inconsistent".
        if (!v)
          return t.sheet.validations.some((x) => overlaps(x.rect, t.rect))
            ? "Inconsistent"
            : "None";
        const k = Object.keys(v.rule)[0];
        return k === "list" ? "List" : k[0].toUpperCase() + k.slice(1);
      },
    },
    ignoreBlanks: validationField("ignoreBlanks"),
    errorAlert: validationField("errorAlert"),
    prompt: validationField("prompt"),
  };
  /** Removes validation from the range. */
  clear(): void {
    this._queue("clear", undefined, (t) => this._model.clearValidation(t));
  }
}
function validationField(key: "ignoreBlanks" | "errorAlert" | "prompt"): PropDef<RangeRef> {
  return {
    get: (t, m) => {
      const v = m.validationAt(t);
      if (v) return v[key];
      return key === "ignoreBlanks"
        ? true
        : key === "errorAlert"
          ? { showAlert: true, style: "Stop", title: "", message: "" }
          : { showPrompt: false, title: "", message: "" };
    },
    set: (t, value, m) => {
      let v = m.validationAt(t);
      if (!v) {
        // Excel keeps these settings for the next rule; the stand-in needs a rule to hang them on.
        v = m.setValidation(t, { custom: { formula: "=TRUE" } });
      }
      if (key === "ignoreBlanks") v.ignoreBlanks = Boolean(value);
      else
        (v as unknown as Record<string, unknown>)[key] = {
          ...(v[key] as object),
          ...(value as object),
        };
    },
  };
}
/** Stores list sources given as ranges as their absolute address formula. */
function normalizeRule(rule: Record<string, unknown>, m: WorkbookModel): Record<string, unknown> {
  if (!rule || typeof rule !== "object")
    throw excelError("InvalidArgument", "The argument is invalid: rule.", "DataValidation.rule");
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rule)) {
    if (v === undefined) continue;
    if (v && typeof v === "object") {
      const inner: Record<string, unknown> = {};
      for (const [ik, iv] of Object.entries(v as Record<string, unknown>)) {
        inner[ik] = isRangeRef(iv) ? `=${formatAddress(iv.rect, iv.sheet.name, true)}` : iv;
      }
      out[k] = inner;
    } else out[k] = v;
  }
  void m;
  return out;
}
defineProps(DataValidation);

/** `Excel.ConditionalFormat`. */
export class ConditionalFormat extends ClientObject<import("./model").ConditionalFormatModel> {
  static children = Object.keys(CF_SPECS);
  declare type: string;
  declare priority: number;
  declare stopIfTrue: boolean;
  static props: Record<string, PropDef<import("./model").ConditionalFormatModel>> = {
    type: { get: (t) => t.type },
    priority: { get: (t) => t.priority, set: (t, v) => void (t.priority = Number(v)) },
    stopIfTrue: { get: (t) => t.stopIfTrue, set: (t, v) => void (t.stopIfTrue = Boolean(v)) },
    id: { get: (t) => t.id },
  };
  private _subs: Record<string, RecordProxy> = {};
  /** Removes the conditional format. */
  delete(): void {
    this._queue("delete", undefined, (t) => {
      for (const s of this._model.sheets)
        s.conditionalFormats = s.conditionalFormats.filter((f) => f !== t);
    });
  }
  /** The range it applies to. */
  getRange(): Range {
    return new Range(this._ctx, `${this._path}.getRange()`, () => {
      const t = this._target();
      const sheet = t && this._model.sheets.find((s) => s.conditionalFormats.includes(t));
      return t && sheet ? { sheet, rect: t.rect } : null;
    });
  }
  _sub(name: string): RecordProxy {
    return (this._subs[name] ??= new RecordProxy(
      this._ctx,
      CF_SPECS[name],
      `${this._path}.${name}`,
      () => {
        const t = this._target();
        if (!t) return null;
        return (t.data[name] ??= {}) as Record<string, unknown>;
      }
    ));
  }
}
for (const name of Object.keys(CF_SPECS)) {
  Object.defineProperty(ConditionalFormat.prototype, name, {
    get(this: ConditionalFormat) {
      return this._sub(name);
    },
  });
}
defineProps(ConditionalFormat);

/** `Excel.ConditionalFormatCollection`. */
export class ConditionalFormatCollection extends ClientCollection<RangeRef, ConditionalFormat> {
  _list(t: RangeRef): unknown[] {
    return t.sheet.conditionalFormats.filter((f) => intersect(f.rect, t.rect));
  }
  _proxy(path: string, resolve: () => unknown, nullable?: boolean): ConditionalFormat {
    return new ConditionalFormat(this._ctx, "ConditionalFormat", path, resolve as never, nullable);
  }
  /** Adds a conditional format of a type ("CellValue", "ColorScale", "DataBar", "Custom", …). */
  add(type: string): ConditionalFormat {
    return this._added(type, { type }, (t) => this._model.addConditionalFormat(t, type));
  }
  /** The item at an index. */
  getItemAt(index: number): ConditionalFormat {
    return this._at(index);
  }
  /** Removes every conditional format over the range. */
  clearAll(): void {
    this._queue("clearAll", undefined, (t) => {
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter(
        (f) => !intersect(f.rect, t.rect)
      );
    });
  }
}
