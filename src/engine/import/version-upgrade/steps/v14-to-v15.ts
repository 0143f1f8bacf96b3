import { classOf, copyOf, objectsOf } from '../json.js';
import type { UpgradeStep } from '../upgrade-step.js';

/** The network e-footprint 15 gives edge usage patterns written before they had one. */
export const DEFAULT_EDGE_NETWORK_ID = 'default_wifi_network_for_edge';

/**
 * v14→15: edge devices may call servers from e-footprint 15 on, through a network: if the file has edge usage
 * patterns, a wifi network `default_wifi_network_for_edge` (0.05 kWh/GB, e-footprint hypothesis) is added and
 * becomes every EdgeUsagePattern's `network`; every EdgeFunction gets an empty `recurrent_server_needs`.
 */
export const v14ToV15: UpgradeStep = {
    from: 14,
    summary: 'edge usage patterns get a new wifi network "default_wifi_network_for_edge" (0.05 kWh/GB); every EdgeFunction gets recurrent_server_needs: []',
    upgrade(input) {
        const root = copyOf(input);
        const patterns = objectsOf(root, 'EdgeUsagePattern');
        if ('EdgeUsagePattern' in root) {
            classOf(root, 'Network')[DEFAULT_EDGE_NETWORK_ID] = {
                name: 'Default wifi network for edge',
                id: DEFAULT_EDGE_NETWORK_ID,
                bandwidth_energy_intensity: {
                    value: 0.05, unit: 'kilowatt_hour / gigabyte',
                    label: 'bandwith energy intensity of Default wifi network from e-footprint hypothesis',
                    source: { name: 'e-footprint hypothesis', link: null }
                }
            };
            for (const [, pattern] of patterns) pattern.network = DEFAULT_EDGE_NETWORK_ID;
        }
        for (const [, edgeFunction] of objectsOf(root, 'EdgeFunction')) edgeFunction.recurrent_server_needs = [];
        return { root, notes: [] };
    }
};
