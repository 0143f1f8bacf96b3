import { isTimeseries, ramUnitV13 } from '../byte-units.js';
import { isSubclassOf } from '../efootprint-classes.js';
import { classEntries, copyOf, isRecord, type JsonRecord } from '../json.js';
import type { UpgradeStep } from '../upgrade-step.js';

/** Series counted in e-footprint 13's new units: starts are `occurrence`s (summed), a workload is `concurrent` (averaged). */
const COUNT_SERIES: ReadonlyArray<{ className: string; attribute: string; unit: string }> = [
    { className: 'UsagePattern', attribute: 'hourly_usage_journey_starts', unit: 'occurrence' },
    { className: 'EdgeUsagePattern', attribute: 'hourly_edge_usage_journey_starts', unit: 'occurrence' },
    { className: 'RecurrentEdgeWorkload', attribute: 'recurrent_workload', unit: 'concurrent' }
];

/** RAM series and values (of the class or its subclasses), whose byte units become RAM bytes. */
const RAM_SERIES: ReadonlyArray<readonly [string, string]> = [['RecurrentEdgeProcess', 'recurrent_ram_needed']];
const RAM_VALUES: ReadonlyArray<readonly [string, string]> = [
    ['ServerBase', 'ram'], ['ServerBase', 'base_ram_consumption'], ['GPUServer', 'ram_per_gpu'],
    ['EdgeComputer', 'ram'], ['EdgeComputer', 'base_ram_consumption'], ['JobBase', 'ram_needed'],
    ['VideoStreaming', 'base_ram_consumption'], ['VideoStreaming', 'ram_buffer_per_user']
];

const isPlainNumber = (unit: unknown): boolean => unit === 'dimensionless' || unit === '';

/** A plain-number series (or each series of a dict of them) takes the count unit. */
function countSeries(o: JsonRecord, attribute: string, unit: string): void {
    const v = o[attribute];
    if (!isRecord(v)) return;
    if (isTimeseries(v)) {
        if (isPlainNumber(v.unit)) v.unit = unit;
        return;
    }
    for (const item of Object.values(v)) if (isRecord(item) && isTimeseries(item) && isPlainNumber(item.unit)) item.unit = unit;
}

function ramUnit(o: JsonRecord, attribute: string, series: boolean): void {
    const v = o[attribute];
    if (!isRecord(v) || typeof v.unit !== 'string' || isTimeseries(v) !== series) return;
    v.unit = ramUnitV13(v.unit);
}

/**
 * v12→13: e-footprint 13 tells counts and RAM apart from plain numbers and bytes. Journey starts become
 * `occurrence`, an edge workload `concurrent`, and the byte units of RAM inputs (servers', jobs', edge
 * computers' and processes', video streaming's) RAM bytes (`gigabyte` -> `gigabyte_ram`).
 */
export const v12ToV13: UpgradeStep = {
    from: 12,
    summary: 'journey starts become occurrence, edge workloads concurrent; RAM inputs\' byte units become RAM bytes (gigabyte_ram)',
    upgrade(input) {
        const root = copyOf(input);
        for (const [className, objects] of classEntries(root)) {
            for (const o of Object.values(objects)) {
                if (!isRecord(o)) continue;
                for (const m of COUNT_SERIES) if (isSubclassOf(className, m.className)) countSeries(o, m.attribute, m.unit);
                for (const [cls, attribute] of RAM_SERIES) if (isSubclassOf(className, cls)) ramUnit(o, attribute, true);
                for (const [cls, attribute] of RAM_VALUES) if (isSubclassOf(className, cls)) ramUnit(o, attribute, false);
            }
        }
        return { root, notes: [] };
    }
};
