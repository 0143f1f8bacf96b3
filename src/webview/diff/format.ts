import { diffScales, type DiffScales, type MassScale, type ModelDiff, signedMass } from '../../engine/presentation.js';
import type { MassUnitSetting } from '../dashboard/messages.js';

export { changeText, formatMass, massScale, percent, signedMass } from '../../engine/presentation.js';

/** The scales `efp diff` uses for a report (its totals, its changes), in the unit of `efp.display.massUnit` when it names one. */
export function diffMassScales(diff: ModelDiff, setting: MassUnitSetting): DiffScales {
    return diffScales(diff, setting);
}

/** `up`, `down` or `same`: the class that colours a change (an increase of CO2e is the bad news). */
export function direction(kg: number, scale: MassScale): 'up' | 'down' | 'same' {
    const text = signedMass(kg, scale);
    return text.startsWith('+') ? 'up' : text.startsWith('−') ? 'down' : 'same';
}
