import { diffUnit, type ModelDiff, signedMass } from '../../engine/presentation.js';
import type { MassUnitSetting } from '../dashboard/messages.js';
import type { MassUnit } from '../dashboard/summary-table.js';

export { mass, percent, signedMass } from '../../engine/presentation.js';

/** The unit `efp diff` uses for a whole report, unless `efp.display.massUnit` names one. */
export function diffMassUnit(diff: ModelDiff, setting: MassUnitSetting): MassUnit {
    return diffUnit(diff, setting);
}

/** `up`, `down` or `same`: the class that colours a change (an increase of CO2e is the bad news). */
export function direction(kg: number, unit: MassUnit): 'up' | 'down' | 'same' {
    const text = signedMass(kg, unit);
    return text.startsWith('+') ? 'up' : text.startsWith('−') ? 'down' : 'same';
}
