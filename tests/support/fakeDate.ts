/**
 * Jest fake timers that fake only the clock: what `doNotFake` lists, so `new Date()` and
 * `Date.now()` return the test's day while timers, microtasks and `performance` run for real
 * (the stand-in's syncs and React's effects need them).
 */

/** Everything jest can fake except `Date`, for `jest.useFakeTimers({ doNotFake })`. */
export const ALL_BUT_DATE = [
  "nextTick",
  "setImmediate",
  "setTimeout",
  "setInterval",
  "clearTimeout",
  "clearInterval",
  "clearImmediate",
  "queueMicrotask",
  "hrtime",
  "performance",
] as const;

/**
 * Fakes only the clock, at the given moment.
 *
 * @param now the moment `new Date()` returns until `jest.setSystemTime` moves it
 * @example
 * fakeDateOnly(new Date(2026, 10, 2, 9, 0));
 */
export function fakeDateOnly(now: Date): void {
  jest.useFakeTimers({ now, doNotFake: [...ALL_BUT_DATE] });
}
