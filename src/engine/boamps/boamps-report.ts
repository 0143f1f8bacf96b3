/**
 * The BoAmps 1.1 report of a measurement (`efp export --boamps`): CodeCarbon's mapping of its runs
 * (one measure per run; system, infrastructure and place from the first), completed with what only the
 * model knows — the task, the publisher, the cloud instance — from the measurement's BoAmps inputs.
 */
import type { EfpObject } from '../model/efp-object.js';
import type { Model } from '../model/model.js';
import { numberOf, textOf } from '../codecarbon/emissions-csv.js';
import { readMeasurementRuns } from '../codecarbon/measurement-reading.js';
import { parseUnit } from '../units/unit.js';
import {
    boampsDatetime, componentsOfRun, isCloudRun, measureOfRun, softwareOfRun, systemOfRun, type JsonObject
} from './codecarbon-mapping.js';

export const BOAMPS_FORMAT_VERSION = '0.1';
export const BOAMPS_FORMAT_SPEC_URI = 'https://github.com/Boavizta/BoAmps/tree/main/model';

/** Inputs without which the report would not be valid against BoAmps 1.1 (its task's required fields). */
export const REQUIRED_BOAMPS_INPUTS = ['task_stage', 'task_family', 'data_usage', 'data_type'] as const;

export type BoampsReportResult =
    | { readonly ok: true; readonly report: JsonObject }
    | { readonly ok: false; readonly message: string; readonly hint?: string };

/** JSON without the keys whose value is undefined, and without objects left empty. */
function compact(value: JsonObject): JsonObject {
    const out: JsonObject = {};
    for (const [key, v] of Object.entries(value)) {
        if (v === undefined) continue;
        if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
            const inner = compact(v);
            if (Object.keys(inner).length > 0) out[key] = inner;
        } else if (Array.isArray(v)) {
            out[key] = v.map(item => (item !== null && typeof item === 'object' && !Array.isArray(item) ? compact(item) : item));
        } else {
            out[key] = v;
        }
    }
    return out;
}

export function boampsReport(model: Model, measurement: EfpObject): BoampsReportResult {
    const read = readMeasurementRuns(model.description, measurement.description);
    if (!read.ok) return { ok: false, message: read.message, hint: read.hint };
    const missing = REQUIRED_BOAMPS_INPUTS.filter(name => measurement.text(name) === undefined);
    if (missing.length > 0) {
        return {
            ok: false, message: `${measurement} lacks ${missing.map(m => `'${m}'`).join(', ')}, which a BoAmps report requires`,
            hint: `CodeCarbon cannot know the task: add e.g. ${missing.map(m => `${m}: "…"`).join('  ')} to ${measurement.id}.`
        };
    }
    const text = (name: string) => measurement.text(name);
    const number = (name: string) => {
        const v = model.findNode(measurement.key, name)?.value;
        return v?.kind === 'quantity' ? v.value : undefined;
    };
    const runs = read.runs;
    const first = runs[0];
    const last = runs[runs.length - 1];
    const cloud = isCloudRun(first);
    const projects = [...new Set(runs.map(r => textOf(r, 'project_name')))];
    const publisher = text('publisher_name') ?? text('publisher_division') ?? text('confidentiality_level');
    const siIntensity = number('average_carbon_intensity');
    const intensity = siIntensity === undefined ? undefined : siIntensity / parseUnit('g/kWh').factor;
    const latitude = numberOf(first, 'latitude');
    const longitude = numberOf(first, 'longitude');
    const country = textOf(first, 'country_name');
    const report: JsonObject = {
        header: {
            licensing: text('licensing'),
            formatVersion: BOAMPS_FORMAT_VERSION,
            formatVersionSpecificationUri: BOAMPS_FORMAT_SPEC_URI,
            // one run: CodeCarbon's report of it; several: the first run's id and the last one's end
            reportId: textOf(first, 'run_id'),
            reportDatetime: boampsDatetime(textOf(last, 'timestamp')),
            reportStatus: text('report_status'),
            publisher: publisher === undefined ? undefined : {
                name: text('publisher_name'),
                division: text('publisher_division'),
                projectName: projects.length === 1 && projects[0] !== '' ? projects[0] : undefined,
                // BoAmps requires it of a publisher; a report meant to be shared is public unless the model says
                confidentialityLevel: text('confidentiality_level') ?? 'public'
            }
        },
        task: {
            taskStage: text('task_stage'),
            taskFamily: text('task_family'),
            nbRequest: number('nb_request'),
            algorithms: [compact({
                trainingType: text('training_type'),
                algorithmType: text('algorithm_type'),
                algorithmName: text('algorithm_name'),
                foundationModelName: text('foundation_model_name'),
                // in billions, as BoAmps' example and the model write it
                parametersNumber: number('parameters_number'),
                framework: text('framework'),
                frameworkVersion: text('framework_version'),
                epochsNumber: number('epochs_number'),
                optimizer: text('optimizer'),
                quantization: text('quantization')
            })],
            dataset: [compact({
                dataUsage: text('data_usage'),
                dataType: text('data_type'),
                dataFormat: text('data_format'),
                dataQuantity: number('data_quantity'),
                source: text('data_source')
            })],
            taskDescription: text('task_description')
        },
        measures: runs.map(measureOfRun),
        system: systemOfRun(first),
        software: softwareOfRun(first),
        infrastructure: {
            infraType: text('infra_type') ?? (cloud ? 'publicCloud' : 'onPremise'),
            cloudProvider: cloud ? textOf(first, 'cloud_provider') || undefined : undefined,
            cloudInstance: text('cloud_instance'),
            cloudService: text('cloud_service'),
            components: componentsOfRun(first)
        },
        // BoAmps requires a country of an environment: none without one
        environment: country === '' ? undefined : {
            country,
            latitude,
            longitude,
            location: text('location') ?? (textOf(first, 'cloud_region') || textOf(first, 'region') || undefined),
            powerSupplierType: text('power_supplier_type'),
            powerSource: text('power_source'),
            // BoAmps has no CO2 field: the grid intensity CodeCarbon used is where its emissions show (g/kWh)
            powerSourceCarbonIntensity: intensity === undefined ? undefined : Math.round(intensity * 1000) / 1000
        },
        quality: text('quality')
    };
    return { ok: true, report: compact(report) };
}
