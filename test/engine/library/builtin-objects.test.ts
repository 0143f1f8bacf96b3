import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { builtinObject, builtinObjects } from '../../../src/engine/library/builtin-objects.js';
import { BUILTIN_SOURCES } from '../../../src/engine/library/sources.js';
import { parseUnit } from '../../../src/engine/units/unit.js';

/**
 * The built-in objects are e-footprint 22.2.1's archetypes and countries: same names, values and sources
 * as e-footprint gives them, checked against the systems e-footprint wrote (test/fixtures/efootprint/),
 * where each appears under the name e-footprint gives it when it is given none.
 */
type JsonValue = { value?: number; unit?: string; zone?: string; source?: string; confidence?: string };
type JsonSystem = Record<string, Record<string, Record<string, unknown>>>;

function system(name: string): JsonSystem {
    return JSON.parse(readFileSync(`test/fixtures/efootprint/${name}.efootprint.json`, 'utf8')) as JsonSystem;
}

/** The object of `className` named `name` in e-footprint's JSON, with its values' sources by name. */
function efootprintObject(file: string, className: string, name: string) {
    const root = system(file);
    const object = Object.values(root[className]).find(o => o.name === name);
    if (!object) throw new Error(`${file}: no ${className} named ${name}`);
    const sources = root.Sources as Record<string, { name: string; link: string | null }>;
    // e-footprint's ids of sources are its own: a source is its name and link
    return { object, sourceOf: (v: JsonValue) => ({ name: sources[v.source!].name, link: sources[v.source!].link }) };
}

const sourceById = new Map(BUILTIN_SOURCES.map(s => [s.id, s]));

/** Each value of the built-in object is the e-footprint object's, in the same unit, citing the same source. */
function expectSameAsEfootprint(id: string, file: string, className: string, name: string): void {
    const builtin = builtinObject(id)!;
    expect(builtin.name).toBe(name);
    expect(builtin.className).toBe(className);
    const { object, sourceOf } = efootprintObject(file, className, name);
    for (const [input, mine] of Object.entries(builtin.inputs)) {
        const theirs = object[input] as JsonValue;
        if (typeof mine.value === 'string') {
            expect(theirs.zone, `${id}.${input}`).toBe(mine.value);
        } else {
            const asBase = (value: number, unit: string) => value * parseUnit(unit).factor;
            expect(asBase(mine.value, mine.unit), `${id}.${input}`).toBeCloseTo(asBase(theirs.value!, theirs.unit!), 9);
        }
        const source = sourceById.get(mine.source)!;
        expect({ name: source.name, link: source.link ?? null }, `${id}.${input}'s source`).toEqual(sourceOf(theirs));
        expect(mine.confidence, `${id}.${input}'s confidence`).toBe(theirs.confidence);
    }
}

describe('built-in objects as e-footprint 22.2.1 has them', () => {
    it('the laptop: Device.laptop() in e-footprint\'s quickstart', () => {
        expectSameAsEfootprint('laptop', 'quickstart', 'Device', 'Default laptop');
    });

    it('the box and the screen: Device.box() and Device.screen() in the video streaming system', () => {
        expectSameAsEfootprint('box', 'video_streaming', 'Device', 'Default box');
        expectSameAsEfootprint('screen', 'video_streaming', 'Device', 'Default screen');
    });

    it('the wifi network is "Default wifi network", as Network.wifi_network() names it', () => {
        expectSameAsEfootprint('wifi_network', 'video_streaming', 'Network', 'Default wifi network');
        expectSameAsEfootprint('wifi_network', 'simple_edge_system', 'Network', 'Default wifi network');
    });

    it('countries: name, truncated intensity citing Our World in Data of the figure\'s year, high confidence, time zone from user data', () => {
        expectSameAsEfootprint('France', 'quickstart', 'Country', 'France');
        expectSameAsEfootprint('Germany', 'video_streaming', 'Country', 'Germany');
    });

    it('the SSD archetype cites e-footprint\'s storage study for its footprint and capacity (the quickstart\'s "SSD storage" is Storage.ssd())', () => {
        const ssd = builtinObject('ssd')!;
        const { object, sourceOf } = efootprintObject('quickstart', 'Storage', 'SSD storage');
        for (const input of ['carbon_footprint_fabrication_per_storage_capacity', 'storage_capacity'] as const) {
            expect(sourceById.get(ssd.inputs[input].source)?.name).toBe(sourceOf(object[input] as JsonValue).name);
        }
        expect(sourceById.get(ssd.inputs.storage_capacity.source)).toEqual({
            id: 'storage_embodied_carbon_study', name: 'Dirty secret of SSDs: embodied carbon', link: 'https://arxiv.org/pdf/2207.10793.pdf'
        });
    });

    it('the archetypes no reference system uses have the names e-footprint 22.2.1 gives them by default', () => {
        // e-footprint 22.2.1: Device.smartphone(), Network.mobile_network(), Storage.ssd() and Storage.hdd() (their `name` defaults)
        expect(builtinObject('smartphone')?.name).toBe('Default smartphone');
        expect(builtinObject('mobile_network')?.name).toBe('Default mobile network');
        expect(builtinObject('ssd')?.name).toBe('Default SSD storage');
        expect(builtinObject('hdd')?.name).toBe('Default HDD storage');
    });

    it('a country whose figure is from 2022 or 2023 cites Our World in Data of that year, as e-footprint names it', () => {
        // data/efootprint/countries.csv: Algeria, 2023; e-footprint names the source `Our world in data (${year})`
        const algeria = builtinObject('Algeria')!;
        expect(algeria.inputs.average_carbon_intensity).toMatchObject({ value: 633, unit: 'g/kWh', confidence: 'high' });
        expect(sourceById.get(algeria.inputs.average_carbon_intensity.source)?.name).toBe('Our world in data (2023)');
    });

    it('every value cites a built-in source, and every object id is unique', () => {
        const ids = builtinObjects().map(o => o.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const o of builtinObjects()) for (const v of Object.values(o.inputs)) expect(sourceById.has(v.source), `${o.id}: ${v.source}`).toBe(true);
    });
});
