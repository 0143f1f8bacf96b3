import { describe, expect, it } from 'vitest';
import { acceptedClasses, CLASS_SPECS, classesOf, isA } from '../../src/engine/classes/registry.js';
import { ABSTRACT_CLASSES } from '../../src/engine/classes/abstract-classes.js';
import { ClassHierarchy } from '../../src/engine/model/class-hierarchy.js';
import { isEfootprintClass, isSubclassOf } from '../../src/engine/import/version-upgrade/efootprint-classes.js';
import { analyze, minimalModel } from '../helpers/model-from-text.js';

const JOBS = ['EcoLogitsGenAIExternalAPIJob', 'GPUJob', 'Job', 'VideoStreamingJob', 'WebApplicationJob'];
const SERVERS = ['BoaviztaCloudServer', 'Server'];
const EDGE_DEVICES = ['EdgeAppliance', 'EdgeComputer', 'EdgeDevice'];
const EDGE_COMPONENTS = ['EdgeApplianceComponent', 'EdgeCPUComponent', 'EdgeComputerCPUComponent', 'EdgeComputerRAMComponent', 'EdgeRAMComponent',
    'EdgeStorage', 'EdgeWorkloadComponent'];
const COMPONENT_NEEDS = ['RecurrentEdgeComponentNeed', 'RecurrentEdgeProcessCPUNeed', 'RecurrentEdgeProcessRAMNeed', 'RecurrentEdgeProcessStorageNeed',
    'RecurrentEdgeStorageNeed', 'RecurrentEdgeWorkloadNeed'];
const PROCESS_NEEDS = ['RecurrentEdgeProcessCPUNeed', 'RecurrentEdgeProcessRAMNeed', 'RecurrentEdgeProcessStorageNeed'];

/**
 * The classes of the objects each reference input took when inputs listed them one by one (before they named
 * e-footprint's base classes, `JobBase`): naming a base class must not change what an input accepts.
 */
const ACCEPTED: Record<string, readonly string[]> = {
    'UsagePattern.usage_journey': ['UsageJourney'],
    'UsagePattern.devices': ['Device'],
    'UsagePattern.network': ['Network'],
    'UsagePattern.country': ['Country'],
    'UsageJourney.uj_steps': ['UsageJourneyStep'],
    'UsageJourneyStep.jobs': JOBS,
    'Job.server': SERVERS,
    'GPUJob.server': ['GPUServer'],
    'VideoStreamingJob.service': ['VideoStreaming'],
    'VideoStreaming.server': SERVERS,
    'WebApplicationJob.service': ['WebApplication'],
    'WebApplication.server': SERVERS,
    'EcoLogitsGenAIExternalAPIJob.external_api': ['EcoLogitsGenAIExternalAPI'],
    'Server.storage': ['Storage'],
    'GPUServer.storage': ['Storage'],
    'BoaviztaCloudServer.storage': ['Storage'],
    'EdgeUsagePattern.edge_usage_journey': ['EdgeUsageJourney'],
    'EdgeUsagePattern.network': ['Network'],
    'EdgeUsagePattern.country': ['Country'],
    'EdgeUsageJourney.edge_functions': ['EdgeFunction'],
    'EdgeFunction.recurrent_edge_device_needs': ['RecurrentEdgeDeviceNeed', 'RecurrentEdgeProcess', 'RecurrentEdgeWorkload'],
    'EdgeFunction.recurrent_server_needs': ['RecurrentServerNeed'],
    'RecurrentEdgeDeviceNeed.edge_device': EDGE_DEVICES,
    'RecurrentEdgeDeviceNeed.recurrent_edge_component_needs': COMPONENT_NEEDS,
    'RecurrentEdgeProcess.edge_device': ['EdgeComputer'],
    'RecurrentEdgeProcess.recurrent_edge_component_needs': PROCESS_NEEDS,
    'RecurrentEdgeWorkload.edge_device': ['EdgeAppliance'],
    'RecurrentEdgeWorkload.recurrent_edge_component_needs': ['RecurrentEdgeWorkloadNeed'],
    'RecurrentServerNeed.edge_device': EDGE_DEVICES,
    'RecurrentServerNeed.jobs': JOBS,
    'RecurrentEdgeComponentNeed.edge_component': EDGE_COMPONENTS,
    'RecurrentEdgeStorageNeed.edge_component': ['EdgeStorage'],
    'RecurrentEdgeProcessRAMNeed.edge_component': EDGE_COMPONENTS,
    'RecurrentEdgeProcessCPUNeed.edge_component': EDGE_COMPONENTS,
    'RecurrentEdgeProcessStorageNeed.edge_component': EDGE_COMPONENTS,
    'RecurrentEdgeWorkloadNeed.edge_component': ['EdgeApplianceComponent'],
    'EdgeComputer.components': ['EdgeComputerCPUComponent', 'EdgeComputerRAMComponent', 'EdgeStorage'],
    'EdgeComputer.storage': ['EdgeStorage'],
    'EdgeAppliance.components': ['EdgeApplianceComponent'],
    'EdgeDevice.components': EDGE_COMPONENTS,
    'EdgeDeviceGroup.sub_group_counts': ['EdgeDeviceGroup'],
    'EdgeDeviceGroup.edge_device_counts': EDGE_DEVICES,
    'System.usage_patterns': ['UsagePattern'],
    'System.edge_usage_patterns': ['EdgeUsagePattern'],
    'System.measurements': ['Measurement'],
    'Budget.target': ['BoaviztaCloudServer', 'Device', 'EcoLogitsGenAIExternalAPI', 'EdgeAppliance', 'EdgeComputer', 'EdgeDevice', 'GPUServer',
        'Measurement', 'Network', 'Server', 'Storage', 'System']
};

describe('the class hierarchy', () => {
    it('keeps the classes every reference input accepts', () => {
        const accepted: Record<string, readonly string[]> = {};
        for (const spec of CLASS_SPECS) {
            for (const input of spec.inputs) {
                if (input.type === 'ref' || input.type === 'refs' || input.type === 'weighted') {
                    accepted[`${spec.className}.${input.name}`] = [...acceptedClasses(input)].sort();
                }
            }
        }
        // every input listed keeps its classes (a class added under a base class shows here); a new input is free
        const pinned = Object.fromEntries(Object.keys(ACCEPTED).map(k => [k, accepted[k]]));
        expect(pinned).toEqual(Object.fromEntries(Object.entries(ACCEPTED).map(([k, v]) => [k, [...v].sort()])));
    });

    it('names e-footprint\'s base classes where e-footprint does', () => {
        const classesOfInput = (className: string, input: string) => {
            const found = CLASS_SPECS.find(c => c.className === className)?.inputs.find(i => i.name === input);
            return found && 'classes' in found ? found.classes : undefined;
        };
        expect(classesOfInput('UsageJourneyStep', 'jobs')).toEqual(['JobBase']);
        expect(classesOfInput('RecurrentServerNeed', 'jobs')).toEqual(['JobBase']);
        expect(classesOfInput('Job', 'server')).toEqual(['Server']);
        expect(classesOfInput('VideoStreaming', 'server')).toEqual(['Server']);
        expect(classesOfInput('RecurrentEdgeComponentNeed', 'edge_component')).toEqual(['EdgeComponent']);
        expect(classesOfInput('EdgeFunction', 'recurrent_edge_device_needs')).toEqual(['RecurrentEdgeDeviceNeed']);
    });

    it('gives the roles: the named class first, then the others in the registry\'s order', () => {
        expect(classesOf('JobBase')).toEqual(['Job', 'GPUJob', 'VideoStreamingJob', 'WebApplicationJob', 'EcoLogitsGenAIExternalAPIJob']);
        expect(classesOf('ServerBase')).toEqual(['Server', 'GPUServer', 'BoaviztaCloudServer']);
        expect(classesOf('Server')).toEqual(['Server', 'BoaviztaCloudServer']);
        expect(classesOf('Service')).toEqual(['VideoStreaming', 'WebApplication']);
        expect(classesOf('EdgeDevice')).toEqual(['EdgeDevice', 'EdgeComputer', 'EdgeAppliance']);
        expect(classesOf('RecurrentEdgeDeviceNeed')).toEqual(['RecurrentEdgeDeviceNeed', 'RecurrentEdgeProcess', 'RecurrentEdgeWorkload']);
        expect(classesOf('RecurrentEdgeComponentNeed')).toEqual(['RecurrentEdgeComponentNeed', 'RecurrentEdgeStorageNeed', 'RecurrentEdgeProcessRAMNeed',
            'RecurrentEdgeProcessCPUNeed', 'RecurrentEdgeProcessStorageNeed', 'RecurrentEdgeWorkloadNeed']);
        expect([...classesOf('EdgeComponent')].sort()).toEqual(EDGE_COMPONENTS);
        expect(classesOf(['System', 'Device', 'Server'])).toEqual(['System', 'Device', 'Server', 'BoaviztaCloudServer']);
        expect(classesOf('NoSuchClass')).toEqual([]);
        expect(isA('RecurrentEdgeProcessStorageNeed', 'RecurrentEdgeStorageNeed')).toBe(true);
        expect(isA('BoaviztaCloudServer', 'ServerBase')).toBe(true);
        expect(isA('GPUServer', 'Server')).toBe(false);
        expect(isA('Budget', 'ModelingObject')).toBe(false);
    });

    it('has every spec say what it extends, but efp\'s own classes', () => {
        const declared = new Set([...CLASS_SPECS.map(c => c.className), ...ABSTRACT_CLASSES.map(a => a.name)]);
        for (const spec of CLASS_SPECS) for (const parent of spec.extends ?? []) expect(declared, `${spec.className} extends ${parent}`).toContain(parent);
        expect(CLASS_SPECS.filter(c => !c.extends).map(c => c.className).sort()).toEqual(['Budget', 'Measurement']);
        for (const spec of CLASS_SPECS.filter(c => c.extends)) expect(isA(spec.className, 'ModelingObject'), spec.className).toBe(true);
        // abstract classes are no specs: no object is of one
        for (const a of ABSTRACT_CLASSES) expect(CLASS_SPECS.some(c => c.className === a.name), a.name).toBe(false);
    });

    it('refuses a parent not declared and a class that inherits from itself', () => {
        expect(() => new ClassHierarchy([{ name: 'A', parents: ['B'] }], ['A'])).toThrow(/extends 'B', which is not declared/);
        expect(() => new ClassHierarchy([{ name: 'A', parents: ['B'] }, { name: 'B', parents: ['A'] }], [])).toThrow(/inherits from itself/);
        expect(() => new ClassHierarchy([{ name: 'A', parents: [] }, { name: 'A', parents: [] }], [])).toThrow(/declared twice/);
    });

    it('reads e-footprint\'s hierarchy from the specs, with the classes efp does not model', () => {
        expect(isSubclassOf('BoaviztaCloudServer', 'ServerBase')).toBe(true);
        expect(isSubclassOf('BoaviztaServerFromConfig', 'ServerBase')).toBe(true);
        expect(isSubclassOf('GenAIJob', 'JobBase')).toBe(true);
        expect(isSubclassOf('WebApplicationJob', 'ServiceJob')).toBe(true);
        expect(isSubclassOf('EcoLogitsGenAIExternalAPIServer', 'ExternalAPIServer')).toBe(true);
        expect(isSubclassOf('EdgeComputerRAMComponent', 'EdgeComponent')).toBe(true);
        expect(isSubclassOf('Device', 'InfraHardware')).toBe(false);
        for (const known of ['System', 'InfraHardware', 'GenAIModel', 'EcoLogitsVideoGenExternalAPI']) expect(isEfootprintClass(known), known).toBe(true);
        // efp's own classes, and names that are properties of every JavaScript object, are no e-footprint classes
        for (const unknown of ['Budget', 'Measurement', 'constructor', 'toString']) expect(isEfootprintClass(unknown), unknown).toBe(false);
    });
});

describe('a reference to an object of the wrong kind', () => {
    it('names the kinds the input takes, subclasses included', async () => {
        const onGpu = await analyze(minimalModel({ extra: 'gpu_server gpu { storage: disk }', job: 'server: gpu' }).replace('job call on api', 'job call'));
        expect(onGpu.diagnostics.map(d => d.message).join('\n')).toContain("'server' expects a server or a cloud server, but 'gpu' is a GPU server");
        const serverAsJob = await analyze(minimalModel().replace('jobs: [call]', 'jobs: [api]'));
        expect(serverAsJob.diagnostics.map(d => d.message).join('\n')).toContain(
            "'jobs' expects a job or a GPU job or a video streaming job or a web application job or a generative AI job, but 'api' is a server");
    });
});
