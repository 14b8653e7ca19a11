/**
 * Named items of the model (workbook scope): add, delete, formula, value, type.
 */
import { formatAddress, parseAddress } from "../address";
import { excelError } from "../errors";
import { StructureModel } from "./structure";
import { LOOKS_LIKE_CELL, NameModel, RangeRef, TABLE_NAME, toExcelValue } from "./types";

/** Named items. */
export abstract class NamesModel extends StructureModel {
  // ---------------------------------------------------------------- names

  /** Finds a named item. */
  findName(name: string): NameModel | undefined {
    const n = name.toLowerCase();
    return this.names.find((x) => x.name.toLowerCase() === n);
  }

  /** NamedItemCollection.add(name, reference, comment). */
  addName(name: string, reference: RangeRef | string, comment = ""): NameModel {
    if (typeof name !== "string" || !TABLE_NAME.test(name) || LOOKS_LIKE_CELL.test(name)) {
      throw excelError(
        "InvalidArgument",
        `The argument is invalid or missing or has an incorrect format: name '${name}'.`,
        "NamedItemCollection.add"
      );
    }
    if (this.findName(name) || this.findTable(name)) {
      throw excelError(
        "ItemAlreadyExists",
        "A resource with the same name or identifier already exists.",
        "NamedItemCollection.add"
      );
    }
    let formula: string;
    let ref: RangeRef | null = null;
    if (typeof reference === "string") {
      formula = reference.startsWith("=") ? reference : `=${reference}`;
      try {
        const p = parseAddress(formula.slice(1));
        if (p.sheet !== undefined)
          ref = { sheet: this.sheet(p.sheet, "NamedItemCollection.add"), rect: p };
      } catch (e) {
        if ((e as { code?: string }).code === "ItemNotFound") throw e;
        ref = null;
      }
      if (ref) formula = `=${formatAddress(ref.rect, ref.sheet.name, true)}`;
    } else {
      ref = reference;
      formula = `=${formatAddress(ref.rect, ref.sheet.name, true)}`;
    }
    try {
      this.engine.beforeChange();
      this.engine.hf.addNamedExpression(name, formula);
    } catch (e) {
      throw excelError(
        "InvalidArgument",
        `The argument is invalid: ${(e as Error).message}`,
        "NamedItemCollection.add"
      );
    }
    const item: NameModel = { name, formula, ref, visible: true, comment };
    this.names.push(item);
    return item;
  }

  /** NamedItem.delete(). */
  removeName(item: NameModel): void {
    this.engine.beforeChange();
    this.engine.hf.removeNamedExpression(item.name);
    this.names = this.names.filter((n) => n !== item);
  }

  /** NamedItem.formula = …. */
  setNameFormula(item: NameModel, formula: string): void {
    const text = formula.startsWith("=") ? formula : `=${formula}`;
    this.engine.beforeChange();
    this.engine.hf.changeNamedExpression(item.name, text);
    item.formula = text;
    try {
      const p = parseAddress(text.slice(1));
      item.ref = p.sheet !== undefined ? { sheet: this.sheet(p.sheet), rect: p } : null;
    } catch {
      item.ref = null;
    }
  }

  /** NamedItem.value: the address for ranges, else the computed value. */
  nameValue(item: NameModel): unknown {
    if (item.ref) return formatAddress(item.ref.rect, item.ref.sheet.name, true);
    return toExcelValue(this.engine.namedValue(item.name));
  }

  /** Type of a named item, as Excel.NamedItemType. */
  nameType(item: NameModel): string {
    if (item.ref) return "Range";
    const v = this.nameValue(item);
    if (typeof v === "number") return Number.isInteger(v) ? "Integer" : "Double";
    if (typeof v === "boolean") return "Boolean";
    if (typeof v === "string" && v.startsWith("#")) return "Error";
    return "String";
  }
}
