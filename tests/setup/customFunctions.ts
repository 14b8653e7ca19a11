import { installCustomFunctionsStub } from "./customFunctionsStub";

installCustomFunctionsStub(globalThis as unknown as Record<string, unknown>);
