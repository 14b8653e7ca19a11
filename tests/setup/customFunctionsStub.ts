/**
 * A faithful-enough `CustomFunctions` global for Node: the Error class with Excel's error codes
 * (message kept only where Excel shows one) and an `associate` that records registrations.
 */

/** Excel's custom-function error codes, as office.js defines them. */
export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

/** The stub of `CustomFunctions.Error`. */
export class CustomFunctionsError extends Error {
  readonly code: string;
  constructor(code: string, message?: string) {
    super(message ?? code);
    this.name = "CustomFunctions.Error";
    this.code = code;
    this.message = message ?? "";
  }
}

/** What the stub records: function id → implementation. */
export type Registry = Map<string, (...args: unknown[]) => unknown>;

/**
 * Installs the stub on a global object.
 *
 * @param target usually globalThis
 * @returns the registry that `associate` fills
 * @example
 * const registry = installCustomFunctionsStub(globalThis);
 */
export function installCustomFunctionsStub(target: Record<string, unknown>): Registry {
  const registry: Registry = new Map();
  target.CustomFunctions = {
    Error: CustomFunctionsError,
    ErrorCode,
    associate(
      id: string | Record<string, (...args: unknown[]) => unknown>,
      fn?: (...args: unknown[]) => unknown
    ) {
      if (typeof id === "string" && fn) registry.set(id, fn);
      else if (typeof id === "object") for (const [k, v] of Object.entries(id)) registry.set(k, v);
    },
  };
  return registry;
}
