import { copyOf, objectsOf, renameKey } from '../json.js';
import type { UpgradeStep } from '../upgrade-step.js';

/** The server classes of e-footprint 10 (BoaviztaCloudServer is a Server, GPUServer a ServerBase). */
const SERVER_CLASSES = ['Server', 'GPUServer', 'BoaviztaCloudServer'];

/**
 * v10→11: e-footprint 11 added the edge model, so every System gets an empty `edge_usage_patterns`; a
 * server's `server_utilization_rate` becomes `utilization_rate` (the name edge devices share).
 */
export const v10ToV11: UpgradeStep = {
    from: 10,
    summary: 'every System gets edge_usage_patterns: []; server_utilization_rate becomes utilization_rate',
    upgrade(input) {
        const root = copyOf(input);
        for (const [, system] of objectsOf(root, 'System')) system.edge_usage_patterns = [];
        for (const className of SERVER_CLASSES) {
            for (const [, server] of objectsOf(root, className)) renameKey(server, 'server_utilization_rate', 'utilization_rate');
        }
        return { root, notes: [] };
    }
};
