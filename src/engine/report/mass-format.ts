import { formatNumber } from '../model/value-format.js';

/**
 * How every surface writes a mass of CO2e (the CLI, the language server's CodeLens, inlay hints and
 * hovers, the status bar, the dashboard and the diff): one rule, so that a footprint reads the same string
 * wherever it is shown.
 *
 * - The unit follows the magnitude: the largest of g, kg, t in which the figure is at least 1 (`420 kg`,
 *   not `420,000 g` or `0.42 t`). Tonnes are the largest unit chosen by itself: footprints are reported
 *   in t CO2e (GHG Protocol inventories, CSRD), and `3,655.5 t` reads where `3.655 kt` makes a table's
 *   smaller rows coarse (`0.225 kt`). Figures shown together (a table, a chart's axis, the two sides of a
 *   change) take the unit of the largest of them, so that they can be compared at a glance.
 * - The rounding keeps four significant digits of that figure, and at least one decimal (`419.8 kg`,
 *   `74.94 t`, `3,655.5 t`); the other figures of a table are written with the same decimals, so that
 *   their columns line up.
 * - The user's setting `efp.display.massUnit` (`auto` unless it names a unit: g, kg, t, kt or Mt) fixes
 *   the unit; the rounding still keeps four significant digits of the largest figure in it.
 * - A yearly figure is suffixed `CO2e/year` (`MASS_PER_YEAR`), one over a period `CO2e`.
 */

/** The mass units a setting may name, largest first, with how many kilograms each is. */
const MASS_UNITS: readonly (readonly [string, number])[] = [['Mt', 1e9], ['kt', 1e6], ['t', 1e3], ['kg', 1], ['g', 1e-3]];
/** The units the magnitude chooses among: up to tonnes, the unit footprints are reported in. */
const AUTO_UNITS = MASS_UNITS.filter(([, kg]) => kg <= 1e3);

/** Significant digits of a figure (or of a table's largest figure). */
const SIGNIFICANT_DIGITS = 4;
/** More decimals than this say nothing a reader can use (a figure far smaller than the unit the user chose). */
const MAX_DECIMALS = 6;

/** The suffix of a yearly mass of CO2e. */
export const PER_YEAR = 'CO2e/year';

/** How figures that are shown together are written: their unit, how many kilograms it is, and their decimals. */
export interface MassScale {
    readonly unit: string;
    readonly kg: number;
    readonly decimals: number;
}

/**
 * The scale of figures whose largest (in absolute value) is `largestKg`: the unit its magnitude calls
 * for (or the one `setting` names) and the decimals that keep four significant digits of it.
 */
export function massScale(largestKg: number, setting: string = 'auto'): MassScale {
    const abs = Number.isFinite(largestKg) ? Math.abs(largestKg) : 0;
    // rounded first: 999.96 kg is written 1.000 t, not 1,000.0 kg
    const rounded = abs === 0 ? 0 : Number(abs.toPrecision(SIGNIFICANT_DIGITS));
    const named = MASS_UNITS.find(([symbol]) => symbol === setting);
    const [unit, kg] = named ?? (rounded === 0 ? ['kg', 1] : AUTO_UNITS.find(([, f]) => rounded >= f) ?? ['g', 1e-3]);
    const value = rounded / kg;
    const decimals = value === 0 ? 0 : Math.min(MAX_DECIMALS, Math.max(1, SIGNIFICANT_DIGITS - 1 - Math.floor(Math.log10(value))));
    return { unit, kg, decimals };
}

/** The scale of several figures shown together: the one of the largest. */
export function massScaleOf(figuresKg: Iterable<number>, setting: string = 'auto'): MassScale {
    let largest = 0;
    for (const kg of figuresKg) if (Number.isFinite(kg)) largest = Math.max(largest, Math.abs(kg));
    return massScale(largest, setting);
}

/** The number of a mass in a scale (`419.8`), without a minus sign on a figure that rounds to zero. */
function massNumber(kg: number, scale: MassScale): string {
    const text = formatNumber(kg / scale.kg, scale.decimals);
    return isZeroText(text) ? text.replace('-', '') : text;
}

/** Whether a number as written is zero (`0.0`, `-0.00`). */
function isZeroText(text: string): boolean {
    return /^-?[0.,]+$/.test(text);
}

/** `419.8 kg`, `3,655.5 t`: a mass in its own scale, or in that of the figures it is shown with. */
export function formatMass(kg: number, scale: MassScale = massScale(kg)): string {
    return `${massNumber(kg, scale)} ${scale.unit}`;
}

/** `+170.5 t`, `−12.00 t` (a true minus sign, as savings are written), `0.0 t` for no change. */
export function signedMass(kg: number, scale: MassScale = massScale(kg)): string {
    const text = massNumber(Math.abs(kg), scale);
    if (isZeroText(text)) return `${text} ${scale.unit}`;
    return `${kg > 0 ? '+' : '−'}${text} ${scale.unit}`;
}

/** `419.8 kg CO2e/year`: a yearly footprint, in its own scale (unless the user's setting names a unit). */
export function formatYearlyMass(kgPerYear: number, setting: string = 'auto'): string {
    return `${formatMass(kgPerYear, massScale(kgPerYear, setting))} ${PER_YEAR}`;
}
