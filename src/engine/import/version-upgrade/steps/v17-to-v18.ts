import { storedUnitV18 } from '../byte-units.js';
import { copyOf, isRecord, objectsOf } from '../json.js';
import type { UpgradeStep } from '../upgrade-step.js';

const STORAGE_CLASSES = ['Storage', 'EdgeStorage', 'BoaviztaStorageFromConfig'];
const STORED_INPUTS = ['base_storage_need', 'storage_capacity', 'carbon_footprint_fabrication_per_storage_capacity'];

/**
 * v17→18: e-footprint 18 averages stored bytes over time instead of summing them, with a unit of their own: a
 * storage's `base_storage_need`, `storage_capacity` and `carbon_footprint_fabrication_per_storage_capacity`
 * take stored bytes (`terabyte` -> `terabyte_stored`).
 */
export const v17ToV18: UpgradeStep = {
    from: 17,
    summary: 'storage capacity, base need and fabrication per capacity take stored bytes (terabyte_stored)',
    upgrade(input) {
        const root = copyOf(input);
        for (const className of STORAGE_CLASSES) {
            for (const [, storage] of objectsOf(root, className)) {
                for (const key of STORED_INPUTS) {
                    const v = storage[key];
                    if (isRecord(v) && typeof v.unit === 'string') v.unit = storedUnitV18(v.unit);
                }
            }
        }
        return { root, notes: [] };
    }
};
