import { type EfpObject, formatMagnitude, type Model, yearlyFootprint } from '../../engine/index.js';
import type { LaidOutGraph } from '../protocol.js';
import { yearlyText } from '../lsp/footprint-text.js';
import type { SketchEdge } from './dot-text.js';
import { assembleGraph, graphMessage, type NodeDraft } from './graph-assembly.js';
import { objectTooltip } from './graph-tooltips.js';
import { revealableOrigin } from './revealable-origin.js';

interface Link {
    readonly target: EfpObject;
    /** The input that makes the link (`usage_journey`, `jobs`), with the weight when it is not 1. */
    readonly label: string;
}

/** The objects an object names in its structural inputs, in the order its class declares them. */
function linksOf(object: EfpObject): Link[] {
    const links: Link[] = [];
    for (const input of object.spec.inputs) {
        if (input.type === 'ref') {
            const target = object.ref(input.name);
            if (target) links.push({ target, label: input.name });
        } else if (input.type === 'refs') {
            for (const target of object.list(input.name)) links.push({ target, label: input.name });
        } else if (input.type === 'weighted') {
            for (const { object: target, weight } of object.weights(input.name)) {
                links.push({ target, label: weight === 1 ? input.name : `${input.name} ×${formatMagnitude(weight)}` });
            }
        }
    }
    return links;
}

/**
 * How a model's objects connect: systems to their usage patterns, patterns to their journey, devices,
 * network and country, journeys to steps, steps to jobs, jobs to servers, servers to storage. The
 * model's own objects, and the built-in ones they name (a country, an archetype device); edges point
 * from an object to what it uses and are labelled with the input that names it.
 */
export async function objectGraphView(model: Model, options: { stale?: boolean } = {}): Promise<LaidOutGraph> {
    const stale = options.stale ?? false;
    const title = model.title ?? 'Object graph';
    const own = model.instances.filter(o => !o.description.builtin);
    if (own.length === 0) return graphMessage('object', title, 'The model declares no objects.', stale);

    const included = new Set<EfpObject>(own);
    const edges: SketchEdge[] = [];
    for (const object of own) {
        for (const link of linksOf(object)) {
            included.add(link.target);
            edges.push({ from: object.key, to: link.target.key, label: link.label });
        }
    }
    // built-ins appear once something names them; their own links (an archetype's) are not the model's
    const nodes = model.instances.filter(o => included.has(o)).map((object): NodeDraft => {
        const yearly = yearlyFootprint(model, object);
        return {
            id: object.key,
            title: object.id,
            subtitle: object.name === object.id ? object.spec.keyword : `${object.spec.keyword} "${object.name}"`,
            value: yearly === undefined ? '' : yearly.kind === 'counted' ? `≈ ${yearlyText(yearly)}` : yearlyText(yearly),
            kind: 'object',
            className: object.className,
            tooltip: objectTooltip(model, object),
            origin: revealableOrigin(object.origin)
        };
    });
    return assembleGraph({ kind: 'object', title, nodes, edges, stale });
}
