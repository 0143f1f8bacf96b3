/**
 * CodeCarbon 3.3's own mapping of a run to BoAmps (`codecarbon/output_methods/boamps/mapper.py`),
 * field by field, so that a report efp writes from an emissions.csv row reads as the one CodeCarbon
 * would have written at the end of that run. Absent values are left out, as CodeCarbon strips Nones.
 */
import { numberOf, textOf, type CodeCarbonRun } from '../codecarbon/emissions-csv.js';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };
export type JsonObject = { [key: string]: Json | undefined };

/** CodeCarbon writes `2026-03-02T14:05:19`; BoAmps wants `YYYY-MM-DD HH:MM:SS`. */
export function boampsDatetime(timestamp: string): string {
    return timestamp.replace('T', ' ');
}

/** Python's round(x, 4) for the utilisations (ties do not occur with CodeCarbon's one-decimal percents). */
function round4(x: number): number {
    return Math.round(x * 1e4) / 1e4;
}

function text(run: CodeCarbonRun, column: string): string | undefined {
    return textOf(run, column) || undefined;
}

export function measureOfRun(run: CodeCarbonRun): JsonObject {
    const cpu = numberOf(run, 'cpu_utilization_percent') ?? 0;
    const gpu = numberOf(run, 'gpu_utilization_percent') ?? 0;
    const gpus = numberOf(run, 'gpu_count') ?? 0;
    // CodeCarbon leaves out cpu/gpuTrackingMode: its tracking_mode (machine, process) is not what BoAmps means
    return {
        measurementMethod: 'codecarbon',
        version: text(run, 'codecarbon_version'),
        averageUtilizationCpu: cpu > 0 ? round4(cpu / 100) : undefined,
        averageUtilizationGpu: gpus > 0 && gpu > 0 ? round4(gpu / 100) : undefined,
        powerConsumption: numberOf(run, 'energy_consumed') ?? 0,
        measurementDuration: numberOf(run, 'duration'),
        measurementDateTime: boampsDatetime(textOf(run, 'timestamp'))
    };
}

export function isCloudRun(run: CodeCarbonRun): boolean {
    // on_cloud can be N on a public cloud (CodeCarbon clears it for some providers): the provider decides too
    return textOf(run, 'on_cloud') === 'Y' || textOf(run, 'cloud_provider') !== '';
}

export function componentsOfRun(run: CodeCarbonRun): JsonObject[] {
    const cpuCount = numberOf(run, 'cpu_count');
    const gpus = numberOf(run, 'gpu_count') ?? 0;
    const components: JsonObject[] = [{
        componentName: text(run, 'cpu_model'),
        componentType: 'cpu',
        // cpu_count counts logical CPUs; BoAmps wants physical cores, two threads each as CodeCarbon assumes
        nbComponent: cpuCount ? Math.max(1, Math.floor(cpuCount / 2)) : 1
    }];
    if (gpus > 0) components.push({ componentName: text(run, 'gpu_model'), componentType: 'gpu', nbComponent: Math.trunc(gpus) });
    components.push({ componentType: 'ram', nbComponent: 1, memorySize: numberOf(run, 'ram_total_size') });
    return components;
}

export function systemOfRun(run: CodeCarbonRun): JsonObject {
    return { os: textOf(run, 'os') };
}

export function softwareOfRun(run: CodeCarbonRun): JsonObject {
    return { language: 'python', version: text(run, 'python_version') };
}
