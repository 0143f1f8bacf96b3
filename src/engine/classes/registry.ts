import type { ClassSpec, InputSpec } from './class-spec.js';
import { Country } from './country.js';
import { Device } from './device.js';
import { GPUJob, Job } from './job.js';
import { Network } from './network.js';
import { GPUServer, Server } from './server.js';
import { Storage } from './storage.js';
import { System } from './system.js';
import { UsageJourney } from './usage-journey.js';
import { UsageJourneyStep } from './usage-journey-step.js';
import { UsagePattern } from './usage-pattern.js';
import { VideoStreaming, VideoStreamingJob } from './video-streaming.js';

/** Every e-footprint class efp models, in e-footprint's computation order. */
export const CLASS_SPECS: readonly ClassSpec[] = [
    Country, UsagePattern, UsageJourney, UsageJourneyStep, Device, Job, GPUJob, VideoStreamingJob, VideoStreaming, Network, Server, GPUServer, Storage, System
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
