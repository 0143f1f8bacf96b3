import type { ClassSpec, InputSpec } from '../model/class-spec.js';
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
