import { classOf, copyOf, objectsOf, isRecord } from '../json.js';
import type { UpgradeStep } from '../upgrade-step.js';

/** Job classes whose negative `data_stored` (e-footprint's old way of deleting data) becomes 0. */
const JOB_CLASSES = ['Job', 'GPUJob', 'VideoStreamingJob'];
const STORAGE_CLASSES = ['Storage', 'EdgeStorage'];
/** Storage no longer draws power of its own in e-footprint 17 (its energy footprint was removed). */
const STORAGE_POWER_INPUTS = ['power_per_storage_capacity', 'idle_power'];

/**
 * v16→17: a job's negative `data_stored` becomes 0; Storage and EdgeStorage lose `power_per_storage_capacity`
 * and `idle_power`; a RecurrentEdgeComponentNeed on an EdgeStorage becomes a RecurrentEdgeStorageNeed.
 */
export const v16ToV17: UpgradeStep = {
    from: 16,
    summary: 'negative job data_stored becomes 0; Storage/EdgeStorage drop power_per_storage_capacity and idle_power; component needs on an EdgeStorage become RecurrentEdgeStorageNeeds',
    upgrade(input) {
        const root = copyOf(input);
        const notes: string[] = [];
        for (const className of JOB_CLASSES) {
            for (const [id, job] of objectsOf(root, className)) {
                const stored = job.data_stored;
                if (isRecord(stored) && typeof stored.value === 'number' && stored.value < 0) {
                    notes.push(`${className} ${JSON.stringify(id)}: data_stored ${stored.value} ${String(stored.unit)} became 0, as e-footprint 17 does with negative data stored`);
                    stored.value = 0;
                }
            }
        }
        for (const className of STORAGE_CLASSES) {
            for (const [, storage] of objectsOf(root, className)) for (const key of STORAGE_POWER_INPUTS) delete storage[key];
        }
        const edgeStorages = new Set(objectsOf(root, 'EdgeStorage').map(([id]) => id));
        const storageNeeds = objectsOf(root, 'RecurrentEdgeComponentNeed')
            .filter(([, need]) => typeof need.edge_component === 'string' && edgeStorages.has(need.edge_component));
        if (storageNeeds.length > 0) {
            const needs = classOf(root, 'RecurrentEdgeStorageNeed');
            const componentNeeds = classOf(root, 'RecurrentEdgeComponentNeed');
            for (const [id, need] of storageNeeds) {
                needs[id] = need;
                delete componentNeeds[id];
            }
        }
        return { root, notes };
    }
};
