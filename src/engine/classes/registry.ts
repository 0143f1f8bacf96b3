import type { ClassSpec, InputSpec, ReferenceInputSpec } from '../model/class-spec.js';
import { ClassHierarchy, type ClassDeclaration } from '../model/class-hierarchy.js';
import { ABSTRACT_CLASSES } from './abstract-classes.js';
import { Country } from './country.js';
import { Device } from './device.js';
import { GPUJob, Job } from './job.js';
import { Network } from './network.js';
import { GPUServer, Server } from './server.js';
import { BoaviztaCloudServer } from './cloud-server.js';
import { Storage } from './storage.js';
import { System } from './system.js';
import { Measurement } from './measurement.js';
import { UsageJourney } from './usage-journey.js';
import { UsageJourneyStep } from './usage-journey-step.js';
import { UsagePattern } from './usage-pattern.js';
import { VideoStreaming, VideoStreamingJob } from './video-streaming.js';
import { WebApplication, WebApplicationJob } from './web-application.js';
import { EcoLogitsGenAIExternalAPI, EcoLogitsGenAIExternalAPIJob } from './genai-external-api.js';
import { EdgeUsagePattern } from './edge/edge-usage-pattern.js';
import { EdgeUsageJourney } from './edge/edge-usage-journey.js';
import { EdgeFunction, RecurrentEdgeDeviceNeed } from './edge/edge-function.js';
import { RecurrentEdgeComponentNeed } from './edge/recurrent-edge-component-need.js';
import {
    RecurrentEdgeProcess, RecurrentEdgeProcessCPUNeed, RecurrentEdgeProcessRAMNeed, RecurrentEdgeProcessStorageNeed
} from './edge/recurrent-edge-process.js';
import { EdgeCPUComponent } from './edge/edge-cpu-component.js';
import { EdgeRAMComponent } from './edge/edge-ram-component.js';
import { EdgeWorkloadComponent } from './edge/edge-workload-component.js';
import { EdgeStorage } from './edge/edge-storage.js';
import { EdgeDevice } from './edge/edge-device.js';
import { Budget, BUDGET_TARGET_CLASSES } from './budget.js';
import { EdgeComputer, EdgeComputerCPUComponent, EdgeComputerRAMComponent } from './edge/edge-computer.js';
import { EdgeAppliance, EdgeApplianceComponent } from './edge/edge-appliance.js';
import { RecurrentEdgeWorkload, RecurrentEdgeWorkloadNeed } from './edge/recurrent-edge-workload.js';
import { RecurrentEdgeStorageNeed } from './edge/recurrent-edge-storage-need.js';
import { RecurrentServerNeed } from './edge/recurrent-server-need.js';
import { EdgeDeviceGroup } from './edge/edge-device-group.js';

/** Every e-footprint class efp models, in e-footprint's computation order. */
export const CLASS_SPECS: readonly ClassSpec[] = [
    Country, UsagePattern, UsageJourney, UsageJourneyStep, Device, Job, GPUJob, VideoStreamingJob, VideoStreaming, WebApplicationJob, WebApplication, EcoLogitsGenAIExternalAPIJob, EcoLogitsGenAIExternalAPI, Network, Server, GPUServer, BoaviztaCloudServer, Storage,
    // the edge model
    EdgeUsagePattern, EdgeUsageJourney, EdgeFunction, RecurrentEdgeDeviceNeed, RecurrentEdgeProcess, RecurrentEdgeWorkload, RecurrentServerNeed,
    RecurrentEdgeComponentNeed, RecurrentEdgeStorageNeed, RecurrentEdgeProcessRAMNeed, RecurrentEdgeProcessCPUNeed, RecurrentEdgeProcessStorageNeed,
    RecurrentEdgeWorkloadNeed,
    EdgeComputer, EdgeComputerCPUComponent, EdgeComputerRAMComponent, EdgeAppliance, EdgeApplianceComponent, EdgeStorage, EdgeDevice,
    EdgeRAMComponent, EdgeCPUComponent, EdgeWorkloadComponent, EdgeDeviceGroup,
    // efp's addition: runs measured by CodeCarbon
    Measurement,
    System,
    // efp's own
    Budget
];

// a budget limits a system or anything with a footprint of its own
for (const c of CLASS_SPECS) if (c.category) BUDGET_TARGET_CLASSES.push(c.className);

/** The specs' parents and the abstract classes above them; objects are of the specs' classes, in the registry's order. */
const HIERARCHY = new ClassHierarchy(
    [...CLASS_SPECS.map(c => ({ name: c.className, parents: c.extends ?? [] })), ...ABSTRACT_CLASSES],
    CLASS_SPECS.map(c => c.className));

/** The class is `ancestor` or inherits from it (e-footprint's `is_subclass_of`); `ancestor` may be abstract (`JobBase`). */
export function isA(className: string, ancestor: string): boolean {
    return HIERARCHY.isA(className, ancestor);
}

/**
 * The classes that are `ancestor` (or any of several) or inherit from one (`ServerBase`: Server, GPUServer,
 * BoaviztaCloudServer): those named first, in the order named, then the others in the registry's order.
 */
export function classesOf(ancestor: string | readonly string[]): readonly string[] {
    return HIERARCHY.classesOf(ancestor);
}

/** The classes of the objects a reference input takes: those it names and those that inherit from them. */
export function acceptedClasses(input: ReferenceInputSpec): readonly string[] {
    return HIERARCHY.classesOf(input.classes);
}

/**
 * e-footprint's classes as efp models them, with the abstract ones above them: the specs that say what they
 * extend (efp's own classes, a budget or a measurement, do not) and ABSTRACT_CLASSES.
 */
export const EFOOTPRINT_CLASS_DECLARATIONS: readonly ClassDeclaration[] = [
    ...CLASS_SPECS.flatMap(c => (c.extends ? [{ name: c.className, parents: c.extends }] : [])),
    ...ABSTRACT_CLASSES
];

const byClassName = new Map(CLASS_SPECS.map(c => [c.className, c]));
const byKeyword = new Map(CLASS_SPECS.map(c => [c.keyword, c]));

export function classSpec(className: string): ClassSpec | undefined {
    return byClassName.get(className);
}

/** The class an .efp keyword declares (`server` -> Server). */
export function classForKeyword(keyword: string): ClassSpec | undefined {
    return byKeyword.get(keyword);
}

export function inputSpec(spec: ClassSpec, name: string): InputSpec | undefined {
    return spec.inputs.find(i => i.name === name);
}
