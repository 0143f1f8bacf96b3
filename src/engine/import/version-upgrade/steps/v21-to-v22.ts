import { hypothesisQuantity } from '../hypothesis-quantity.js';
import { copyOf, objectsOf, type JsonRecord } from '../json.js';
import type { UpgradeStep } from '../upgrade-step.js';

/** The relations that became weighted in e-footprint 22, with the label e-footprint gives their weights. */
const WEIGHTED: ReadonlyArray<readonly [className: string, attribute: string, label: string]> = [
    ['UsageJourney', 'uj_steps', 'Times per journey'],
    ['UsageJourneyStep', 'jobs', 'Times per step'],
    ['RecurrentServerNeed', 'jobs', 'Times per occurrence']
];

/**
 * v21→22: a journey's `uj_steps`, a step's `jobs` and a recurrent server need's `jobs` become weighted dicts
 * `{id: {value: count, unit: dimensionless}}`; an id listed n times (the old way to repeat it) gets weight n,
 * at its first position.
 */
export const v21ToV22: UpgradeStep = {
    from: 21,
    summary: 'uj_steps and jobs lists become weighted dicts {id: times}, repeated ids counted into their weight',
    upgrade(input) {
        const root = copyOf(input);
        const notes: string[] = [];
        for (const [className, attribute, label] of WEIGHTED) {
            for (const [id, o] of objectsOf(root, className)) {
                const list = o[attribute];
                if (!Array.isArray(list)) continue;
                const counts = new Map<string, number>();
                for (const item of list) counts.set(String(item), (counts.get(String(item)) ?? 0) + 1);
                const weighted: JsonRecord = {};
                for (const [item, count] of counts) weighted[item] = hypothesisQuantity(count, 'dimensionless', label);
                o[attribute] = weighted;
                const repeated = [...counts].filter(([, n]) => n > 1).map(([item]) => item);
                if (className === 'UsageJourney' && repeated.length > 0) {
                    // e-footprint warns too: the repeated step's jobs now all start at its first position
                    notes.push(`UsageJourney ${JSON.stringify(id)}: steps ${repeated.map(s => JSON.stringify(s)).join(', ')} were listed more than once; `
                        + 'they are counted into one weighted entry at their first position, so their jobs run at that position\'s time (totals unchanged)');
                }
            }
        }
        return { root, notes };
    }
};
