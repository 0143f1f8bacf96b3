import type { FootprintCategory } from '../../engine/classes/class-spec.js';
import type { Model } from '../../engine/model/model.js';
import { diffInputs } from '../../engine/diff/input-diff.js';
import { change, type CategoryFootprintChange, type Change, type ObjectFootprintChange, type PeriodSummary, type PhaseChanges, type SystemFootprintDiff } from '../../engine/diff/footprint-diff.js';
import type { ModelDiff } from '../../engine/diff/model-diff.js';
import type { ScenarioResult } from '../../engine/scenarios/scenario-results.js';
import type { ObjectFootprintSummary, PhaseTotals, SystemFootprintSummary } from '../../engine/report/footprint-summary.js';

/**
 * A scenario against its baseline as a ModelDiff: the inputs from the two models (the scenario's with
 * its changes written in), the footprints from the scenario's own figures. With a simulation_date those
 * are the baseline's before the date and the recomputed values after it, which no single model has, so
 * engine/diff's `diffFootprints` (which summarises models) cannot give them; this compares the two
 * summaries the same way (its per-summary helper is private to footprint-diff.ts).
 */
export function scenarioDiff(result: ScenarioResult): ModelDiff | undefined {
    const scenarioModel: Model | undefined = result.simulation?.model;
    if (!scenarioModel) return undefined;
    const { matching: _matching, ...inputs } = diffInputs(result.baseline, scenarioModel);
    const systems = result.systems.map(s => systemDiff(s.baseline, s.scenario));
    const total = (pick: (s: SystemFootprintDiff) => Change) => change(
        systems.reduce((t, s) => t + pick(s).old, 0), systems.reduce((t, s) => t + pick(s).new, 0));
    const count = (kind: string) => inputs.objects.filter(o => o.change === kind).length;
    return {
        summary: {
            total: total(s => s.total),
            fabrication: total(s => s.fabrication),
            energy: total(s => s.energy),
            objects: { added: count('added'), removed: count('removed'), renamed: count('renamed'), changed: count('changed') },
            changedInputs: inputs.settings.length + inputs.objects
                .filter(o => o.change === 'changed' || o.change === 'renamed').reduce((n, o) => n + o.attributes.length, 0)
        },
        inputs,
        systems
    };
}

const ZERO: PhaseTotals = { fabrication: 0, energy: 0 };

function phaseChanges(o: PhaseTotals | undefined, n: PhaseTotals | undefined): PhaseChanges {
    const a = o ?? ZERO, b = n ?? ZERO;
    return {
        total: change(a.fabrication + a.energy, b.fabrication + b.energy),
        fabrication: change(a.fabrication, b.fabrication),
        energy: change(a.energy, b.energy)
    };
}

/** Largest change first, as engine/diff orders them; equal changes keep their order. */
function byChange<T extends PhaseChanges>(items: T[]): T[] {
    return items.map((item, i) => ({ item, i }))
        .sort((a, b) => Math.abs(b.item.total.change) - Math.abs(a.item.total.change) || a.i - b.i)
        .map(x => x.item);
}

function periodOf(s: SystemFootprintSummary): PeriodSummary {
    const plural = s.durationValue !== 1 && /^(year|month|week|day|hour)$/.test(s.durationUnit) ? 's' : '';
    return { start: new Date(s.periodStart * 3_600_000).toISOString().slice(0, 10), hours: s.hours, duration: `${s.durationValue} ${s.durationUnit}${plural}` };
}

/** One system, baseline against scenario (a scenario renames nothing: objects match by class and name). */
function systemDiff(o: SystemFootprintSummary, n: SystemFootprintSummary): SystemFootprintDiff {
    const categories = new Map<FootprintCategory, { o?: PhaseTotals; n?: PhaseTotals }>();
    for (const c of o.categories) categories.set(c.category, { o: c });
    for (const c of n.categories) categories.set(c.category, { ...categories.get(c.category), n: c });
    const key = (row: ObjectFootprintSummary) => `${row.className}|${row.id}`;
    const objects = new Map<string, { o?: ObjectFootprintSummary; n?: ObjectFootprintSummary }>();
    for (const row of n.objects) objects.set(key(row), { n: row });
    for (const row of o.objects) objects.set(key(row), { ...objects.get(key(row)), o: row });
    return {
        status: 'same',
        id: n.systemId,
        name: n.system,
        ...phaseChanges(o, n),
        perYear: change(o.perYear, n.perYear),
        oldPeriod: periodOf(o),
        newPeriod: periodOf(n),
        categories: byChange<CategoryFootprintChange>([...categories.entries()].map(([category, v]) => ({ category, ...phaseChanges(v.o, v.n) }))),
        objects: byChange<ObjectFootprintChange>([...objects.values()].map(({ o: a, n: b }) => {
            const row = (b ?? a)!;
            return {
                status: a && b ? 'same' as const : b ? 'added' as const : 'removed' as const,
                id: row.id,
                name: row.name,
                className: row.className,
                category: row.category,
                ...phaseChanges(a, b)
            };
        }))
    };
}
