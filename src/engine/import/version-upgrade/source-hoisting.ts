import { efootprintIdOfName } from '../../export/efootprint-ids.js';
import { classEntries, isRecord, type Json, type JsonRecord } from './json.js';

/** e-footprint's two generic sources, which keep fixed ids. */
const SENTINELS: Readonly<Record<string, string>> = { 'user data': 'user_data', 'e-footprint hypothesis': 'hypothesis' };

/**
 * Replaces every source object written inline in a value (`"source": {"name": …, "link": …}`, e-footprint up
 * to 20) by the id of an entry of the top-level `Sources` block, one entry per (name, link). The generic
 * sources get their fixed ids; others an id made from their name (e-footprint draws a random one; a name is
 * stable across imports and readable), made unique if two sources share a name. Returns the ids added.
 */
export function hoistInlineSources(root: JsonRecord): string[] {
    const block: JsonRecord = isRecord(root.Sources) ? root.Sources : {};
    const idByKey = new Map<string, string>();
    for (const [id, s] of Object.entries(block)) {
        if (isRecord(s) && typeof s.name === 'string') idByKey.set(JSON.stringify([s.name, s.link || null]), id);
    }
    const added: string[] = [];
    const idOf = (name: string, link: string | null): string => {
        const key = JSON.stringify([name, link]);
        const known = idByKey.get(key);
        if (known !== undefined) return known;
        let id = link === null && SENTINELS[name] !== undefined ? SENTINELS[name] : efootprintIdOfName(name);
        for (let n = 2; id in block; n++) id = `${efootprintIdOfName(name)}-${n}`;
        block[id] = { id, name, link };
        idByKey.set(key, id);
        added.push(id);
        return id;
    };
    const walk = (node: Json): void => {
        if (Array.isArray(node)) { node.forEach(walk); return; }
        if (!isRecord(node)) return;
        const source = node.source;
        if (isRecord(source) && typeof source.name === 'string') {
            node.source = idOf(source.name, typeof source.link === 'string' && source.link !== '' ? source.link : null);
        }
        Object.values(node).forEach(walk);
    };
    for (const [, objects] of classEntries(root)) walk(objects);
    if (added.length > 0 && !isRecord(root.Sources)) placeSourcesBlock(root, block);
    return added;
}

/** `Sources` goes right after `efootprint_version`, where e-footprint writes it. */
function placeSourcesBlock(root: JsonRecord, block: JsonRecord): void {
    const rest = Object.entries(root).filter(([k]) => k !== 'efootprint_version');
    const version = root.efootprint_version;
    for (const k of Object.keys(root)) delete root[k];
    if (version !== undefined) root.efootprint_version = version;
    root.Sources = block;
    for (const [k, v] of rest) root[k] = v;
}
