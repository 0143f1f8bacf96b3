import { isSubclassOf } from './efootprint-classes.js';
import { classEntries, isRecord, type Json, type JsonRecord } from './json.js';

/**
 * Inputs an older e-footprint wrote that no upgrade step removes and that e-footprint 22's loader sets on the
 * object without ever reading them. efp drops them, with a note, rather than refusing the file.
 */
const OBSOLETE: ReadonlyArray<{ className: string; attribute: string; why: string }> = [
    // e-footprint 11's EdgeDevice (12's EdgeComputer) and its EdgeStorage were hardware with a usage fraction; 14 stopped reading it
    { className: 'EdgeComputer', attribute: 'fraction_of_usage_time', why: 'e-footprint 14 and later do not read it' },
    { className: 'EdgeStorage', attribute: 'fraction_of_usage_time', why: 'e-footprint 14 and later do not read it' },
    // 13→14 copies carbon_footprint_fabrication into it; e-footprint 22 computes it from that same input
    { className: 'EdgeComputer', attribute: 'structure_carbon_footprint_fabrication', why: 'e-footprint 22 computes it (equal to carbon_footprint_fabrication)' },
    // 16→17 removes these from files older than 17; a newer file that still has them is read the same way
    { className: 'Storage', attribute: 'power_per_storage_capacity', why: 'e-footprint 17 removed storage power' },
    { className: 'Storage', attribute: 'idle_power', why: 'e-footprint 17 removed storage power' },
    { className: 'EdgeStorage', attribute: 'power_per_storage_capacity', why: 'e-footprint 17 removed storage power' },
    { className: 'EdgeStorage', attribute: 'idle_power', why: 'e-footprint 17 removed storage power' },
    // 10→11 renames it in files older than 11; a newer file that still has it leaves utilization_rate to its default
    { className: 'ServerBase', attribute: 'server_utilization_rate', why: 'e-footprint 11 renamed it utilization_rate, which takes its default here' }
];

function shown(v: Json): string {
    if (isRecord(v) && typeof v.value === 'number') return ` (${v.value}${typeof v.unit === 'string' && v.unit !== 'dimensionless' ? ' ' + v.unit : ''})`;
    return '';
}

/** Removes the obsolete inputs in place; returns a note for each. */
export function dropObsoleteInputs(root: JsonRecord): string[] {
    const notes: string[] = [];
    for (const [className, objects] of classEntries(root)) {
        const obsolete = OBSOLETE.filter(o => isSubclassOf(className, o.className));
        if (obsolete.length === 0) continue;
        for (const [id, o] of Object.entries(objects)) {
            if (!isRecord(o)) continue;
            for (const { attribute, why } of obsolete) {
                if (!(attribute in o)) continue;
                notes.push(`${className}[${JSON.stringify(id)}].${attribute}${shown(o[attribute])} dropped: ${why}`);
                delete o[attribute];
            }
        }
    }
    return notes;
}
