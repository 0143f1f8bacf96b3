import type { CalculatedSpec, ClassSpec, RefInputSpec } from '../../model/class-spec.js';
import { itemOf, mapItems, valueOf, positionsOf } from '../../formulas/formula-values.js';
import { nodeOf } from '../../formulas/operands.js';
import { parallelNodes } from './edge-component.js';
import { EMPTY, hourly, sum, ValueError, type NumericValue } from '../../model/values.js';
import { HourlySeries } from '../../series/hourly-series.js';
import { HOURS_IN_WEEK, hourOfWeek } from '../../series/typical-week.js';
import { weekOverPattern } from './week-over-pattern.js';
import { multiplySeries } from '../../series/hourly-series.js';
import { newValues } from '../../series/series-memory.js';
import { isStorageNeed, isWorkloadComponent, needUnit } from './component-units.js';

/** Bits in a terabyte: e-footprint sums stored volumes in TB, in float32. */
const BITS_PER_TB = 8e12;

/** The component a need is placed on. */
export const edgeComponentInput: RefInputSpec = {
    type: 'ref', name: 'edge_component', label: 'Edge component', classes: ['EdgeComponent'],
    description: 'The component the need loads; the need is counted in its unit (cores, RAM, stored bytes, or a 0-1 workload).'
};

/**
 * The calculations every component need shares, after its `recurrent_need` (an input, or for a process's
 * needs a copy of the process's profile). A storage need's values are a write rate (negative: deletion), so
 * it also sums them into the volume held, and its total is that volume on every deployed device.
 */
export const componentNeedCalculations: readonly CalculatedSpec[] = [
    {
        name: 'recurrent_need_validation', label: 'Validated recurrent need', unit: '', unitOf: needUnit,
        define(need) {
            const week = nodeOf(need, 'recurrent_need');
            const workload = isWorkloadComponent(need.ref('edge_component'));
            return {
                operands: { recurrent_need: week },
                formula: workload ? 'recurrent_need, checked to be between 0 and 1' : 'recurrent_need, checked to be in its component\'s unit',
                compute() {
                    const v = valueOf(week);
                    if (workload && v.kind === 'hourly' && (v.series.min() < 0 || v.series.max() > 1)) {
                        throw new ValueError(`a workload is a share of the component: its values must be between 0 and 1, found ${v.series.min()} to ${v.series.max()}`);
                    }
                    return v;
                }
            };
        }
    },
    {
        // the typical week replayed over the hours devices are deployed, in the pattern's local week,
        // times the number of times the need appears in the pattern's journey
        name: 'unitary_hourly_need_per_usage_pattern', label: 'Unitary hourly need', unit: '', unitOf: needUnit,
        itemLabel: p => `Unitary hourly need for ${p.name}`,
        define(need, model) {
            const patterns = model.relations.edge.patternsOfNeed(need);
            const at = positionsOf(patterns);
            const week = nodeOf(need, 'recurrent_need');
            const parallel = parallelNodes(patterns);
            const storage = isStorageNeed(need);
            return {
                operands: { recurrent_need: week, nb_edge_usage_journeys_in_parallel_per_edge_usage_pattern: parallel },
                formula: 'recurrent_need replayed week after week over nb_edge_usage_journeys_in_parallel_per_edge_usage_pattern\'s hours (local week, then UTC) × occurrences of the need in the journey'
                    + (storage ? ', 0 before the first Monday 00:00' : ''),
                compute() {
                    const w = valueOf(week);
                    return mapItems(patterns, p => {
                        const nb = itemOf(parallel[at.get(p)!], p);
                        const utc = weekOverPattern(w, nb, p, model.relations.edge.occurrencesOfNeed(need, p));
                        if (!utc || w.kind !== 'hourly' || nb.kind !== 'hourly') return EMPTY;
                        if (!storage) return hourly(utc, w.dimension);
                        // a week that starts mid-week would delete what it never wrote: e-footprint starts storing on the first Monday
                        const out = newValues(utc.length, false);
                        for (let i = 0; i < out.length; i++) out[i] = utc.base[i] * utc.factor;
                        out.fill(0, 0, Math.min(out.length, (HOURS_IN_WEEK - hourOfWeek(nb.series.start)) % HOURS_IN_WEEK));
                        return hourly(new HourlySeries(utc.start, out), w.dimension);
                    });
                }
            };
        }
    },
    {
        name: 'cumulative_unitary_storage_need_per_usage_pattern', label: 'Cumulative unitary storage need', unit: 'TB_stored',
        itemLabel: p => `Cumulative unitary storage need for ${p.name}`,
        define(need, model) {
            const rate = nodeOf(need, 'unitary_hourly_need_per_usage_pattern');
            // only a storage need's values are a rate to sum (e-footprint's RecurrentEdgeStorageNeed)
            const patterns = isStorageNeed(need) ? model.relations.edge.patternsOfNeed(need) : [];
            return {
                operands: { unitary_hourly_need_per_usage_pattern: rate },
                formula: 'running sum of unitary_hourly_need_per_usage_pattern (in TB, float32 as e-footprint)',
                compute: () => mapItems(patterns, p => {
                    const r = itemOf(rate, p);
                    return r.kind === 'hourly' ? hourly(runningSumInTB(r.series), r.dimension) : EMPTY;
                })
            };
        }
    },
    {
        name: 'total_hourly_need_across_usage_patterns', label: 'Total hourly need across usage patterns', unit: '',
        // e-footprint's unit: the need's times the devices in parallel (pint keeps `concurrent`)
        unitOf: need => {
            const unit = isStorageNeed(need) ? 'TB_stored' : needUnit(need);
            return unit === 'concurrent' ? 'concurrent^2' : unit ? `concurrent*${unit}` : undefined;
        },
        define(need, model) {
            const patterns = model.relations.edge.patternsOfNeed(need);
            const storage = isStorageNeed(need);
            const perDevice = nodeOf(need, storage ? 'cumulative_unitary_storage_need_per_usage_pattern' : 'unitary_hourly_need_per_usage_pattern');
            const parallel = parallelNodes(patterns);
            return {
                operands: { [perDevice.attribute]: perDevice, nb_edge_usage_journeys_in_parallel_per_edge_usage_pattern: parallel },
                formula: `Σ over edge usage patterns of ${perDevice.attribute} × nb_edge_usage_journeys_in_parallel_per_edge_usage_pattern`,
                compute: () => sum(patterns.map((p, i): NumericValue => {
                    const a = itemOf(perDevice, p), b = itemOf(parallel[i], p);
                    if (a.kind !== 'hourly' || b.kind !== 'hourly') return EMPTY;
                    return hourly(multiplySeries(a.series, b.series), a.dimension);
                }))
            };
        }
    }
];

/** A storage rate's running sum, accumulated in float32 terabytes as e-footprint does, back in bits. */
function runningSumInTB(rate: HourlySeries): HourlySeries {
    const v = rate.values;
    const out = newValues(v.length, false);
    let acc = 0;
    for (let i = 0; i < v.length; i++) {
        acc = Math.fround(acc + Math.fround(v[i] / BITS_PER_TB));
        out[i] = acc * BITS_PER_TB;
    }
    return new HourlySeries(rate.start, out);
}

/** A week-long recurrent load on one edge component, replayed for as long as devices are deployed. */
export const RecurrentEdgeComponentNeed: ClassSpec = {
    className: 'RecurrentEdgeComponentNeed',
    extends: ['ModelingObject'],
    keyword: 'recurrent_edge_component_need',
    article: 'a recurrent edge component need',
    description: 'A typical week of load on one edge component (cores, RAM, a 0-1 workload), replayed while devices are deployed.',
    typicalInputs: ['edge_component', 'recurrent_need'],
    inputs: [
        edgeComponentInput,
        {
            type: 'hourly', weekly: true, name: 'recurrent_need', label: 'Recurrent need', unit: '', unitOf: needUnit,
            description: 'The load over a typical week, hour by hour from Monday 00:00 local time: weekly_values([…]) * 1 unit, or one value for every hour.'
        }
    ],
    // e-footprint's RecurrentEdgeStorageNeed (a subclass) adds the running sum; here the need's component decides
    calculated: componentNeedCalculations
};
