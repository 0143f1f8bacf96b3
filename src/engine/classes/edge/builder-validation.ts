import type { CalculatedSpec } from '../../model/class-spec.js';
import { EMPTY } from '../../model/values.js';
import { ModelError } from '../../model/diagnostics.js';
import { CHECK_HAS_NO_VALUE } from '../../model/empty-reason.js';
import type { EfpObject } from '../../model/efp-object.js';
import type { Model } from '../../model/model.js';
import type { Origin } from '../../model/description.js';

/**
 * Checks of the parts of e-footprint's edge builders when the model writes them (builder-parts.ts makes them
 * when it does not): e-footprint builds them itself, so a part missing, of the wrong kind, on the wrong
 * component or shared with another builder is a mistake in the model. Each is an error located where the
 * part is written, with the fix.
 */

/** A problem found among a builder's parts: its message, where it is, how to fix it. */
interface Problem { readonly message: string; readonly origin?: Origin; readonly hint: string }

function validation(name: string, label: string, formula: string, check: (object: EfpObject, model: Model) => Problem | undefined): CalculatedSpec {
    return {
        name, label, unit: '',
        emptyBecause: CHECK_HAS_NO_VALUE,
        define(object, model) {
            const problem = check(object, model);
            return {
                operands: {}, formula,
                compute() {
                    if (problem) throw new ModelError('invalid-value', `${object}: ${problem.message}`, problem.origin, problem.hint);
                    return EMPTY;
                }
            };
        }
    };
}

function listOrigin(object: EfpObject, input: string): Origin | undefined {
    return object.inputs.get(input)?.origin ?? object.origin;
}

/** The keyword of a class, in messages. */
const KEYWORDS: Record<string, string> = {
    EdgeComputerCPUComponent: 'edge_computer_cpu_component', EdgeComputerRAMComponent: 'edge_computer_ram_component',
    EdgeApplianceComponent: 'edge_appliance_component', RecurrentEdgeProcessRAMNeed: 'recurrent_edge_process_ram_need',
    RecurrentEdgeProcessCPUNeed: 'recurrent_edge_process_cpu_need', RecurrentEdgeProcessStorageNeed: 'recurrent_edge_process_storage_need',
    RecurrentEdgeWorkloadNeed: 'recurrent_edge_workload_need'
};

/**
 * A device's components must be exactly its own parts (`own`: one of each class) plus, for a computer, its
 * storage, each in no other device.
 */
function componentsCheck(own: readonly string[], storage: boolean) {
    return (device: EfpObject, model: Model): Problem | undefined => {
        const components = device.list('components');
        const store = storage ? device.ref('storage') : undefined;
        // the parts it has, else the names efp would give them
        const partName = (c: string) => components.find(x => x.className === c)?.id
            ?? `${device.id}_${c === 'EdgeApplianceComponent' ? 'component' : c.endsWith('CPUComponent') ? 'cpu' : 'ram'}`;
        const expected = [...own.map(partName), ...(store ? [store.id] : [])];
        const hint = `Write components: [${expected.join(', ')}] with ${own.map(c => KEYWORDS[c]).join(' and ')} declared, or leave components out and efp creates them as e-footprint does.`;
        const where = listOrigin(device, 'components');
        for (const className of own) {
            const found = components.filter(c => c.className === className);
            if (found.length !== 1) return { message: `its components need exactly one ${KEYWORDS[className]}, found ${found.length}`, origin: where, hint };
            const owner = model.relations.edge.deviceOfComponent(found[0]);
            if (owner !== device) return { message: `${found[0]} is already a component of ${owner}; each device has its own`, origin: where, hint };
        }
        if (store && !components.includes(store)) return { message: `its storage ${store.id} is not among its components`, origin: where, hint };
        const other = components.find(c => !own.includes(c.className) && c !== store);
        if (other) return { message: `${other} cannot be one of its components: e-footprint builds it from ${storage ? 'a CPU, a RAM and its storage' : 'its appliance component'}`, origin: where, hint };
        return undefined;
    };
}

/** An edge computer's components: its CPU, its RAM and its storage. */
export const computerComponentsValidation = validation('components_validation', 'Components validation',
    'none: checks that the components are the computer\'s own CPU and RAM and its storage',
    componentsCheck(['EdgeComputerCPUComponent', 'EdgeComputerRAMComponent'], true));

/** An edge appliance's components: its appliance component. */
export const applianceComponentsValidation = validation('components_validation', 'Components validation',
    'none: checks that the only component is the appliance\'s own',
    componentsCheck(['EdgeApplianceComponent'], false));

/**
 * A builder need's component needs: one of each class, owned by no other builder, each on the device's
 * component of its kind (`target` finds it).
 */
function needsCheck(classes: ReadonlyArray<{ className: string; target: (device: EfpObject) => EfpObject | undefined }>) {
    return (owner: EfpObject, model: Model): Problem | undefined => {
        const device = owner.ref('edge_device');
        const needs = owner.list('recurrent_edge_component_needs');
        const where = listOrigin(owner, 'recurrent_edge_component_needs');
        const suffix = (c: string) => c.replace(/^RecurrentEdge(Process|Workload)/, '').replace(/Need$/, '').toLowerCase();
        const needName = (c: string) => needs.find(n => n.className === c)?.id ?? `${owner.id}_${suffix(c)}_need`;
        const hint = `Write recurrent_edge_component_needs: [${classes.map(c => needName(c.className)).join(', ')}] with `
            + `${classes.map(c => KEYWORDS[c.className]).join(', ')} declared on ${device?.id ?? 'the device'}'s components, or leave the list out and efp creates them.`;
        for (const { className, target } of classes) {
            const found = needs.filter(n => n.className === className);
            if (found.length !== 1) return { message: `its needs need exactly one ${KEYWORDS[className]}, found ${found.length}`, origin: where, hint };
            const need = found[0];
            const other = model.relations.edge.processOfNeed(need);
            if (other !== owner) return { message: `${need} already belongs to ${other}; each owns its needs`, origin: where, hint };
            const expected = device ? target(device) : undefined;
            const actual = need.ref('edge_component');
            if (expected && actual !== expected) {
                return {
                    message: `${need} is on ${actual?.id ?? 'no component'}, but ${owner.id} runs on ${device!.id}, whose component of that kind is ${expected.id}`,
                    origin: need.inputs.get('edge_component')?.origin ?? need.origin, hint: `Write edge_component: ${expected.id} in ${need.id}.`
                };
            }
        }
        const other = needs.find(n => !classes.some(c => c.className === n.className));
        if (other) return { message: `${other} cannot be one of its needs`, origin: where, hint };
        return undefined;
    };
}

const componentOfClass = (className: string) => (device: EfpObject) => device.list('components').find(c => c.className === className);

/** A recurrent edge process's needs: RAM, CPU and storage, on its computer's RAM, CPU and storage. */
export const processNeedsValidation = validation('component_needs_validation', 'Component needs validation',
    'none: checks that the needs are the process\'s own RAM, CPU and storage needs, on its computer\'s components',
    needsCheck([
        { className: 'RecurrentEdgeProcessRAMNeed', target: componentOfClass('EdgeComputerRAMComponent') },
        { className: 'RecurrentEdgeProcessCPUNeed', target: componentOfClass('EdgeComputerCPUComponent') },
        { className: 'RecurrentEdgeProcessStorageNeed', target: device => device.ref('storage') }
    ]));

/** A recurrent edge workload's need: one, on its appliance's component. */
export const workloadNeedsValidation = validation('component_needs_validation', 'Component needs validation',
    'none: checks that the need is the workload\'s own, on its appliance\'s component',
    needsCheck([{ className: 'RecurrentEdgeWorkloadNeed', target: componentOfClass('EdgeApplianceComponent') }]));
