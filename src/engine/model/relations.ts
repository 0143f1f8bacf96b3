import type { EfpObject } from './efp-object.js';
import { unique } from './unique.js';
import { EdgeRelations } from './edge-relations.js';
import { reachableFrom } from './linked-objects.js';
import type { ClassRegistry } from './class-registry.js';

/** The server that runs a job: its own, or for a service's job (a video streaming job) its service's server. */
export function serverOfJob(job: EfpObject): EfpObject | undefined {
    return job.ref('server') ?? job.ref('service')?.ref('server');
}

/**
 * Who uses whom, derived from the model's references: the usage patterns a job runs in, the jobs on a
 * server, the servers a system counts... Only complete objects take part (a usage pattern without a
 * journey, network or country, a job without a server), so formulas never meet a dangling link.
 */
export class Relations {
    private readonly patterns: EfpObject[];
    private readonly jobs: EfpObject[];
    /** The same jobs, for membership tests: formulas ask about every job, and a list scan made that quadratic. */
    private readonly jobSet: Set<EfpObject>;
    private readonly servers: EfpObject[];
    private readonly services: EfpObject[];
    private readonly patternsByJob = new Map<EfpObject, EfpObject[]>();
    /** The edge model's links (edge usage patterns, functions, needs, devices, components). */
    readonly edge: EdgeRelations;

    /** `classes` says which objects are jobs (any `JobBase`) and services (any `Service`). */
    constructor(instances: readonly EfpObject[], classes: Pick<ClassRegistry, 'isA'>) {
        this.edge = new EdgeRelations(instances, classes);
        this.patterns = instances.filter(o => o.className === 'UsagePattern'
            && o.ref('usage_journey') && o.ref('network') && o.ref('country'));
        this.jobs = instances.filter(o => classes.isA(o.className, 'JobBase') && (serverOfJob(o) || o.ref('external_api')));
        this.jobSet = new Set(this.jobs);
        // every kind of server (plain, GPU, cloud) is counted in e-footprint's Servers category
        this.servers = instances.filter(o => o.spec.category === 'Servers');
        this.services = instances.filter(o => classes.isA(o.className, 'Service') && o.ref('server'));
        for (const pattern of this.patterns) {
            for (const step of pattern.ref('usage_journey')!.weights('uj_steps')) {
                for (const job of step.object.weights('jobs')) {
                    const list = this.patternsByJob.get(job.object) ?? [];
                    // patterns come one after the other: a repeat can only be the last one added (a list scan was quadratic)
                    if (list[list.length - 1] !== pattern) list.push(pattern);
                    this.patternsByJob.set(job.object, list);
                }
            }
        }
        // an edge usage pattern runs the jobs of its journey's recurrent server needs (after the web patterns, as in e-footprint)
        for (const pattern of this.edge.edgePatterns) {
            for (const serverNeed of this.edge.serverNeedsOfJourney(pattern.ref('edge_usage_journey')!)) {
                for (const job of serverNeed.weights('jobs')) {
                    const list = this.patternsByJob.get(job.object) ?? [];
                    if (list[list.length - 1] !== pattern) list.push(pattern);
                    this.patternsByJob.set(job.object, list);
                }
            }
        }
    }

    /**
     * The lists below, each grouped once on first use: formulas ask for every object's, and a scan of all
     * patterns or jobs for each object was quadratic (50,000 servers asked each for its jobs).
     */
    private readonly groups = new Map<string, Map<EfpObject, EfpObject[]>>();

    private group(name: string, fill: (add: (key: EfpObject | undefined, value: EfpObject) => void) => void): Map<EfpObject, EfpObject[]> {
        let groups = this.groups.get(name);
        if (!groups) {
            const built = new Map<EfpObject, EfpObject[]>();
            fill((key, value) => {
                if (!key) return;
                const list = built.get(key);
                // values come in order, each once per key: a repeat can only be the last one added
                if (!list) built.set(key, [value]);
                else if (list[list.length - 1] !== value) list.push(value);
            });
            this.groups.set(name, (groups = built));
        }
        return groups;
    }

    private patternSet: Set<EfpObject> | undefined;

    patternsOfJourney(journey: EfpObject): EfpObject[] {
        return this.group('patternsOfJourney', add => { for (const p of this.patterns) add(p.ref('usage_journey'), p); }).get(journey) ?? [];
    }

    /** Usage patterns whose journey runs the job, in declaration order: web ones, then edge ones (through server needs). */
    patternsOfJob(job: EfpObject): EfpObject[] {
        return this.jobSet.has(job) ? this.patternsByJob.get(job) ?? [] : [];
    }

    patternsOfDevice(device: EfpObject): EfpObject[] {
        return this.group('patternsOfDevice', add => { for (const p of this.patterns) for (const d of p.list('devices')) add(d, p); }).get(device) ?? [];
    }

    patternsOfNetwork(network: EfpObject): EfpObject[] {
        return this.group('patternsOfNetwork', add => { for (const p of this.patterns) add(p.ref('network'), p); }).get(network) ?? [];
    }

    /** Jobs run by the usage patterns on this network. */
    jobsOfNetwork(network: EfpObject): EfpObject[] {
        return this.group('jobsOfNetwork', add => {
            for (const job of this.jobs) for (const p of this.patternsOfJob(job)) add(p.ref('network'), job);
        }).get(network) ?? [];
    }

    jobsOfServer(server: EfpObject): EfpObject[] {
        return this.group('jobsOfServer', add => { for (const j of this.jobs) add(serverOfJob(j), j); }).get(server) ?? [];
    }

    /** Jobs that call this external API (a GenAI API's calls). */
    jobsOfExternalApi(api: EfpObject): EfpObject[] {
        return this.group('jobsOfExternalApi', add => { for (const j of this.jobs) add(j.ref('external_api'), j); }).get(api) ?? [];
    }

    /** Services installed on the server (their base RAM and compute are held on each of its instances). */
    servicesOfServer(server: EfpObject): EfpObject[] {
        return this.group('servicesOfServer', add => { for (const s of this.services) add(s.ref('server'), s); }).get(server) ?? [];
    }

    /** The server a storage is attached to (the first, when several are). */
    serverOfStorage(storage: EfpObject): EfpObject | undefined {
        return this.group('serversOfStorage', add => { for (const s of this.servers) add(s.ref('storage'), s); }).get(storage)?.[0];
    }

    /** Jobs whose data goes to this storage (through their server). */
    jobsOfStorage(storage: EfpObject): EfpObject[] {
        return this.group('jobsOfStorage', add => { for (const j of this.jobs) add(serverOfJob(j)?.ref('storage'), j); }).get(storage) ?? [];
    }

    patternsOfSystem(system: EfpObject): EfpObject[] {
        const complete = this.patternSet ??= new Set(this.patterns);
        return system.list('usage_patterns').filter(p => complete.has(p));
    }

    private jobsOfPatterns: Map<EfpObject, EfpObject[]> | undefined;

    /** The jobs each usage pattern runs, in the order of `jobs` (indexed once: asking each job about each pattern was quadratic). */
    private jobsByPattern(): Map<EfpObject, EfpObject[]> {
        if (this.jobsOfPatterns) return this.jobsOfPatterns;
        const map = new Map<EfpObject, EfpObject[]>();
        for (const job of this.jobs) {
            for (const pattern of this.patternsOfJob(job)) {
                const list = map.get(pattern);
                if (!list) map.set(pattern, [job]);
                else if (list[list.length - 1] !== job) list.push(job);
            }
        }
        return (this.jobsOfPatterns = map);
    }

    /** Every object the systems depend on, the systems included: walked once for all of them. */
    usedBy(systems: readonly EfpObject[]): Set<EfpObject> {
        const roots = systems.flatMap(system => ['usage_patterns', 'edge_usage_patterns', 'measurements'].flatMap(l => system.list(l)));
        const used = reachableFrom(roots, new Set(systems));
        // groups point at devices, not the other way: a group of used devices is used
        for (const group of this.edge.groupsAround([...used])) used.add(group);
        return used;
    }

    /** Servers, storage, networks, devices and edge devices whose footprint a system counts, by category order. */
    footprintObjects(system: EfpObject): EfpObject[] {
        const patterns = this.patternsOfSystem(system);
        // jobs of web patterns, then of edge patterns (their recurrent server needs' jobs), as e-footprint's System.jobs
        const edgePatterns = this.edge.patternsOfSystem(system);
        const jobs = unique([...patterns, ...edgePatterns].flatMap(p => this.jobsByPattern().get(p) ?? []));
        const servers = unique(jobs.map(j => serverOfJob(j)).filter((s): s is EfpObject => s !== undefined));
        const externalApis = unique(jobs.map(j => j.ref('external_api')).filter((a): a is EfpObject => a !== undefined));
        const storages = unique(servers.map(s => s.ref('storage')).filter((s): s is EfpObject => s !== undefined));
        const networks = unique([...patterns.map(p => p.ref('network')!), ...this.edge.networksOfSystem(system)]);
        const devices = unique(patterns.flatMap(p => p.list('devices')));
        return [...servers, ...storages, ...externalApis, ...networks, ...devices, ...this.edge.devicesOfSystem(system), ...system.list('measurements')];
    }
}
