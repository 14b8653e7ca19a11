/**
 * jsdom lacks TextEncoder/TextDecoder, which the stand-in's formula engine needs: import this
 * first in a jsdom test that runs the stand-in.
 */
import { TextDecoder, TextEncoder } from "util";

Object.assign(globalThis, { TextEncoder, TextDecoder });
