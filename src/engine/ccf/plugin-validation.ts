/**
 * The plugin's input validation (a zod schema in @grnsft/if-unofficial-plugins 0.3.1) with its exact
 * messages, so that an observation efp rejects fails with the words Impact Framework users see:
 * `"cloud/vendor" parameter is invalid enum value. expected 'aws' | 'gcp' | 'azure', received 'oracle'. Error code: invalid_enum_value.`
 * The schema's fields are checked in its order and every failing field is reported, joined by commas as
 * the plugin's error does; only then come the vendor/interpolation and instance type checks.
 */
import { CLOUD_PROVIDERS, type CloudProvider } from '../cloud/cloud-catalogue.js';
import type { Interpolation } from './watts-interpolation.js';

export type PluginErrorClass = 'InputValidationError' | 'UnsupportedValueError';

/** An observation the plugin rejects: its error class, its exact message, and the field at fault. */
export class PluginInputError extends Error {
    constructor(readonly errorClass: PluginErrorClass, message: string, readonly fields: readonly string[],
        /** A close name the plugin knows, for an unknown instance type (efp's addition, not in the message). */
        readonly suggestion?: string) {
        super(message);
    }
}

export interface ValidObservation {
    readonly duration: number;
    readonly cpuUtilization: number;
    readonly instanceType: string;
    readonly vendor: CloudProvider;
    readonly lifespanYears: number | undefined;
    readonly interpolation: Interpolation | undefined;
}

interface Issue { readonly field: string; readonly code: string; readonly message: string }

/** zod's name for a value's type ("nan" for NaN, "null", "array"…). */
function parsedType(value: unknown): string {
    if (value === null) return 'null';
    if (Array.isArray(value)) return 'array';
    if (typeof value === 'number' && Number.isNaN(value)) return 'nan';
    return typeof value;
}

const quoted = (values: readonly string[]) => values.map(v => `'${v}'`).join(' | ');

function numberIssue(field: string, value: unknown, optional: boolean): Issue | undefined {
    if (value === undefined) return optional ? undefined : { field, code: 'invalid_type', message: 'Required' };
    if (typeof value === 'number' && !Number.isNaN(value)) return undefined;
    return { field, code: 'invalid_type', message: `Expected number, received ${parsedType(value)}` };
}

function enumIssue(field: string, value: unknown, values: readonly string[], requiredMessage: string | undefined, nativeEnum: boolean): Issue | undefined {
    if (value === undefined) return requiredMessage === undefined ? undefined : { field, code: 'invalid_type', message: requiredMessage };
    // z.enum takes strings only; z.nativeEnum also lets numbers through to the value check
    const typeOk = typeof value === 'string' || (nativeEnum && typeof value === 'number');
    if (!typeOk) return { field, code: 'invalid_type', message: `Expected ${quoted(values)}, received ${parsedType(value)}` };
    if (values.includes(value as string)) return undefined;
    return { field, code: 'invalid_enum_value', message: `Invalid enum value. Expected ${quoted(values)}, received '${String(value)}'` };
}

/** Checks the plugin's input fields (the observation merged with the global config). */
export function validateObservationFields(params: Readonly<Record<string, unknown>>): ValidObservation {
    const issues = [
        numberIssue('duration', params['duration'], false),
        numberIssue('cpu/utilization', params['cpu/utilization'], false),
        params['cloud/instance-type'] === undefined ? { field: 'cloud/instance-type', code: 'invalid_type', message: 'Required' }
            : typeof params['cloud/instance-type'] !== 'string'
                ? { field: 'cloud/instance-type', code: 'invalid_type', message: `Expected string, received ${parsedType(params['cloud/instance-type'])}` }
                : undefined,
        // the plugin's own required message interpolates the array, hence "aws,gcp,azure"
        enumIssue('cloud/vendor', params['cloud/vendor'], CLOUD_PROVIDERS, `Only ${CLOUD_PROVIDERS.join(',')} is currently supported`, false),
        numberIssue('cpu/expected-lifespan', params['cpu/expected-lifespan'], true),
        enumIssue('interpolation', params['interpolation'], ['spline', 'linear'], undefined, true)
    ].filter((i): i is Issue => i !== undefined);
    if (issues.length > 0) {
        throw new PluginInputError('InputValidationError',
            issues.map(i => `"${i.field}" parameter is ${i.message.toLowerCase()}. Error code: ${i.code}.`).join(','),
            issues.map(i => i.field));
    }
    return {
        duration: params['duration'] as number,
        cpuUtilization: params['cpu/utilization'] as number,
        instanceType: params['cloud/instance-type'] as string,
        vendor: params['cloud/vendor'] as CloudProvider,
        lifespanYears: params['cpu/expected-lifespan'] as number | undefined,
        interpolation: params['interpolation'] as Interpolation | undefined
    };
}

/** The plugin's `CloudCarbonFootprint: <message>.` */
export function pluginMessage(message: string): string {
    return `CloudCarbonFootprint: ${message}.`;
}
