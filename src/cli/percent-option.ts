import { UsageError } from './usage-error.js';

/** A percentage given on the command line (`20`, `20%`, `2.5 %`), as a number of percent. */
export function parsePercentOption(text: string, option: string): number {
    const match = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(text);
    if (!match) throw new UsageError(`${option} takes a percentage such as 20 or 2.5%, not '${text}'`);
    return Number(match[1]);
}
