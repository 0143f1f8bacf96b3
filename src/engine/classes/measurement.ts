import type { ClassSpec, InputSpec } from '../model/class-spec.js';
import { valueOf } from '../formulas/formula-values.js';
import { nodeOf, own } from '../formulas/operands.js';
import { divide, EMPTY, hourly } from '../model/values.js';
import { HourlySeries } from '../series/hourly-series.js';
import { newValues } from '../series/series-memory.js';
import { Dimension } from '../units/dimension.js';

const MASS = Dimension.base('mass');

/** Values read from the runs (filled in before the model is built, `codecarbon/measurement-inputs.ts`). */
const measured = (name: string, label: string, unit: string, description: string): InputSpec =>
    ({ type: 'quantity', name, label, unit, min: 0, readFrom: 'file', description: `${description} Read from the CodeCarbon file.` });
const measuredText = (name: string, label: string, description: string): InputSpec =>
    ({ type: 'text', name, label, readFrom: 'file', description: `${description} Read from the CodeCarbon file.` });
/** A filter or a report's field: left out, it filters nothing or is not reported. */
const text = (name: string, label: string, description: string): InputSpec => ({ type: 'text', name, label, optional: true, description });

/**
 * Inputs of the BoAmps report `efp export --boamps` writes (BoAmps 1.1 names in snake case): the task,
 * which CodeCarbon cannot know, and the report's context. Enumerated ones are checked against BoAmps'
 * values when the model is read (`BOAMPS_ENUMERATIONS`).
 */
export const BOAMPS_INPUTS: readonly InputSpec[] = [
    text('task_stage', 'BoAmps task stage', 'BoAmps: stage of the task (training, finetuning, inference…).'),
    text('task_family', 'BoAmps task family', 'BoAmps: family of the task (text classification, image generation…).'),
    text('task_description', 'BoAmps task description', 'BoAmps: free description of the task.'),
    { type: 'quantity', name: 'nb_request', optional: true, label: 'BoAmps number of requests', unit: '', min: 0, description: 'BoAmps: for inference, the number of requests measured.' },
    text('training_type', 'BoAmps training type', 'BoAmps algorithm: supervisedLearning, unsupervisedLearning, reinforcementLearning…'),
    text('algorithm_type', 'BoAmps algorithm type', 'BoAmps algorithm: llm, embeddings, decisionTree…'),
    text('algorithm_name', 'BoAmps algorithm name', 'BoAmps algorithm: its name.'),
    text('foundation_model_name', 'BoAmps foundation model', 'BoAmps algorithm: the foundation model (llama3.1-8b…).'),
    { type: 'quantity', name: 'parameters_number', optional: true, label: 'BoAmps parameters (billions)', unit: '', min: 0, description: 'BoAmps algorithm: number of parameters, in billions.' },
    text('framework', 'BoAmps framework', 'BoAmps algorithm: pytorch, tensorflow…'),
    text('framework_version', 'BoAmps framework version', 'BoAmps algorithm: the framework\'s version.'),
    { type: 'quantity', name: 'epochs_number', optional: true, label: 'BoAmps epochs', unit: '', min: 0, description: 'BoAmps algorithm: number of epochs.' },
    text('optimizer', 'BoAmps optimizer', 'BoAmps algorithm: the optimizer (adam, lora…).'),
    text('quantization', 'BoAmps quantization', 'BoAmps algorithm: the quantization (fp16, bf16, q4…).'),
    text('data_usage', 'BoAmps data usage', 'BoAmps dataset: input or output.'),
    text('data_type', 'BoAmps data type', 'BoAmps dataset: tabular, audio, image, video, text, token…'),
    text('data_format', 'BoAmps data format', 'BoAmps dataset: json, csv, parquet…'),
    { type: 'quantity', name: 'data_quantity', optional: true, label: 'BoAmps data quantity', unit: '', min: 0, description: 'BoAmps dataset: number of items.' },
    text('data_source', 'BoAmps data source', 'BoAmps dataset: public, private or other.'),
    text('licensing', 'BoAmps licensing', 'BoAmps header: the report\'s licence (CC-BY-4.0…).'),
    text('report_status', 'BoAmps report status', 'BoAmps header: draft, final, corrective or other.'),
    text('publisher_name', 'BoAmps publisher', 'BoAmps header: the publishing organisation.'),
    text('publisher_division', 'BoAmps publisher division', 'BoAmps header: the publishing department.'),
    text('confidentiality_level', 'BoAmps confidentiality', 'BoAmps header: public, internal, confidential or secret.'),
    text('infra_type', 'BoAmps infrastructure type', 'BoAmps: publicCloud, privateCloud, onPremise or other (from the runs by default).'),
    text('cloud_instance', 'BoAmps cloud instance', 'BoAmps: the cloud instance type (a2-highgpu-1g…).'),
    text('cloud_service', 'BoAmps cloud service', 'BoAmps: the AI cloud service used, if any.'),
    text('location', 'BoAmps location', 'BoAmps environment: region or data centre (the runs\' cloud region or region by default).'),
    text('power_supplier_type', 'BoAmps power supplier type', 'BoAmps environment: public, private, internal or other.'),
    text('power_source', 'BoAmps power source', 'BoAmps environment: solar, wind, nuclear, hydroelectric, gas, coal or other.'),
    text('quality', 'BoAmps quality', 'BoAmps: high (±10 %), medium (±25 %) or low (±50 %).')
];

/** BoAmps 1.1's enumerations for the inputs above that have one. */
export const BOAMPS_ENUMERATIONS: Readonly<Record<string, readonly string[]>> = {
    data_usage: ['input', 'output'],
    data_type: ['tabular', 'audio', 'boolean', 'image', 'video', 'object', 'text', 'token', 'word', 'other'],
    data_source: ['public', 'private', 'other'],
    report_status: ['draft', 'final', 'corrective', 'other'],
    confidentiality_level: ['public', 'internal', 'confidential', 'secret'],
    infra_type: ['publicCloud', 'privateCloud', 'onPremise', 'other'],
    power_supplier_type: ['public', 'private', 'internal', 'other'],
    power_source: ['solar', 'wind', 'nuclear', 'hydroelectric', 'gas', 'coal', 'other'],
    quality: ['high', 'medium', 'low']
};

/**
 * Runs measured with CodeCarbon (efp's addition; e-footprint has no such class): the runs of an
 * emissions.csv that the filters keep, added up. Its values are ordinary inputs an expression may name
 * (`training.energy_consumed / training.runs_count`); listed in a system's `measurements`, its emissions
 * count in the system's footprint, at the hours the runs ended.
 */
export const Measurement: ClassSpec = {
    className: 'Measurement',
    keyword: 'measurement',
    article: 'a measurement',
    description: 'Runs measured by CodeCarbon: the energy and emissions of an emissions.csv, added up over the runs selected.',
    typicalInputs: ['file', 'project_name'],
    // efp's own: a system's measurements are not written either (its input is efpOnly)
    efootprintJson: { writtenAs: 'nothing' },
    category: 'Measurements',
    inputs: [
        { type: 'text', name: 'file', label: 'CodeCarbon emissions file', description: 'The emissions.csv CodeCarbon wrote, relative to this file.' },
        text('project_name', 'Project', 'Count only the runs of this CodeCarbon project_name.'),
        text('experiment_id', 'Experiment', 'Count only the runs of this CodeCarbon experiment_id (CodeCarbon 2.7 and later).'),
        text('run_id', 'Run', 'Count only the run with this CodeCarbon run_id.'),
        measured('runs_count', 'Number of runs', '', 'How many runs are counted.'),
        measured('energy_consumed', 'Energy consumed', 'kWh', 'Energy of the runs, CPU, GPU and RAM, PUE included.'),
        measured('cpu_energy', 'CPU energy', 'kWh', 'Energy of the CPUs over the runs, PUE included.'),
        measured('gpu_energy', 'GPU energy', 'kWh', 'Energy of the GPUs over the runs, PUE included.'),
        measured('ram_energy', 'RAM energy', 'kWh', 'Energy of the RAM over the runs, PUE included.'),
        measured('emissions', 'Emissions', 'kg', 'CO2e emitted by the runs, from the grid of where they ran.'),
        measured('duration', 'Duration', 's', 'Time the runs took, added up.'),
        {
            type: 'hourly', name: 'hourly_emissions', label: 'Emissions by hour of run end', unit: 'kg', min: 0, readFrom: 'file',
            description: 'Each run\'s emissions at the hour it ended. Read from the CodeCarbon file.'
        },
        measuredText('country_iso_code', 'Country', 'ISO 3166 alpha-3 code of the country the runs took place in.'),
        measuredText('country_name', 'Country name', 'The country the runs took place in.'),
        measuredText('region', 'Region', 'The region (state, province) the runs took place in, if CodeCarbon knew it.'),
        measuredText('cloud_provider', 'Cloud provider', 'The runs\' cloud provider, if any.'),
        measuredText('cloud_region', 'Cloud region', 'The runs\' cloud region, if any.'),
        ...BOAMPS_INPUTS
    ],
    calculated: [
        {
            // systems total every member's fabrication and energy footprints
            name: 'instances_fabrication_footprint', label: 'Hourly fabrication footprint', unit: 'kg',
            emptyBecause: 'CodeCarbon measures only electricity',
            define: () => ({ operands: {}, formula: 'none: CodeCarbon measures electricity, not the hardware\'s fabrication', compute: () => EMPTY })
        },
        {
            name: 'average_carbon_intensity', label: 'Average carbon intensity of the runs', unit: 'g/kWh',
            define(measurement) {
                const operands = own(measurement, ['emissions', 'energy_consumed']);
                const { emissions, energy_consumed: energy } = operands;
                return {
                    operands,
                    formula: 'emissions / energy_consumed',
                    compute() {
                        const e = valueOf(energy);
                        return e.kind === 'quantity' && e.value === 0 ? EMPTY : divide(valueOf(emissions), e);
                    }
                };
            }
        },
        {
            name: 'energy_footprint', label: 'Hourly measured emissions over the modeling period', unit: 'kg', min: 0,
            define(measurement, model) {
                const byRun = nodeOf(measurement, 'hourly_emissions');
                return {
                    operands: { hourly_emissions: byRun },
                    // a training done before the service starts is still one of its costs
                    formula: 'hourly_emissions over the modeled hours; runs before them count in the first hour, runs after them in the last',
                    compute() {
                        const v = valueOf(byRun);
                        const { start, length } = model.period;
                        if (length === 0) return EMPTY;
                        const out = newValues(length);
                        if (v.kind === 'hourly') {
                            const { base, factor } = v.series;
                            for (let i = 0; i < base.length; i++) {
                                const h = Math.min(length - 1, Math.max(0, v.series.start + i - start));
                                out[h] += base[i] * factor;
                            }
                        } else if (v.kind === 'quantity') {
                            out[0] += v.value;
                        }
                        return hourly(new HourlySeries(start, out), MASS);
                    }
                };
            }
        }
    ]
};
