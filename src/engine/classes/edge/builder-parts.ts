import type { ExprDescription, InputDescription, ModelDescription, ObjectDescription } from '../../model/description.js';

/**
 * e-footprint's edge builders create parts with the object: an EdgeComputer its CPU and RAM components, an
 * EdgeAppliance its workload component, a RecurrentEdgeProcess its RAM, CPU and storage needs, a
 * RecurrentEdgeWorkload its workload need. efp does the same when the list is left out (or empty, as e-footprint
 * reads an empty list): the parts are added to the model description, named as e-footprint names them
 * ("<name> CPU", "<process> RAM need"...), located on their builder. When the list is written (an imported
 * file keeps the parts with their e-footprint ids), the parts are the user's and builder-validation.ts checks them.
 */

interface Part {
    readonly suffix: string; readonly label: string; readonly className: string; readonly inputs?: Record<string, InputDescription>;
    /** Inputs it takes from what its builder names but the front end could not resolve (a computer's unknown storage). */
    readonly unresolvedInputs?: Record<string, InputDescription>;
}

function ref(id: string): ExprDescription {
    return { kind: 'ref', object: id, path: [] };
}

/** The input is left out, or is an empty list. */
function leftOut(object: ObjectDescription, input: string): boolean {
    const written = object.inputs[input];
    return !written || (written.expr.kind === 'list' && written.expr.items.length === 0);
}

function refId(input: InputDescription | undefined): string | undefined {
    return input?.expr.kind === 'ref' && input.expr.path.length === 0 ? input.expr.object : undefined;
}

function listIds(input: InputDescription | undefined): string[] {
    if (!input) return [];
    const items = input.expr.kind === 'list' ? input.expr.items : [input.expr];
    return items.flatMap(i => (i.kind === 'ref' && i.path.length === 0 ? [i.object] : []));
}

class PartMaker {
    private readonly taken: Set<string>;
    readonly added: ObjectDescription[] = [];

    constructor(objects: readonly ObjectDescription[]) {
        this.taken = new Set(objects.filter(o => !o.builtin).map(o => o.id));
    }

    /** Adds the parts and returns their ids, in order. */
    make(owner: ObjectDescription, parts: readonly Part[]): string[] {
        return parts.map(part => {
            let id = `${owner.id}_${part.suffix}`;
            for (let n = 2; this.taken.has(id); n++) id = `${owner.id}_${part.suffix}_${n}`;
            this.taken.add(id);
            this.added.push({
                id, className: part.className, name: `${owner.name} ${part.label}`, inputs: part.inputs ?? {}, origin: owner.origin,
                ...(part.unresolvedInputs ? { unresolvedInputs: part.unresolvedInputs } : {})
            });
            return id;
        });
    }
}

function withList(object: ObjectDescription, input: string, ids: readonly string[]): ObjectDescription {
    const list: InputDescription = { expr: { kind: 'list', items: ids.map(ref) }, origin: object.inputs[input]?.origin ?? object.origin };
    return { ...object, inputs: { ...object.inputs, [input]: list } };
}

/** The description with the builders' left-out parts added (the same object when there are none). */
export function withBuilderParts(model: ModelDescription): ModelDescription {
    const builders = ['EdgeComputer', 'EdgeAppliance', 'RecurrentEdgeProcess', 'RecurrentEdgeWorkload'];
    const needsParts = (o: ObjectDescription) => builders.includes(o.className)
        && leftOut(o, o.className.startsWith('Edge') ? 'components' : 'recurrent_edge_component_needs');
    if (!model.objects.some(needsParts)) return model;
    const maker = new PartMaker(model.objects);
    // devices first: a process's needs go on its computer's components, made here or written
    let objects = model.objects.map(o => {
        if (o.builtin || !needsParts(o)) return o;
        if (o.className === 'EdgeComputer') {
            const [cpu, ram] = maker.make(o, [
                { suffix: 'cpu', label: 'CPU', className: 'EdgeComputerCPUComponent' },
                { suffix: 'ram', label: 'RAM', className: 'EdgeComputerRAMComponent' }
            ]);
            const storage = refId(o.inputs.storage);
            return withList(o, 'components', storage ? [cpu, ram, storage] : [cpu, ram]);
        }
        if (o.className === 'EdgeAppliance') return withList(o, 'components', maker.make(o, [{ suffix: 'component', label: 'appliance', className: 'EdgeApplianceComponent' }]));
        return o;
    });
    const byId = new Map([...objects, ...maker.added].filter(o => !o.builtin).map(o => [o.id, o]));
    const componentOf = (device: ObjectDescription | undefined, className: string) =>
        listIds(device?.inputs.components).find(id => byId.get(id)?.className === className);
    objects = objects.map(o => {
        if (o.builtin || !needsParts(o) || !o.className.startsWith('Recurrent')) return o;
        const device = byId.get(refId(o.inputs.edge_device) ?? '');
        const on = (component: string | undefined): Record<string, InputDescription> =>
            component ? { edge_component: { expr: ref(component), origin: o.origin } } : {};
        if (o.className === 'RecurrentEdgeProcess') {
            // as e-footprint: RAM, CPU, storage, on the computer's RAM, CPU and storage
            if (device?.className !== 'EdgeComputer') return o;
            return withList(o, 'recurrent_edge_component_needs', maker.make(o, [
                { suffix: 'ram_need', label: 'RAM need', className: 'RecurrentEdgeProcessRAMNeed', inputs: on(componentOf(device, 'EdgeComputerRAMComponent')) },
                { suffix: 'cpu_need', label: 'CPU need', className: 'RecurrentEdgeProcessCPUNeed', inputs: on(componentOf(device, 'EdgeComputerCPUComponent')) },
                {
                    suffix: 'storage_need', label: 'storage need', className: 'RecurrentEdgeProcessStorageNeed', inputs: on(refId(device.inputs.storage)),
                    // the computer's storage is a name the front end could not resolve: so is the need's component, quietly
                    ...(device.unresolvedInputs?.storage ? { unresolvedInputs: { edge_component: device.unresolvedInputs.storage } } : {})
                }
            ]));
        }
        if (device?.className !== 'EdgeAppliance') return o;
        return withList(o, 'recurrent_edge_component_needs', maker.make(o, [
            { suffix: 'workload_need', label: 'workload need', className: 'RecurrentEdgeWorkloadNeed', inputs: on(componentOf(device, 'EdgeApplianceComponent')) }
        ]));
    });
    return { ...model, objects: [...objects, ...maker.added] };
}
