import type { EfpObject } from './efp-object.js';
import { unique } from '../classes/formula-helpers.js';

/** e-footprint's edge device classes (a computer is a device whose CPU and RAM are made for it). */
export const EDGE_DEVICE_CLASSES = ['EdgeDevice', 'EdgeComputer'];
/** Every component need class: a plain one, and the three a recurrent edge process owns. */
export const COMPONENT_NEED_CLASSES = ['RecurrentEdgeComponentNeed', 'RecurrentEdgeProcessRAMNeed', 'RecurrentEdgeProcessCPUNeed', 'RecurrentEdgeProcessStorageNeed'];
export const DEVICE_NEED_CLASSES = ['RecurrentEdgeDeviceNeed', 'RecurrentEdgeProcess'];

/**
 * Who uses whom in the edge model: an edge usage pattern deploys its journey's functions; a function's
 * device needs load devices, their component needs load components. As in e-footprint, an object takes
 * part in the patterns that reach it, and a component need counts once for each time it appears in a
 * pattern's journey (a function listed twice, a need listed twice in a bundle).
 */
export class EdgeRelations {
    private readonly patterns: EfpObject[];
    private readonly componentNeeds: EfpObject[];
    private readonly patternsByNeed = new Map<EfpObject, EfpObject[]>();
    private readonly occurrences = new Map<EfpObject, Map<EfpObject, number>>();
    private readonly patternsByDevice = new Map<EfpObject, EfpObject[]>();
    private readonly deviceByComponent = new Map<EfpObject, EfpObject>();
    private readonly processByNeed = new Map<EfpObject, EfpObject>();

    constructor(instances: readonly EfpObject[]) {
        this.patterns = instances.filter(o => o.className === 'EdgeUsagePattern'
            && o.ref('edge_usage_journey') && o.ref('network') && o.ref('country'));
        this.componentNeeds = instances.filter(o => COMPONENT_NEED_CLASSES.includes(o.className) && o.ref('edge_component'));
        for (const device of instances.filter(o => EDGE_DEVICE_CLASSES.includes(o.className))) {
            for (const component of device.list('components')) if (!this.deviceByComponent.has(component)) this.deviceByComponent.set(component, device);
        }
        for (const process of instances.filter(o => o.className === 'RecurrentEdgeProcess')) {
            for (const need of process.list('recurrent_edge_component_needs')) if (!this.processByNeed.has(need)) this.processByNeed.set(need, process);
        }
        for (const pattern of this.patterns) {
            for (const fn of pattern.ref('edge_usage_journey')!.list('edge_functions')) {
                for (const deviceNeed of fn.list('recurrent_edge_device_needs')) {
                    const device = deviceNeed.ref('edge_device');
                    if (device) push(this.patternsByDevice, device, pattern);
                    for (const need of deviceNeed.list('recurrent_edge_component_needs')) {
                        push(this.patternsByNeed, need, pattern);
                        const counts = this.occurrences.get(need) ?? new Map<EfpObject, number>();
                        counts.set(pattern, (counts.get(pattern) ?? 0) + 1);
                        this.occurrences.set(need, counts);
                    }
                }
            }
        }
    }

    patternsOfJourney(journey: EfpObject): EfpObject[] {
        return this.patterns.filter(p => p.ref('edge_usage_journey') === journey);
    }

    /** Edge usage patterns whose journey runs the component need. */
    patternsOfNeed(need: EfpObject): EfpObject[] {
        return this.componentNeeds.includes(need) ? this.patternsByNeed.get(need) ?? [] : [];
    }

    /** How many times the need appears in the pattern's journey (its hourly need is multiplied by it). */
    occurrencesOfNeed(need: EfpObject, pattern: EfpObject): number {
        return this.occurrences.get(need)?.get(pattern) ?? 0;
    }

    /** Component needs placed on the component. */
    needsOfComponent(component: EfpObject): EfpObject[] {
        return this.componentNeeds.filter(n => n.ref('edge_component') === component);
    }

    /** Patterns in which some need loads the component. */
    patternsOfComponent(component: EfpObject): EfpObject[] {
        return unique(this.needsOfComponent(component).flatMap(n => this.patternsOfNeed(n)));
    }

    /** The device whose components include this one. */
    deviceOfComponent(component: EfpObject): EfpObject | undefined {
        return this.deviceByComponent.get(component);
    }

    /** The recurrent edge process that owns a process need (whose RAM, CPU or storage profile it copies). */
    processOfNeed(need: EfpObject): EfpObject | undefined {
        return this.processByNeed.get(need);
    }

    /** Patterns that deploy the device (through a device need of one of their functions). */
    patternsOfDevice(device: EfpObject): EfpObject[] {
        return this.patternsByDevice.get(device) ?? [];
    }

    /** The system's edge usage patterns that are complete. */
    patternsOfSystem(system: EfpObject): EfpObject[] {
        return system.list('edge_usage_patterns').filter(p => this.patterns.includes(p));
    }

    /** Edge devices a system counts (category EdgeDevices), in the order its patterns reach them. */
    devicesOfSystem(system: EfpObject): EfpObject[] {
        const patterns = this.patternsOfSystem(system);
        return unique(patterns.flatMap(p => p.ref('edge_usage_journey')!.list('edge_functions')
            .flatMap(fn => fn.list('recurrent_edge_device_needs'))
            .map(n => n.ref('edge_device'))
            .filter((d): d is EfpObject => d !== undefined)));
    }

    /** Networks of the system's edge usage patterns (counted in the Network category, like e-footprint). */
    networksOfSystem(system: EfpObject): EfpObject[] {
        return unique(this.patternsOfSystem(system).map(p => p.ref('network')!));
    }
}

function push(map: Map<EfpObject, EfpObject[]>, key: EfpObject, value: EfpObject): void {
    const list = map.get(key) ?? [];
    if (!list.includes(value)) list.push(value);
    map.set(key, list);
}
