import type { LangiumSharedServices } from 'langium/lsp';
import { formatYearlyMass, type YearlyFootprint } from '../../engine/index.js';

/**
 * The words the editor puts beside an object for its footprint (CodeLens, inlay hint, hover, graphs):
 * the yearly figure as every other surface writes it (mass-format.ts), or why there is none. Zero would
 * read as "free": an object no system counts, and a model that never evaluated, say so instead.
 */

/** An object with a footprint of its own that no system reaches: it counts in no total. */
export const NOT_COUNTED = 'not counted (not in any system)';

/** The document has not evaluated without errors yet: there is no figure to show. */
export const NOT_EVALUATED = 'not evaluated yet';

/** `419.8 kg CO2e/year`, or `not counted (not in any system)`. */
export function yearlyText(yearly: YearlyFootprint, massUnit = 'auto'): string {
    return yearly.kind === 'counted' ? formatYearlyMass(yearly.perYear, massUnit) : NOT_COUNTED;
}

/** The user's `efp.display.massUnit` (`auto` when unset or not a string), as the status bar reads it. */
export async function massUnitSetting(shared: LangiumSharedServices): Promise<string> {
    const display = await shared.workspace.ConfigurationProvider.getConfiguration('efp', 'display') as { massUnit?: unknown } | undefined;
    return typeof display?.massUnit === 'string' ? display.massUnit : 'auto';
}

/**
 * What is said of an object's yearly footprint from the model at hand: its figure, or that no system
 * counts it, except from a stale model (the last one that evaluated while the text has errors), which
 * may predate the system that now uses the object: there, "not counted" would be a guess, so nothing
 * is said until the text evaluates again.
 */
export function shownYearly(yearly: YearlyFootprint | undefined, stale: boolean): YearlyFootprint | undefined {
    return stale && yearly?.kind === 'not-counted' ? undefined : yearly;
}
