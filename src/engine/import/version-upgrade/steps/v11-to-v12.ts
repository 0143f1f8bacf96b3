import { classOf, copyOf, isRecord, objectsOf, renameClass, renameKey } from '../json.js';
import type { UpgradeStep } from '../upgrade-step.js';

/**
 * v11→12: e-footprint 12 renamed EdgeDevice to EdgeComputer and put an EdgeFunction between a journey and its
 * processes. Each EdgeUsageJourney's `edge_processes` move into a new EdgeFunction `ef_<journey id>` (its
 * `recurrent_edge_resource_needs`), the journey lists that function in `edge_functions`, and its
 * `edge_device` moves onto each of those processes.
 */
export const v11ToV12: UpgradeStep = {
    from: 11,
    summary: 'EdgeDevice becomes EdgeComputer; each edge journey\'s processes move into a new EdgeFunction "ef_<journey id>", its edge_device onto each process',
    upgrade(input) {
        const root = copyOf(input);
        renameClass(root, 'EdgeDevice', 'EdgeComputer');
        const journeys = objectsOf(root, 'EdgeUsageJourney');
        if (journeys.length === 0) return { root, notes: [] };
        const functions = classOf(root, 'EdgeFunction');
        const processes = root.RecurrentEdgeProcess;
        for (const [journeyId, journey] of journeys) {
            const computer = journey.edge_device ?? null;
            delete journey.edge_device;
            const functionId = `ef_${journeyId}`;
            const processIds = Array.isArray(journey.edge_processes) ? journey.edge_processes : [];
            functions[functionId] = {
                name: `Edge function for edge usage journey ${typeof journey.name === 'string' ? journey.name : journeyId}`,
                id: functionId,
                recurrent_edge_resource_needs: [...processIds]
            };
            if (!renameKey(journey, 'edge_processes', 'edge_functions')) delete journey.edge_processes;
            journey.edge_functions = [functionId];
            for (const processId of processIds) {
                const process = isRecord(processes) && typeof processId === 'string' ? processes[processId] : undefined;
                if (isRecord(process)) process.edge_device = computer;
            }
        }
        return { root, notes: [] };
    }
};
