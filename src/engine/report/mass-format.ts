import { formatNumber } from '../model/value-format.js';

/** Mass units for reports, largest first. */
const MASS_UNITS: Array<[string, number]> = [['Mt', 1e9], ['kt', 1e6], ['t', 1e3], ['kg', 1], ['g', 1e-3]];

/** The unit that shows `kg` (and smaller values next to it) with few digits. */
export function massUnitFor(kg: number): [string, number] {
    const abs = Math.abs(kg);
    return MASS_UNITS.find(([, f]) => abs >= f) ?? ['g', 1e-3];
}

/**
 * The unit of a report whose largest figure is `kg`: the one `efp eval` picks (it shows a thousandth of
 * the figure with a few significant digits), unless the user's setting (`efp.display.massUnit`) names one.
 */
export function reportMassUnit(kg: number, setting = 'auto'): [string, number] {
    return MASS_UNITS.find(([symbol]) => symbol === setting) ?? massUnitFor(kg / 1000);
}

/** `1,234.5 t CO2e`, in the unit chosen for the magnitude. */
export function formatMass(kg: number, unit: [string, number] = massUnitFor(kg), decimals = 1): string {
    return `${formatNumber(kg / unit[1], decimals)} ${unit[0]}`;
}
