import { withoutByteSuffixesV20, withSuffixOnByteTokensV20 } from '../byte-units.js';
import { isEfootprintClass, isSubclassOf } from '../efootprint-classes.js';
import { classEntries, copyOf, isRecord, type JsonRecord } from '../json.js';
import type { UpgradeStep } from '../upgrade-step.js';

type Rule = readonly [className: string, attribute: string];

/** Inputs (of the class or a subclass) whose byte units are stored bytes. */
const STORED: readonly Rule[] = [
    ['JobBase', 'data_stored'], ['Storage', 'power_per_storage_capacity'], ['Storage', 'storage_capacity'],
    ['Storage', 'base_storage_need'], ['EdgeStorage', 'power_per_storage_capacity'],
    ['BoaviztaStorageFromConfig', 'power_per_storage_capacity'], ['RecurrentEdgeProcess', 'recurrent_storage_needed']
];
/** Inputs whose byte units are RAM bytes. */
const RAM: readonly Rule[] = [
    ['ServerBase', 'ram'], ['ServerBase', 'base_ram_consumption'], ['GPUServer', 'ram_per_gpu'],
    ['EdgeComputer', 'ram'], ['EdgeComputer', 'base_ram_consumption'], ['JobBase', 'ram_needed'],
    ['Service', 'base_ram_consumption'], ['Service', 'ram_buffer_per_user']
];
/** A plain number that means bits. */
const BITS: readonly Rule[] = [['VideoStreaming', 'bits_per_pixel']];
/** Per-byte ratios: plain (transferred) bytes for a network, stored bytes for a storage's fabrication. */
const PER_BYTE: ReadonlyArray<readonly [className: string, attribute: string, suffix: '' | 'stored', fallback: string]> = [
    ['Network', 'bandwidth_energy_intensity', '', 'gigabyte'],
    ['Storage', 'carbon_footprint_fabrication_per_storage_capacity', 'stored', 'gigabyte_stored']
];

function unitOf(o: JsonRecord, attribute: string): JsonRecord | undefined {
    const v = o[attribute];
    return isRecord(v) && typeof v.unit === 'string' ? v : undefined;
}

function suffixBytes(o: JsonRecord, attribute: string, suffix: 'ram' | 'stored'): void {
    const v = unitOf(o, attribute);
    if (v) v.unit = withSuffixOnByteTokensV20(v.unit as string, suffix);
}

/**
 * A per-byte ratio gets the right kind of byte in its denominator; one whose denominator pint simplified away
 * (a zero value written as `kilowatt_hour`) gets the denominator back.
 */
function perByte(o: JsonRecord, attribute: string, suffix: '' | 'stored', fallback: string): void {
    const v = unitOf(o, attribute);
    if (!v) return;
    const unit = v.unit as string;
    if (unit.includes('/')) v.unit = suffix ? withSuffixOnByteTokensV20(unit, suffix) : withoutByteSuffixesV20(unit);
    else if (v.value === 0) v.unit = `${unit} / ${fallback}`;
}

/**
 * v19→20: e-footprint 20 made RAM bytes, stored bytes and plain bytes three dimensions. The byte units of a
 * job's `data_stored`, a storage's capacity, base need and power per capacity and a process's
 * `recurrent_storage_needed` become stored bytes; RAM inputs RAM bytes (`gigabyte / gpu` -> `gigabyte_ram / gpu`);
 * a video's `bits_per_pixel` becomes `bit`; a network's energy per byte is per plain byte, a storage's
 * fabrication per stored byte; an edge need's `recurrent_need` takes the kind of its component (RAM or storage).
 */
export const v19ToV20: UpgradeStep = {
    from: 19,
    summary: 'byte units become RAM, stored or plain bytes by meaning (data_stored -> MB_stored, ram_per_gpu -> GB_ram/gpu, bits_per_pixel -> bit, network kWh per plain GB)',
    upgrade(input) {
        const root = copyOf(input);
        const componentClass = new Map<string, string>();
        for (const [className, objects] of classEntries(root)) {
            if (isSubclassOf(className, 'EdgeComponent')) for (const id of Object.keys(objects)) componentClass.set(id, className);
        }
        for (const [className, objects] of classEntries(root)) {
            if (!isEfootprintClass(className)) continue;
            const applies = (rules: readonly Rule[]) => rules.filter(([cls]) => isSubclassOf(className, cls)).map(([, attribute]) => attribute);
            const stored = applies(STORED), ram = applies(RAM), bits = applies(BITS);
            const perBytes = PER_BYTE.filter(([cls]) => isSubclassOf(className, cls));
            const isComponentNeed = isSubclassOf(className, 'RecurrentEdgeComponentNeed');
            for (const o of Object.values(objects)) {
                if (!isRecord(o)) continue;
                for (const attribute of stored) suffixBytes(o, attribute, 'stored');
                for (const attribute of ram) suffixBytes(o, attribute, 'ram');
                for (const attribute of bits) {
                    const v = unitOf(o, attribute);
                    if (v && v.unit === 'dimensionless') v.unit = 'bit';
                }
                for (const [, attribute, suffix, fallback] of perBytes) perByte(o, attribute, suffix, fallback);
                if (isComponentNeed && typeof o.edge_component === 'string') {
                    const component = componentClass.get(o.edge_component);
                    if (component && isSubclassOf(component, 'EdgeRAMComponent')) suffixBytes(o, 'recurrent_need', 'ram');
                    else if (component && isSubclassOf(component, 'EdgeStorage')) suffixBytes(o, 'recurrent_need', 'stored');
                }
            }
        }
        return { root, notes: [] };
    }
};
