/**
 * From a catalogue entry to the Server inputs e-footprint's BoaviztaCloudServer gets from the Boavizta
 * API (compute, ram, power, carbon_footprint_fabrication), and from a region to the grid intensity and
 * PUE a cloud server defaults to. Plain numbers in the units the class spec declares.
 *
 * How Boavizta's answer maps onto CCF's numbers:
 * - compute: the instance's vCPUs, in both.
 * - ram: the instance's memory (GB), in both.
 * - power: e-footprint takes Boavizta's `avg_power`, the instance's share of its platform's power at
 *   Boavizta's default load for cloud instances (50 %). CCF's linear model of an instance's power at load
 *   `u` is `vCPU × (min W/vCPU + u × (max W/vCPU − min W/vCPU))`; we read it at the same 50 %. CCF's
 *   watts per vCPU come from SPECpower whole-server measurements, so they already include memory, fans
 *   and power supply losses, which Boavizta adds as RAM power and `other_consumption_ratio` (0.33).
 * - carbon_footprint_fabrication: Boavizta's `embedded` GWP is the instance's share of its platform's
 *   embodied emissions for the platform's whole life (its default duration is the platform lifetime), the
 *   share being vCPU / platform vCPU. CCF gives the platform's embodied emissions and allocates them the
 *   same way: `platform embodied × vCPU / platform vCPU`. The Server formula then spreads it over the
 *   server's `lifespan`, as e-footprint does with Boavizta's figure.
 * idle_power is not derived: e-footprint keeps it an input with default 0 W (Boavizta gives no idle power).
 */
import type { CloudInstanceType, CloudRegion } from './cloud-catalogue.js';

/** Boavizta's default workload for a cloud instance (`time_workload` 50 %), at which e-footprint reads the power. */
export const BOAVIZTA_CLOUD_WORKLOAD = 0.5;

/** What the catalogue gives a cloud server, in e-footprint's units. */
export interface CloudServerHardware {
    /** cpu_core */
    readonly compute: number;
    /** GB_ram */
    readonly ramGB: number;
    /** W, at BOAVIZTA_CLOUD_WORKLOAD */
    readonly powerW: number;
    /** kg CO2e, the instance's share of its platform */
    readonly carbonFootprintFabricationKg: number;
}

/** The instance's power at CPU load `load` (0…1) on CCF's linear model, W. */
export function instancePowerAt(entry: CloudInstanceType, load: number): number {
    return entry.vcpus * (entry.minWattsPerVcpu + load * (entry.maxWattsPerVcpu - entry.minWattsPerVcpu));
}

/** The instance's share of its platform's embodied emissions, kg CO2e. */
export function instanceEmbodiedKg(entry: CloudInstanceType): number {
    return entry.platformEmbodiedKg * entry.vcpus / entry.platformVcpus;
}

export function cloudServerHardware(entry: CloudInstanceType): CloudServerHardware {
    return {
        compute: entry.vcpus,
        ramGB: entry.memoryGB,
        powerW: instancePowerAt(entry, BOAVIZTA_CLOUD_WORKLOAD),
        carbonFootprintFabricationKg: instanceEmbodiedKg(entry)
    };
}

/** What a region gives a cloud server: e-footprint's average_carbon_intensity (g/kWh) and power_usage_effectiveness. */
export interface CloudRegionInputs {
    readonly averageCarbonIntensityGPerKWh: number;
    readonly powerUsageEffectiveness: number;
}

export function cloudRegionInputs(region: CloudRegion): CloudRegionInputs {
    return { averageCarbonIntensityGPerKWh: region.gramsPerKWh, powerUsageEffectiveness: region.pue };
}
