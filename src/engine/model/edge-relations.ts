import type { EfpObject } from './efp-object.js';
import { unique } from './unique.js';
import { cyclePath, longCyclePath, shownInFull } from './cycle-path.js';
import { stronglyConnected } from './strongly-connected.js';
import type { ClassRegistry } from './class-registry.js';

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
    /** Indexes of the lists above, built once: formulas ask about every object, and a scan each time was quadratic. */
    private readonly componentNeedSet: Set<EfpObject>;
    private readonly needsByComponent = new Map<EfpObject, EfpObject[]>();
    private readonly serverNeedSet: Set<EfpObject>;
    private readonly patternSet: Set<EfpObject>;
    private readonly patternsByJourney = new Map<EfpObject, EfpObject[]>();
    private readonly parentsByGroup = new Map<EfpObject, Array<{ parent: EfpObject; count: number }>>();
    private readonly groupsByDevice = new Map<EfpObject, Array<{ group: EfpObject; count: number }>>();
    /** The groups that contain themselves, each with the groups it shares its cycle with; found once. */
    private groupCycles: Map<EfpObject, ReadonlySet<EfpObject>> | undefined;

    /**
     * `classes` says which objects are edge devices (any `EdgeDevice`: a computer, an appliance), component
     * needs (any `RecurrentEdgeComponentNeed`) and device needs (any `RecurrentEdgeDeviceNeed`).
     */
    constructor(instances: readonly EfpObject[], classes: Pick<ClassRegistry, 'isA'>) {
        this.patterns = instances.filter(o => o.className === 'EdgeUsagePattern'
            && o.ref('edge_usage_journey') && o.ref('network') && o.ref('country'));
        this.componentNeeds = instances.filter(o => classes.isA(o.className, 'RecurrentEdgeComponentNeed') && o.ref('edge_component'));
        for (const device of instances.filter(o => classes.isA(o.className, 'EdgeDevice'))) {
            for (const component of device.list('components')) if (!this.deviceByComponent.has(component)) this.deviceByComponent.set(component, device);
        }
        this.serverNeeds = instances.filter(o => o.className === 'RecurrentServerNeed' && o.ref('edge_device'));
        this.groups = instances.filter(o => o.className === 'EdgeDeviceGroup');
        this.componentNeedSet = new Set(this.componentNeeds);
        for (const need of this.componentNeeds) push(this.needsByComponent, need.ref('edge_component')!, need);
        this.serverNeedSet = new Set(this.serverNeeds);
        this.patternSet = new Set(this.patterns);
        for (const pattern of this.patterns) push(this.patternsByJourney, pattern.ref('edge_usage_journey')!, pattern);
        for (const parent of this.groups) {
            for (const w of parent.weights('sub_group_counts')) listOf(this.parentsByGroup, w.object).push({ parent, count: w.weight });
            for (const w of parent.weights('edge_device_counts')) listOf(this.groupsByDevice, w.object).push({ group: parent, count: w.weight });
        }
        // the subclasses of RecurrentEdgeDeviceNeed (a process, a workload) own their component needs: e-footprint's
        // builders create those with them
        const ownsItsNeeds = (o: EfpObject) => o.className !== 'RecurrentEdgeDeviceNeed' && classes.isA(o.className, 'RecurrentEdgeDeviceNeed');
        for (const process of instances.filter(ownsItsNeeds)) {
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
                    if (!this.serverNeedSet.has(serverNeed)) continue;
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
            .filter(n => this.serverNeedSet.has(n));
    }

    /** Groups that list this group in their sub_group_counts, with how many copies each holds. */
    parentsOfGroup(group: EfpObject): Array<{ parent: EfpObject; count: number }> {
        return this.parentsByGroup.get(group) ?? [];
    }

    /** Groups that list this device in their edge_device_counts, with how many of it each holds. */
    groupsOfDevice(device: EfpObject): Array<{ group: EfpObject; count: number }> {
        return this.groupsByDevice.get(device) ?? [];
    }

    /**
     * How the group contains itself, if it does: the chain of sub-groups from it back to it (`floor →
     * building → floor`), and how many groups contain one another with it. Past ten of them the chain
     * shows its first three and the group that contains it (a cycle through 200,000 groups, reported on
     * each of them, would otherwise make messages as long as the model, 200,000 times).
     */
    cycleThrough(group: EfpObject): { path: string; groups: number } | undefined {
        const cycle = this.cyclesOfGroups().get(group);
        if (!cycle) return undefined;
        const inCycle = (g: EfpObject) => cycle.has(g);
        if (shownInFull(cycle.size)) return { path: cyclePath(pathBack(group, inCycle).map(g => g.id)), groups: cycle.size };
        const first = [group];
        for (let i = 0; i < 2; i++) first.push(first[i].weights('sub_group_counts').map(w => w.object).find(inCycle)!);
        const last = this.parentsOfGroup(group).map(p => p.parent).find(inCycle)!;
        return { path: longCyclePath(first.map(g => g.id), last.id), groups: cycle.size };
    }

    private cyclesOfGroups(): Map<EfpObject, ReadonlySet<EfpObject>> {
        if (this.groupCycles) return this.groupCycles;
        const cycles = new Map<EfpObject, ReadonlySet<EfpObject>>();
        const subGroups = (g: EfpObject) => g.weights('sub_group_counts').map(w => w.object);
        for (const component of stronglyConnected(this.groups, subGroups)) {
            if (component.length === 1 && !subGroups(component[0]).includes(component[0])) continue;
            const members = new Set(component);
            for (const g of component) cycles.set(g, members);
        }
        return (this.groupCycles = cycles);
    }

    /** Groups holding the devices, and the groups that hold them, up to the roots. */
    groupsAround(devices: readonly EfpObject[]): EfpObject[] {
        const found = new Set<EfpObject>();
        const holders = devices.flatMap(d => this.groupsOfDevice(d).map(g => g.group));
        // depth first, in list order, on a stack of its own: groups may be nested deeper than the JavaScript stack
        const stack = holders.reverse();
        while (stack.length > 0) {
            const g = stack.pop()!;
            if (found.has(g)) continue;
            found.add(g);
            const parents = this.parentsOfGroup(g);
            for (let i = parents.length - 1; i >= 0; i--) stack.push(parents[i].parent);
        }
        return [...found];
    }

    patternsOfJourney(journey: EfpObject): EfpObject[] {
        return this.patternsByJourney.get(journey) ?? [];
    }

    /** Edge usage patterns whose journey runs the component need. */
    patternsOfNeed(need: EfpObject): EfpObject[] {
        return this.componentNeedSet.has(need) ? this.patternsByNeed.get(need) ?? [] : [];
    }

    /** How many times the need appears in the pattern's journey (its hourly need is multiplied by it). */
    occurrencesOfNeed(need: EfpObject, pattern: EfpObject): number {
        return this.occurrences.get(need)?.get(pattern) ?? 0;
    }

    /** Component needs placed on the component. */
    needsOfComponent(component: EfpObject): EfpObject[] {
        return this.needsByComponent.get(component) ?? [];
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
        return system.list('edge_usage_patterns').filter(p => this.patternSet.has(p));
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

/**
 * Adds `value` to `key`'s list unless it was the last one added: lists are filled one pattern (one need,
 * one component) at a time, so a repeat can only be the last value (a scan of the list was quadratic).
 */
function push(map: Map<EfpObject, EfpObject[]>, key: EfpObject, value: EfpObject): void {
    const list = listOf(map, key);
    if (list[list.length - 1] !== value) list.push(value);
}

function listOf<T>(map: Map<EfpObject, T[]>, key: EfpObject): T[] {
    let list = map.get(key);
    if (!list) map.set(key, (list = []));
    return list;
}

/** A chain of sub-groups from `group` back to it, through the groups `inCycle` accepts (depth first, in list order). */
function pathBack(group: EfpObject, inCycle: (g: EfpObject) => boolean): EfpObject[] {
    const seen = new Set<EfpObject>([group]);
    const frames: Array<{ group: EfpObject; next: number }> = [{ group, next: 0 }];
    while (frames.length > 0) {
        const frame = frames[frames.length - 1];
        const subs = frame.group.weights('sub_group_counts');
        if (frame.next >= subs.length) {
            frames.pop();
            continue;
        }
        const w = subs[frame.next++].object;
        if (w === group) return frames.map(f => f.group);
        if (!seen.has(w) && inCycle(w)) {
            seen.add(w);
            frames.push({ group: w, next: 0 });
        }
    }
    return [group];
}
