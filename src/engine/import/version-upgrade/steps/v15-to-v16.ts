import { hypothesisQuantity } from '../hypothesis-quantity.js';
import { classOf, copyOf, isRecord, objectsOf, type Json, type JsonRecord } from '../json.js';
import type { UpgradeStep } from '../upgrade-step.js';

/**
 * e-footprint 22's Job defaults (`Job.default_values`) that a former web application job takes, in their
 * order; its own data transferred and stored are kept.
 */
const JOB_DEFAULTS: ReadonlyArray<readonly [string, number, string]> = [
    ['request_duration', 1, 'second'],
    ['compute_needed', 0.1, 'cpu_core'],
    ['ram_needed', 50, 'megabyte_ram']
];

/** What a former GenAIJob's fixed job inputs are (e-footprint's EcoLogits job fixes them; the API's server carries the load). */
const GENAI_JOB_ZEROS: ReadonlyArray<readonly [string, string]> = [
    ['data_transferred', 'megabyte'], ['data_stored', 'megabyte'], ['request_duration', 'second'],
    ['compute_needed', 'cpu_core'], ['ram_needed', 'gigabyte_ram']
];

const text = (v: Json | undefined): string | null => (typeof v === 'string' ? v : null);

function webApplicationJobsToJobs(root: JsonRecord, notes: string[]): boolean {
    if (!('WebApplicationJob' in root)) return false;
    const jobs = classOf(root, 'Job');
    const services = isRecord(root.WebApplication) ? root.WebApplication : {};
    for (const [id, webJob] of objectsOf(root, 'WebApplicationJob')) {
        const serviceId = text(webJob.service);
        const service = serviceId !== null ? services[serviceId] : undefined;
        const job: JsonRecord = {
            name: webJob.name ?? null, id, server: isRecord(service) ? service.server ?? null : null,
            data_transferred: webJob.data_transferred ?? null, data_stored: webJob.data_stored ?? null
        };
        for (const [attribute, value, unit] of JOB_DEFAULTS) job[attribute] = hypothesisQuantity(value, unit);
        jobs[id] = job;
        notes.push(`WebApplicationJob ${JSON.stringify(id)} became a Job on its service's server with e-footprint's default `
            + 'request duration (1 s), compute (0.1 cpu_core) and RAM (50 MB): its technology and implementation details are gone, as in e-footprint 16');
    }
    delete root.WebApplicationJob;
    return true;
}

function genAIModelsToExternalAPIs(root: JsonRecord): void {
    if (!('GenAIModel' in root)) return;
    const apis = classOf(root, 'EcoLogitsGenAIExternalAPI');
    const servers = classOf(root, 'EcoLogitsGenAIExternalAPIServer');
    for (const [id, model] of objectsOf(root, 'GenAIModel')) {
        const serverId = `${id}_server`;
        apis[id] = { name: model.name ?? null, id, provider: model.provider ?? null, model_name: model.model_name ?? null, server: serverId };
        servers[serverId] = { name: `${text(model.name)} server`, id: serverId };
    }
    delete root.GenAIModel;
}

function genAIJobsToExternalAPIJobs(root: JsonRecord): void {
    if (!('GenAIJob' in root)) return;
    const jobs = classOf(root, 'EcoLogitsGenAIExternalAPIJob');
    for (const [key, genAIJob] of objectsOf(root, 'GenAIJob')) {
        const id = text(genAIJob.id) ?? key;
        const job: JsonRecord = {
            name: genAIJob.name ?? null, id, external_api: genAIJob.service ?? null, output_token_count: genAIJob.output_token_count ?? null
        };
        for (const [attribute, unit] of GENAI_JOB_ZEROS) job[attribute] = hypothesisQuantity(0, unit);
        jobs[id] = job;
    }
    delete root.GenAIJob;
}

/**
 * v15→16: e-footprint 16 removed its WebApplication and GenAI services. A WebApplicationJob becomes a plain Job
 * (same id) on its service's server, keeping its data transferred and stored and taking Job's defaults for the
 * rest; WebApplications go. A GenAIModel becomes an EcoLogitsGenAIExternalAPI (same id, provider and model name)
 * with a server `<id>_server`; a GenAIJob an EcoLogitsGenAIExternalAPIJob calling it, with its output token count.
 */
export const v15ToV16: UpgradeStep = {
    from: 15,
    summary: 'WebApplicationJobs become Jobs with e-footprint\'s Job defaults and WebApplications go; GenAIModel/GenAIJob become EcoLogitsGenAIExternalAPI (with its server)/EcoLogitsGenAIExternalAPIJob',
    upgrade(input) {
        const root = copyOf(input);
        const notes: string[] = [];
        webApplicationJobsToJobs(root, notes);
        delete root.WebApplication;
        genAIModelsToExternalAPIs(root);
        genAIJobsToExternalAPIJobs(root);
        return { root, notes };
    }
};
