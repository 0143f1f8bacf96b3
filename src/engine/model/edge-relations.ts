import type { EfpObject } from './efp-object.js';
import { unique } from '../classes/formula-helpers.js';

/** e-footprint's edge device classes (a computer is a device whose CPU and RAM are made for it). */
export const EDGE_DEVICE_CLASSES = ['EdgeDevice', 'EdgeComputer', 'EdgeAppliance'];
/**
 * Every component need class: a plain one, a storage one (e-footprint's RecurrentEdgeStorageNeed), the three
 * a recurrent edge process owns and the one a recurrent edge workload owns.
 */
export const COMPONENT_NEED_CLASSES = ['RecurrentEdgeComponentNeed', 'RecurrentEdgeStorageNeed', 'RecurrentEdgeProcessRAMNeed',
    'RecurrentEdgeProcessCPUNeed', 'RecurrentEdgeProcessStorageNeed', 'RecurrentEdgeWorkloadNeed'];
export const DEVICE_NEED_CLASSES = ['RecurrentEdgeDeviceNeed', 'RecurrentEdgeProcess', 'RecurrentEdgeWorkload'];
/** Device needs that own their component needs (e-footprint's builders create them with the device need). */
export const BUILDER_DEVICE_NEED_CLASSES = ['RecurrentEdgeProcess', 'RecurrentEdgeWorkload'];

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
    private readonly serverNeeds: EfpObject[];
    private readonly patternsByServerNeed = new Map<EfpObject, EfpObject[]>();
    private readonly serverNeedOccurrences = new Map<EfpObject, Map<EfpObject, number>>();
    private readonly groups: EfpObject[];

    constructor(instances: readonly EfpObject[]) {
        this.patterns = instances.filter(o => o.className === 'EdgeUsagePattern'
            && o.ref('edge_usage_journey') && o.ref('network') && o.ref('country'));
        this.componentNeeds = instances.filter(o => COMPONENT_NEED_CLASSES.includes(o.className) && o.ref('edge_component'));
        for (const device of instances.filter(o => EDGE_DEVICE_CLASSES.includes(o.className))) {
            for (const component of device.list('components')) if (!this.deviceByComponent.has(component)) this.deviceByComponent.set(component, device);
        }
        this.serverNeeds = instances.filter(o => o.className === 'RecurrentServerNeed' && o.ref('edge_device'));
        this.groups = instances.filter(o => o.className === 'EdgeDeviceGroup');
        for (const process of instances.filter(o => BUILDER_DEVICE_NEED_CLASSES.includes(o.className))) {
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
            // e-footprint's device takes part in the patterns of its server needs too (its recurrent_needs)
            for (const fn of pattern.ref('edge_usage_journey')!.list('edge_functions')) {
                for (const serverNeed of fn.list('recurrent_server_needs')) {
                    if (!this.serverNeeds.includes(serverNeed)) continue;
                    push(this.patternsByDevice, serverNeed.ref('edge_device')!, pattern);
                    push(this.patternsByServerNeed, serverNeed, pattern);
                    const counts = this.serverNeedOccurrences.get(serverNeed) ?? new Map<EfpObject, number>();
                    counts.set(pattern, (counts.get(pattern) ?? 0) + 1);
                    this.serverNeedOccurrences.set(serverNeed, counts);
                }
            }
        }
    }

    /** The complete edge usage patterns (a journey, a network and a country). */
    get edgePatterns(): readonly EfpObject[] {
        return this.patterns;
    }

    /** Patterns whose journey runs the server need. */
    patternsOfServerNeed(serverNeed: EfpObject): EfpObject[] {
        return this.patternsByServerNeed.get(serverNeed) ?? [];
    }

    /** How many times the server need appears in the pattern's journey (its functions, its needs in each). */
    occurrencesOfServerNeed(serverNeed: EfpObject, pattern: EfpObject): number {
        return this.serverNeedOccurrences.get(serverNeed)?.get(pattern) ?? 0;
    }

    /** The server needs of a journey's functions, each once, in the order they come. */
    serverNeedsOfJourney(journey: EfpObject): EfpObject[] {
        return unique(journey.list('edge_functions').flatMap(fn => fn.list('recurrent_server_needs')))
            .filter(n => this.serverNeeds.includes(n));
    }

    /** Groups that list this group in their sub_group_counts, with how many copies each holds. */
    parentsOfGroup(group: EfpObject): Array<{ parent: EfpObject; count: number }> {
        return this.groups.flatMap(parent => parent.weights('sub_group_counts').filter(w => w.object === group)
            .map(w => ({ parent, count: w.weight })));
    }

    /** Groups that list this device in their edge_device_counts, with how many of it each holds. */
    groupsOfDevice(device: EfpObject): Array<{ group: EfpObject; count: number }> {
        return this.groups.flatMap(group => group.weights('edge_device_counts').filter(w => w.object === device)
            .map(w => ({ group, count: w.weight })));
    }

    /** A chain of sub-groups that leads from the group back to itself, if there is one. */
    cycleThrough(group: EfpObject): EfpObject[] | undefined {
        const search = (current: EfpObject, path: EfpObject[]): EfpObject[] | undefined => {
            for (const w of current.weights('sub_group_counts')) {
                if (w.object === group) return [...path, group];
                if (path.includes(w.object)) continue;
                const found = search(w.object, [...path, w.object]);
                if (found) return found;
            }
            return undefined;
        };
        return search(group, [group]);
    }

    /** Groups holding the device, and the groups that hold them, up to the roots. */
    groupsAround(devices: readonly EfpObject[]): EfpObject[] {
        const found: EfpObject[] = [];
        const add = (g: EfpObject) => {
            if (found.includes(g)) return;
            found.push(g);
            this.parentsOfGroup(g).forEach(p => add(p.parent));
        };
        devices.forEach(d => this.groupsOfDevice(d).forEach(g => add(g.group)));
        return found;
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
