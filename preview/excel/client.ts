/**
 * Excel's batching, reproduced: proxy objects queue operations; `context.sync()` sends them as
 * one request (counted, with its size in bytes), applies them in order, and fills what was
 * loaded. Reading a property that was neither loaded nor set throws PropertyNotLoaded; a member
 * the stand-in lacks throws "not implemented in the stand-in: …" instead of passing silently.
 */
import { excelError, notFound, notImplemented, notLoaded } from "./errors";
import type { WorkbookModel } from "./model";

/** Excel on the web refuses requests and responses over 5 MB. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** One `context.sync()` round trip. */
export interface RequestRecord {
  /** Size of the request: the queued operations as JSON (UTF-8 bytes). */
  readonly bytes: number;
  /** Size of what the sync returned: the loaded values as JSON. */
  responseBytes: number;
  /** Number of queued operations (property sets, method calls, loads). */
  readonly operations: number;
  /** Whether request or response exceeded Excel on the web's 5 MB. */
  overLimit: boolean;
}

/** State shared by every context of one stand-in. */
export interface Runtime {
  readonly model: WorkbookModel;
  readonly requests: RequestRecord[];
  /** "throw": over-limit requests fail as on Excel on the web; "record": only flagged. */
  readonly payloadLimit: "throw" | "record";
  /** Called after every sync (the preview re-renders). */
  readonly listeners: (() => void)[];
}

/** A queued operation. */
interface Op {
  readonly path: string;
  readonly action: string;
  readonly args?: unknown;
  /** Applies the operation; returns the response bytes it produced (loads). */
  run(): number | void;
}

const encoder = new TextEncoder();

/** Serializes operation arguments for the request size: proxies become their paths. */
function jsonArgs(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (_k, v) => (v instanceof ClientObject ? { $ref: v._path } : v)) ?? "null"
  );
}

/** `Excel.RequestContext`. */
export class RequestContext {
  readonly _rt: Runtime;
  _ops: Op[] = [];
  _nullables: ClientObject<unknown>[] = [];
  _closed = false;
  /** `context.workbook` (set by the stand-in's factory). */
  workbook!: unknown;
  /** office.js keeps proxies it must follow across syncs; the stand-in follows all of them. */
  readonly trackedObjects = {
    add: (): void => undefined,
    remove: (): void => undefined,
  };
  /** Debug aid in office.js; harmless here. */
  readonly debugInfo = {};

  constructor(rt: Runtime) {
    this._rt = rt;
  }

  /** `context.application` (= workbook.application). */
  get application(): unknown {
    return (this.workbook as { application: unknown }).application;
  }

  _enqueue(op: Op): void {
    if (this._closed) {
      throw excelError(
        "InvalidObjectPath",
        `The object path '${op.path}' isn't working for what you're trying to do. If you're using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object's lifetime.`
      );
    }
    this._ops.push(op);
  }

  /**
   * Sends the queued operations as one request and applies them in order. The first failing
   * operation rejects the sync with its Excel error; operations before it stay applied and those
   * after it are dropped, as in Excel.
   *
   * @returns a promise that resolves when the batch is applied
   */
  async sync(): Promise<void> {
    const ops = this._ops;
    this._ops = [];
    const nullables = this._nullables;
    this._nullables = [];
    const body = JSON.stringify(
      ops.map((o) =>
        o.args === undefined
          ? { o: o.path, a: o.action }
          : { o: o.path, a: o.action, v: jsonArgs(o.args) }
      )
    );
    const record: RequestRecord = {
      bytes: encoder.encode(body).length,
      responseBytes: 0,
      operations: ops.length,
      overLimit: false,
    };
    record.overLimit = record.bytes > PAYLOAD_LIMIT;
    this._rt.requests.push(record);
    await Promise.resolve();
    if (record.overLimit && this._rt.payloadLimit === "throw") {
      throw excelError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${record.bytes} bytes > 5 MB). Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".`
      );
    }
    const model = this._rt.model;
    model.engine.suspend();
    let response = 0;
    try {
      for (const op of ops) {
        const r = op.run();
        if (typeof r === "number") response += r;
      }
    } finally {
      model.engine.resume();
      model.calculationSuspended = false;
      for (const n of nullables) n._settleNull();
      for (const l of this._rt.listeners) l();
    }
    record.responseBytes = response;
    if (response > PAYLOAD_LIMIT) {
      record.overLimit = true;
      if (this._rt.payloadLimit === "throw") {
        throw excelError(
          "ResponsePayloadSizeLimitExceeded",
          `The response payload size has exceeded the limit (${response} bytes > 5 MB).`
        );
      }
    }
  }
}

/** A property of a proxy class: how to read it from, and write it to, the model. */
export interface PropDef<T> {
  get?(target: T, model: WorkbookModel): unknown;
  set?(target: T, value: unknown, model: WorkbookModel): void;
}

const PASS = new Set([
  "then",
  "toJSON",
  "constructor",
  "asymmetricMatch",
  "$$typeof",
  "nodeType",
  "tagName",
  "inspect",
  "toString",
  "valueOf",
  "length",
  "prototype",
]);

const HANDLER: ProxyHandler<object> = {
  get(target, prop, receiver) {
    if (
      typeof prop === "symbol" ||
      prop in target ||
      PASS.has(prop) ||
      prop.startsWith("_") ||
      prop.startsWith("@@")
    ) {
      return Reflect.get(target, prop, receiver);
    }
    throw notImplemented(`${(target as { _type: string })._type}.${prop}`);
  },
  set(target, prop, value, receiver) {
    if (typeof prop === "symbol" || prop in target || prop.startsWith("_"))
      return Reflect.set(target, prop, value, receiver);
    throw notImplemented(`${(target as { _type: string })._type}.${prop} (set)`);
  },
};

/** Parses load()'s argument into property paths ("values", "format/fill/color"). */
export function loadPaths(arg: unknown): string[] | null {
  if (arg === undefined || arg === null) return null;
  if (typeof arg === "string")
    return arg
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap((a) => loadPaths(a) ?? []);
  if (typeof arg === "object") {
    const o = arg as Record<string, unknown>;
    if ("select" in o || "expand" in o) {
      return [...(loadPaths(o.select) ?? []), ...(loadPaths(o.expand) ?? [])];
    }
    const out: string[] = [];
    for (const [k, v] of Object.entries(o)) {
      if (k === "$all") continue;
      if (v === true) out.push(k);
      else if (v && typeof v === "object") {
        const inner = loadPaths(v);
        if (inner && inner.length) out.push(...inner.map((p) => `${k}/${p}`));
        else out.push(k);
      }
    }
    return out;
  }
  throw excelError(
    "InvalidArgument",
    "The argument is invalid: load() takes a string, an array or an options object."
  );
}

/**
 * The base of every proxy. `T` is what the proxy resolves to in the model at sync time.
 * Internal members start with "_" (the loud-member guard lets them through).
 */
export abstract class ClientObject<T> {
  _ctx: RequestContext;
  _path: string;
  _type: string;
  _resolver: () => T | null;
  _bound: T | null | undefined = undefined;
  _nullable: boolean;
  _local: Record<string, unknown> = {};
  _isNull: boolean | undefined = undefined;

  constructor(
    ctx: RequestContext,
    type: string,
    path: string,
    resolver: () => T | null,
    nullable = false
  ) {
    this._ctx = ctx;
    this._type = type;
    this._path = path;
    this._resolver = resolver;
    this._nullable = nullable;
    const proxy = new Proxy(this, HANDLER) as this;
    if (nullable) ctx._nullables.push(proxy as ClientObject<unknown>);
    return proxy;
  }

  /** The property table of the class. */
  _props(): Record<string, PropDef<T>> {
    return (this.constructor as unknown as { props?: Record<string, PropDef<T>> }).props ?? {};
  }

  /** Names of navigation properties (child proxies) for load paths. */
  _children(): readonly string[] {
    return (this.constructor as unknown as { children?: readonly string[] }).children ?? [];
  }

  get _model(): WorkbookModel {
    return this._ctx._rt.model;
  }

  /** Resolves the proxy (at sync time): the model object, or null for a null object. */
  _target(): T | null {
    if (this._bound === undefined) {
      const t = this._resolver();
      if (t === null && !this._nullable) throw notFound(this._type);
      this._bound = t;
    }
    const b = this._bound as unknown as { deleted?: boolean; sheet?: { deleted?: boolean } } | null;
    if (b && (b.deleted || (b.sheet && b.sheet.deleted))) throw notFound(this._type);
    return this._bound;
  }

  /** After a sync, a nullable proxy knows whether it is null. */
  _settleNull(): void {
    try {
      this._isNull = this._target() === null;
    } catch {
      this._isNull = true;
    }
  }

  /** Queues an operation on this object (skipped on a null object, as Excel does). */
  _queue(action: string, args: unknown, run: (t: T) => number | void): void {
    this._ctx._enqueue({
      path: this._path,
      action,
      args,
      run: () => {
        const t = this._target();
        if (t === null) return 0;
        return run(t);
      },
    });
  }

  /** True when Excel found nothing for a ...OrNullObject call (known after a sync). */
  get isNullObject(): boolean {
    if (this._isNull === undefined) {
      if (!this._nullable) return false;
      throw notLoaded("isNullObject", this._type);
    }
    return this._isNull;
  }

  /** Reads a property: loaded or set locally, else PropertyNotLoaded. */
  _get(name: string): unknown {
    if (Object.prototype.hasOwnProperty.call(this._local, name)) return this._local[name];
    if (this._isNull) return null;
    throw notLoaded(name, this._type);
  }

  /** Sets a property: remembered locally, applied at sync. */
  _set(name: string, value: unknown): void {
    const def = this._props()[name];
    if (!def?.set) {
      throw excelError(
        "InvalidArgument",
        `The property '${name}' is read-only.`,
        `${this._type}.${name}`
      );
    }
    this._local[name] = value;
    this._queue(`set ${name}`, { [name]: value }, (t) =>
      def.set!(t, unwrapDeep(value), this._model)
    );
  }

  /** Reads properties now (inside a sync) into the local copy; returns the response bytes. */
  _loadNow(paths: string[] | null): number {
    const t = this._target();
    if (t === null) {
      this._isNull = true;
      return 4;
    }
    const props = this._props();
    const names = paths ?? Object.keys(props).filter((k) => props[k].get);
    let bytes = 0;
    for (const p of names) {
      const slash = p.indexOf("/");
      const head = slash < 0 ? p : p.slice(0, slash);
      const rest = slash < 0 ? null : [p.slice(slash + 1)];
      if (this._children().includes(head)) {
        const child = (this as unknown as Record<string, ClientObject<unknown>>)[head];
        bytes += child._loadNow(rest);
        continue;
      }
      const def = props[head];
      if (!def?.get) throw notImplemented(`${this._type}.${head} (load)`);
      const v = def.get(t, this._model);
      this._local[head] = v;
      bytes += encoder.encode(JSON.stringify(v) ?? "null").length + head.length + 4;
    }
    if (this._nullable) this._isNull = false;
    return bytes;
  }

  /**
   * Queues a load of properties ("values, address", ["values"], "format/fill/color",
   * { select, expand }, or nothing for every scalar property).
   *
   * @param arg what to load
   * @returns this proxy
   */
  load(arg?: unknown): this {
    const paths = loadPaths(arg);
    this._queue("load", paths ?? "*", () => this._loadNow(paths));
    if (this._nullable && (this._isNull === undefined || this._isNull)) {
      // isNullObject is answered by the same sync.
      this._ctx._nullables.push(this as unknown as ClientObject<unknown>);
    }
    return this;
  }

  /** Sets several properties at once (`range.set({ values, format: { font: { bold } } })`). */
  set(properties: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(properties)) {
      if (this._children().includes(k) && v && typeof v === "object") {
        (this as unknown as Record<string, ClientObject<unknown>>)[k].set(
          v as Record<string, unknown>
        );
      } else {
        (this as unknown as Record<string, unknown>)[k] = v;
      }
    }
  }

  /** The loaded properties as plain data (children included when loaded). */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(this._local)) {
      out[k] =
        Array.isArray(v) && v.every((x) => x instanceof ClientObject)
          ? v.map((x: ClientObject<unknown>) => x.toJSON())
          : v;
    }
    for (const c of this._children()) {
      const desc = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(this), c);
      if (!desc) continue;
      const child = (this as unknown as Record<string, ClientObject<unknown>>)[c];
      const json = child instanceof ClientObject ? child.toJSON() : {};
      if (Object.keys(json).length) out[c] = json;
    }
    return out;
  }

  /** office.js stops tracking; nothing to release here. */
  untrack(): this {
    return this;
  }

  /** office.js starts tracking; every proxy is followed here anyway. */
  track(): this {
    return this;
  }
}

/** Replaces proxies inside a value by what they resolve to (inside a sync). */
export function unwrapDeep(value: unknown): unknown {
  if (value instanceof ClientObject) return value._target();
  if (Array.isArray(value)) return value;
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = unwrapDeep(v);
    return out;
  }
  return value;
}

/** Defines accessors for a class's props on its prototype (values go through _get/_set). */
export function defineProps(cls: { prototype: object; props: Record<string, unknown> }): void {
  for (const name of Object.keys(cls.props)) {
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      enumerable: false,
      get(this: ClientObject<unknown>) {
        return this._get(name);
      },
      set(this: ClientObject<unknown>, v: unknown) {
        this._set(name, v);
      },
    });
  }
}

/** `OfficeExtension.ClientResult`: a value known after the next sync. */
export class ClientResult<T> {
  _value: T | undefined;
  _ready = false;

  /** The result (PropertyNotLoaded before the sync). */
  get value(): T {
    if (!this._ready) throw notLoaded("value", "ClientResult");
    return this._value as T;
  }
}

/** Result helper for methods that return a value after sync. */
export function resultOf<T>(
  owner: ClientObject<unknown>,
  action: string,
  args: unknown,
  compute: () => T
): ClientResult<T> {
  const result = new ClientResult<T>();
  owner._queue(action, args, () => {
    result._value = compute();
    result._ready = true;
    return encoder.encode(JSON.stringify(result._value) ?? "null").length;
  });
  return result;
}
