import { UsageError } from './usage-error.js';
import { readDecimal } from '../engine/index.js';

/** A percentage given on the command line (`20`, `20%`, `2.5 %`), as a number of percent: decimal, not negative. */
export function parsePercentOption(text: string, option: string): number {
    const read = readDecimal(text.replace(/%\s*$/, ''));
    if (!read.ok || read.value < 0) throw new UsageError(`${option} takes a percentage such as 20 or 2.5%, not '${text}'`);
    return read.value;
}
