/**
 * Named items and settings (workbook.names, workbook.settings).
 */
import { ClientObject, PropDef, defineProps } from "./client";
import { ClientCollection } from "./collection";
import { excelError, notFound } from "./errors";
import { NameModel } from "./model";
import { Range } from "./range";
import { rangeArg } from "./rangeArg";

/** `Excel.NamedItem`. */
export class NamedItem extends ClientObject<NameModel> {
  declare name: string;
  declare type: string;
  declare value: any;
  declare formula: any;
  declare visible: boolean;
  declare comment: string;
  declare scope: string;
  static props: Record<string, PropDef<NameModel>> = {
    name: { get: (t) => t.name },
    type: { get: (t, m) => m.nameType(t) },
    value: { get: (t, m) => m.nameValue(t) },
    formula: { get: (t) => t.formula, set: (t, v, m) => m.setNameFormula(t, String(v)) },
    visible: { get: (t) => t.visible, set: (t, v) => void (t.visible = Boolean(v)) },
    comment: { get: (t) => t.comment, set: (t, v) => void (t.comment = String(v)) },
    scope: { get: () => "Workbook" },
  };
  /** The range a name refers to (InvalidOperation-like error when it is not a range). */
  getRange(): Excel.Range {
    return new Range(this._ctx, `${this._path}.getRange()`, () => {
      const t = this._target();
      if (t && !t.ref)
        throw excelError(
          "InvalidArgument",
          "The argument is invalid: the name does not refer to a range.",
          "NamedItem.getRange"
        );
      return t?.ref ?? null;
    }) as never;
  }
  /** The range, or a null object. */
  getRangeOrNullObject(): Excel.Range {
    return new Range(
      this._ctx,
      `${this._path}.getRangeOrNullObject()`,
      () => this._target()?.ref ?? null,
      true
    ) as never;
  }
  /** Deletes the name. */
  delete(): void {
    this._queue("delete", undefined, (t) => this._model.removeName(t));
  }
}
defineProps(NamedItem);

/** `Excel.NamedItemCollection`. */
export class NamedItemCollection extends ClientCollection<NameModel[], NamedItem> {
  static props: Record<string, PropDef<NameModel[]>> = {};
  _list(): unknown[] {
    return this._model.names;
  }
  _proxy(path: string, resolve: () => unknown, nullable?: boolean): NamedItem {
    return new NamedItem(this._ctx, "NamedItem", path, resolve as never, nullable);
  }
  /** Adds a name for a range or a formula. */
  add(name: string, reference: Excel.Range | string, comment?: string): Excel.NamedItem {
    const args = {
      name,
      reference: typeof reference === "string" ? reference : "(range)",
      comment,
    };
    return this._added(JSON.stringify(name), args, () => {
      const ref =
        typeof reference === "string"
          ? reference
          : rangeArg(this._model, reference, null, "NamedItemCollection.add");
      return this._model.addName(name, ref, comment ?? "");
    }) as never;
  }
  /** Adds a name for a formula. */
  addFormulaLocal(name: string, formula: string, comment?: string): Excel.NamedItem {
    return this.add(name, formula, comment);
  }
  /** A name. */
  getItem(name: string): Excel.NamedItem {
    return this._lookup("getItem", name, () => this._model.findName(name)) as never;
  }
  /** A name, or a null object. */
  getItemOrNullObject(name: string): Excel.NamedItem {
    const find = () => this._model.findName(name);
    return this._lookup("getItemOrNullObject", name, find, true) as never;
  }
}
defineProps(NamedItemCollection);

/** `Excel.Setting`. */
export class Setting extends ClientObject<{ key: string }> {
  declare key: string;
  declare value: any;
  static props: Record<string, PropDef<{ key: string }>> = {
    key: { get: (t) => t.key },
    value: {
      get: (t, m) => clone(m.settings.get(t.key)),
      set: (t, v, m) => void m.settings.set(t.key, clone(v)),
    },
  };
  override _target(): { key: string } | null {
    const t = super._target();
    if (t && !this._model.settings.has(t.key)) throw notFound("Setting");
    return t;
  }
  /** Deletes the setting. */
  delete(): void {
    this._queue("delete", undefined, (t) => void this._model.settings.delete(t.key));
  }
}
defineProps(Setting);

/** Settings are stored as JSON in the file: what comes back is a copy, dates become text. */
function clone(v: unknown): unknown {
  return v === undefined ? null : JSON.parse(JSON.stringify(v));
}

/** `Excel.SettingCollection`. */
export class SettingCollection extends ClientCollection<Map<string, unknown>, Setting> {
  static props: Record<string, PropDef<Map<string, unknown>>> = {};
  _list(t: Map<string, unknown>): unknown[] {
    return [...t.keys()].map((key) => ({ key }));
  }
  _proxy(path: string, resolve: () => unknown, nullable?: boolean): Setting {
    return new Setting(this._ctx, "Setting", path, resolve as never, nullable);
  }
  /** Adds or replaces a setting. */
  add(key: string, value: unknown): Excel.Setting {
    return this._added(JSON.stringify(key), { key, value }, (t) => {
      if (typeof key !== "string" || key === "" || key.length > 255)
        throw excelError(
          "InvalidArgument",
          "The argument is invalid: setting key.",
          "SettingCollection.add"
        );
      const json = JSON.stringify(value ?? null);
      const total =
        [...t.entries()].reduce((n, [k, v]) => n + k.length + JSON.stringify(v).length, 0) +
        json.length;
      if (total > 2_000_000)
        throw excelError(
          "InvalidArgument",
          "The argument is invalid: settings are limited in size.",
          "SettingCollection.add"
        );
      t.set(key, JSON.parse(json));
      return { key };
    }) as never;
  }
  /** A setting (ItemNotFound when missing). */
  getItem(key: string): Excel.Setting {
    return this._lookup("getItem", key, (t) => (t.has(key) ? { key } : null)) as never;
  }
  /** A setting, or a null object. */
  getItemOrNullObject(key: string): Excel.Setting {
    const find = (t: Map<string, unknown>) => (t.has(key) ? { key } : null);
    return this._lookup("getItemOrNullObject", key, find, true) as never;
  }
}
defineProps(SettingCollection);
