import { DEFAULT_SERIES_BUDGET_MB, type SeriesBudget } from '../../engine/index.js';
import { DataFileRefusal, limitFromEnvironment } from '../data-files.js';

const VARIABLE = 'EFP_MAX_SERIES_MB';

/**
 * The memory a model's hourly values may take, from EFP_MAX_SERIES_MB (512 MB by default): the engine
 * reads no environment, so the CLI and the language server give it this. A value that is not a positive
 * decimal number of MB is a DataFileRefusal (the CLI's usage error), never a limit read wrongly.
 */
export function seriesBudgetFromEnvironment(): SeriesBudget {
    return { bytes: limitFromEnvironment(VARIABLE, DEFAULT_SERIES_BUDGET_MB), raise: `set ${VARIABLE} to raise the limit (in MB)` };
}

/**
 * The budget for an evaluation in the editor, where a bad EFP_MAX_SERIES_MB cannot stop a command: said
 * in the log (`log`), once, and the default used.
 */
export function seriesBudgetOrDefault(log: (line: string) => void): SeriesBudget {
    try {
        return seriesBudgetFromEnvironment();
    } catch (e) {
        if (!(e instanceof DataFileRefusal)) throw e;
        if (!warned) log(`efp: ${e.message}; using the default of ${DEFAULT_SERIES_BUDGET_MB} MB. ${e.hint}`);
        warned = true;
        return { bytes: DEFAULT_SERIES_BUDGET_MB * 1024 * 1024, raise: `set ${VARIABLE} to raise the limit (in MB)` };
    }
}

let warned = false;
