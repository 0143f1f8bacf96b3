/**
 * `efp cloud-estimate`: the Impact Framework CCF plugin's answer for a cloud instance, without a model.
 * With flags it answers one question in words (or `--json`); without them it reads a JSON array of
 * observations (the plugin's input fields) on standard input and writes them back with `energy` (kWh) and
 * `carbon-embodied` (gCO2e) added, as the plugin would. `--interpolation` plays the plugin's global config;
 * `--region` (or an observation's `cloud/region`) adds CCF's operational carbon: energy × PUE × grid factor.
 * Exit codes as main.ts: 0 fine, 1 an observation or the input is invalid, 2 the command line is wrong.
 */
import {
    ccfPluginObservation, type CloudProvider, type Interpolation, type Observation, type ObservationResult, type PluginConfig, PluginInputError, readDecimal, regionOperationalCarbon, type RegionOperationalCarbon
} from '../engine/index.js';
import { UsageError } from './usage-error.js';
import { terminalText } from './terminal-text.js';

interface Output { out(text: string): void; err(text: string): void }

export interface CloudEstimateOptions {
    vendor?: string;
    instanceType?: string;
    cpuUtil?: string;
    duration?: string;
    lifespan?: string;
    region?: string;
    interpolation?: Interpolation;
    ifCompat?: boolean;
    json?: boolean;
}

const EXIT_OK = 0;
const EXIT_INVALID = 1;

/** The flag that sets each plugin field, to name it in errors. */
const FLAG_OF: Record<string, string> = {
    'cloud/vendor': '--vendor', 'cloud/instance-type': '--instance-type', 'cpu/utilization': '--cpu-util',
    duration: '--duration', 'cpu/expected-lifespan': '--lifespan', interpolation: '--interpolation', 'cloud/region': '--region'
};

export async function cloudEstimateCommand(options: CloudEstimateOptions, io: Output, readStdin: () => Promise<string>): Promise<number> {
    const config: PluginConfig = options.interpolation ? { interpolation: options.interpolation } : {};
    const fromFlags = options.vendor !== undefined || options.instanceType !== undefined || options.cpuUtil !== undefined;
    if (fromFlags) return estimateFromFlags(options, config, io);
    if (options.duration !== undefined || options.lifespan !== undefined) {
        throw new UsageError('--duration and --lifespan go with --vendor, --instance-type and --cpu-util; observations on standard input carry their own');
    }
    return estimateFromStdin(await readStdin(), options, config, io);
}

function estimateFromFlags(options: CloudEstimateOptions, config: PluginConfig, io: Output): number {
    const missing = [['--vendor', options.vendor], ['--instance-type', options.instanceType], ['--cpu-util', options.cpuUtil]]
        .filter(([, v]) => v === undefined).map(([flag]) => flag);
    if (missing.length > 0) throw new UsageError(`missing ${missing.join(', ')}: give --vendor, --instance-type and --cpu-util (and --duration, 3600 s by default)`);
    const observation: Record<string, unknown> = {
        duration: numberFlag('--duration', options.duration ?? '3600'),
        'cpu/utilization': numberFlag('--cpu-util', options.cpuUtil!),
        'cloud/vendor': options.vendor,
        'cloud/instance-type': options.instanceType
    };
    if (options.lifespan !== undefined) observation['cpu/expected-lifespan'] = numberFlag('--lifespan', options.lifespan);
    const estimate = estimateOne(observation, options, config);
    if ('error' in estimate) {
        const e = estimate.error;
        io.err(terminalText(`efp: ${e.fields.map(f => FLAG_OF[f] ?? f).join(', ')}: ${e.message}`));
        if (e.suggestion) io.err(`    hint: did you mean '${terminalText(e.suggestion)}'?`);
        return EXIT_INVALID;
    }
    for (const note of estimate.notes) io.err(terminalText(`efp: note: ${note}`));
    if (options.json) {
        io.out(jsonText([estimate.output]));
        return EXIT_OK;
    }
    io.out(describeEstimate(observation, estimate, config.interpolation ?? 'linear', options.ifCompat === true));
    return EXIT_OK;
}

function estimateFromStdin(text: string, options: CloudEstimateOptions, config: PluginConfig, io: Output): number {
    if (text.trim() === '') {
        throw new UsageError('nothing to estimate: give --vendor, --instance-type and --cpu-util, or pipe a JSON array of observations on standard input');
    }
    let parsed: unknown;
    try {
        parsed = JSON.parse(text);
    } catch (e) {
        io.err(terminalText(`efp: standard input is not valid JSON: ${(e as Error).message}`));
        return EXIT_INVALID;
    }
    if (!Array.isArray(parsed)) {
        io.err(`efp: standard input must be a JSON array of observations (objects with duration, cpu/utilization, cloud/vendor, cloud/instance-type), not ${describeJsonType(parsed)}`);
        return EXIT_INVALID;
    }
    const outputs: Observation[] = [];
    let failed = false;
    parsed.forEach((item: unknown, index: number) => {
        if (item === null || typeof item !== 'object' || Array.isArray(item)) {
            io.err(`efp: observation ${index}: expected an object with duration, cpu/utilization, cloud/vendor and cloud/instance-type, found ${describeJsonType(item)}`);
            failed = true;
            return;
        }
        const estimate = estimateOne(item as Observation, options, config);
        if ('error' in estimate) {
            const e = estimate.error;
            io.err(terminalText(`efp: observation ${index}, ${e.fields.join(', ')}: ${e.message}`));
            if (e.suggestion) io.err(`    hint: did you mean '${terminalText(e.suggestion)}'?`);
            failed = true;
            return;
        }
        for (const note of estimate.notes) io.err(terminalText(`efp: observation ${index}: note: ${note}`));
        outputs.push(estimate.output);
    });
    if (failed) return EXIT_INVALID;
    io.out(jsonText(outputs));
    return EXIT_OK;
}

type Estimate = (ObservationResult & { region?: RegionOperationalCarbon }) | { error: PluginInputError };

/** The plugin's answer, plus the region's operational carbon when a region is given. */
function estimateOne(observation: Observation, options: CloudEstimateOptions, config: PluginConfig): Estimate {
    let result: ObservationResult;
    try {
        result = ccfPluginObservation(observation, config, { compatibility: options.ifCompat === true });
    } catch (e) {
        if (e instanceof PluginInputError) return { error: e };
        throw e;
    }
    const region = options.region ?? observation['cloud/region'];
    if (region === undefined) return result;
    const vendor = observation['cloud/vendor'];
    if (typeof region !== 'string' || region === '') {
        return { error: new PluginInputError('InputValidationError', `"cloud/region" must be a region name such as "eu-west-3"`, ['cloud/region']) };
    }
    // the plugin has validated the vendor (the global config cannot set it)
    const carbon = regionOperationalCarbon(vendor as CloudProvider, region, result.energyKWh);
    const notes = carbon.gridListed ? result.notes
        : [...result.notes, `CCF has no grid factor for ${String(vendor)} region '${region}': its "Unknown" average (${carbon.gridIntensityGPerKWh} gCO2e/kWh) stands in`];
    return {
        ...result,
        notes,
        region: carbon,
        output: {
            ...result.output,
            'cloud/region': region,
            'power-usage-effectiveness': carbon.pue,
            'grid/carbon-intensity': carbon.gridIntensityGPerKWh,
            'carbon-operational': carbon.operationalGrams
        }
    };
}

/** A number option: decimal only (`0x10` is not 16, a blank is not 0). */
function numberFlag(flag: string, text: string): number {
    const read = readDecimal(text);
    if (!read.ok) throw new UsageError(`${flag} expects a ${read.problem === 'is not a decimal number' ? 'decimal ' : ''}number, got '${terminalText(text)}'`);
    return read.value;
}

function describeJsonType(v: unknown): string {
    if (v === null) return 'null';
    if (Array.isArray(v)) return 'an array';
    return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** JSON with NaN written as "NaN" (JSON has no NaN; the shared reference vectors spell it so). */
function jsonText(observations: readonly Observation[]): string {
    return JSON.stringify(observations, (_key, value) => typeof value === 'number' && Number.isNaN(value) ? 'NaN' : value, 2);
}

function describeEstimate(observation: Record<string, unknown>, estimate: Exclude<Estimate, { error: PluginInputError }>, interpolation: Interpolation, compat: boolean): string {
    const duration = observation.duration as number;
    const lifespan = (observation['cpu/expected-lifespan'] as number | undefined) || 4;
    const lines = [
        `${terminalText(`${String(observation['cloud/vendor'])} ${String(observation['cloud/instance-type'])} at ${String(observation['cpu/utilization'])}`)} % CPU for ${duration} s (${formatNumber(duration / 3600)} h)`,
        `Impact Framework CCF plugin method, ${interpolation} interpolation${compat ? ', compatibility mode' : ''}:`,
        row('energy', `${formatNumber(estimate.energyKWh)} kWh`, 'CPU only: no PUE, memory or GPU'),
        row('carbon-embodied', `${formatNumber(estimate.embodiedGrams)} gCO2e`, `platform emissions over a ${lifespan}-year lifespan, the instance's share of its vCPUs`)
    ];
    if (estimate.region) {
        const r = estimate.region;
        lines.push(
            `CCF operational carbon in ${r.region} (PUE ${r.pue}, grid ${formatNumber(r.gridIntensityGPerKWh)} gCO2e/kWh):`,
            row('carbon-operational', `${formatNumber(r.operationalGrams)} gCO2e`, 'energy × PUE × grid'),
            row('carbon', `${formatNumber(r.operationalGrams + estimate.embodiedGrams)} gCO2e`, 'operational + embodied'));
    }
    return lines.join('\n');
}

function row(name: string, value: string, note: string): string {
    return `  ${name.padEnd(19)} ${value.padEnd(18)} ${note}`;
}

function formatNumber(n: number): string {
    if (Number.isNaN(n)) return 'NaN';
    if (n === 0) return '0';
    return Math.abs(n) >= 1e6 || Math.abs(n) < 1e-4 ? n.toExponential(6) : Number(n.toPrecision(6)).toString();
}
