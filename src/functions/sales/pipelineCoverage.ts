import { readNumberArg } from "../../engine/cells";
import { isError } from "../../engine/errors";
import { pipelineCoverage } from "../../engine/metrics/pipelineCoverage";
import { excel } from "../adapter";

/**
 * Pipeline coverage: open pipeline ÷ quota still to close (quota − closed won).
 * @customfunction PIPELINE_COVERAGE
 * @param open_pipeline Open pipeline for the period (e.g. SALES.PIPELINE_VALUE(...)).
 * @param quota The period's quota (more than 0; 0 gives #DIV/0!).
 * @param [closed_won] Amount already won in the period; 0 when omitted.
 * @returns Coverage ratio (3 = three times what is left to close); #N/A when the quota is already met.
 * @example =SALES.PIPELINE_COVERAGE(B2, 250000, B3)
 */
export function pipelineCoverageFunction(open_pipeline: any, quota: any, closed_won?: any): number {
  return excel(() => {
    const pipeline = readNumberArg(open_pipeline, "open_pipeline");
    if (isError(pipeline)) return pipeline;
    const target = readNumberArg(quota, "quota");
    if (isError(target)) return target;
    const won = readNumberArg(closed_won, "closed_won", 0);
    if (isError(won)) return won;
    return pipelineCoverage(pipeline, target, won);
  });
}
