/**
 * `ClientCollection`, the one collection proxy: a collection declares `_list` (its model objects)
 * and `_proxy` (its item class) and gets `items`, `getCount`, `_lookup`, `_at` and `_added`.
 */
import { ClientObject, ClientResult, loadPaths } from "./client";
import { notFound } from "./errors";

/**
 * Base of collections: `items` after load (with the requested properties of each item),
 * `getCount()`.
 */
export abstract class ClientCollection<T, I extends ClientObject<unknown>> extends ClientObject<T> {
  /** The model objects of the collection, in order. */
  abstract _list(t: T): unknown[];
  /** A proxy of the item class at a path, resolving (at sync time) to a model object or null. */
  abstract _proxy(path: string, resolve: () => unknown, nullable?: boolean): I;

  /** A proxy bound to one model object (an entry of `items`). */
  _item(obj: unknown, index: number): I {
    return this._proxy(`${this._path}.items[${index}]`, () => obj);
  }

  /**
   * The one lookup behind getItem / getItemOrNullObject / getItemAt: `find` runs at sync time
   * on the collection's model object; nothing found is ItemNotFound (`Type.method`), or a null
   * object when `nullable`.
   *
   * @param method the API method, for the path and the error location
   * @param key what was asked for (the path shows it)
   * @param find the model object for the key, or undefined/null
   * @param nullable whether this is an ...OrNullObject call
   * @returns the item proxy
   */
  _lookup(method: string, key: unknown, find: (t: T) => unknown, nullable = false): I {
    return this._proxy(
      `${this._path}.${method}(${JSON.stringify(key)})`,
      () => {
        const t = this._target();
        if (t === null) return null;
        const found = find(t);
        if (found !== undefined && found !== null) return found;
        if (nullable) return null;
        throw notFound(`${this._type}.${method}`);
      },
      nullable
    );
  }

  /** getItemAt(index): the item at a 0-based position of `_list`. */
  _at(index: number): I {
    return this._lookup("getItemAt", index, (t) => (index >= 0 ? this._list(t)[index] : undefined));
  }

  /**
   * An add(...) method: queues `create` (which returns the new model object) and returns a proxy
   * of the item it made.
   *
   * @param label what the path shows inside `add(…)`
   * @param args the operation's arguments (counted in the request size)
   * @param create makes the model object at sync time
   * @returns the new item's proxy
   */
  _added(label: string, args: unknown, create: (t: T) => unknown): I {
    let made: unknown = null;
    const item = this._proxy(`${this._path}.add(${label})`, () => made);
    this._queue("add", args, (t) => {
      made = create(t);
    });
    return item;
  }

  /** The loaded items. */
  get items(): I[] {
    return this._get("items") as I[];
  }

  override load(arg?: unknown): this {
    const raw = loadPaths(arg);
    const paths =
      raw === null
        ? null
        : raw.map((p) => (p.startsWith("items/") ? p.slice(6) : p)).filter((p) => p !== "items");
    const own = this._props();
    const itemPaths = paths === null ? null : paths.filter((p) => !(p in own));
    const ownPaths = paths === null ? [] : paths.filter((p) => p in own);
    this._queue("load", paths ?? "*", (t) => {
      let bytes = ownPaths.length ? super._loadNow(ownPaths) : 0;
      const items = this._list(t).map((o, i) => {
        const item = this._item(o, i);
        item._bound = o as never;
        bytes += item._loadNow(
          itemPaths && itemPaths.length ? itemPaths : itemPaths === null ? null : []
        );
        return item;
      });
      this._local.items = items;
      return bytes;
    });
    return this;
  }

  /** Number of items, known after the next sync. */
  getCount(): ClientResult<number> {
    const result = new ClientResult<number>();
    this._queue("getCount", undefined, (t) => {
      result._value = this._list(t).length;
      result._ready = true;
      return 8;
    });
    return result;
  }

  override toJSON(): Record<string, unknown> {
    const json = super.toJSON();
    return "items" in json ? { ...json, items: json.items } : json;
  }
}
