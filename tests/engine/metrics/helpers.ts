import { Stage } from "../../../src/engine/stages";

/** Stage codes from letters: W won, L lost, O open, _ blank. */
export function st(codes: string): Uint8Array {
  const map: Record<string, Stage> = { W: Stage.Won, L: Stage.Lost, O: Stage.Open, _: Stage.Blank };
  return Uint8Array.from(codes.split(""), (c) => map[c]);
}
