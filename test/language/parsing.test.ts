import { describe, expect, it } from 'vitest';
import { EmptyFileSystem } from 'langium';
import { parseHelper } from 'langium/test';
import { createEfpServices } from '../../src/language/efp-module.js';
import {
    isBinaryExpression, isCall, isConversion, isDateLiteral, isListExpression, isNegation, isObjectDecl, isQuantityLiteral,
    isReference, type Document, type ObjectDecl
} from '../../src/language/generated/ast.js';
import { builtinLibraryText } from '../../src/language/builtin-library.js';

const { Efp } = createEfpServices(EmptyFileSystem);
const parse = parseHelper<Document>(Efp);

async function parseClean(text: string): Promise<Document> {
    const document = await parse(text);
    const errors = [...document.parseResult.lexerErrors.map(e => e.message), ...document.parseResult.parserErrors.map(e => e.message)];
    expect(errors).toEqual([]);
    return document.parseResult.value;
}

function object(doc: Document, name: string): ObjectDecl {
    return doc.elements.filter(isObjectDecl).find(o => o.name === name)!;
}

function attribute(doc: Document, objectName: string, name: string) {
    return object(doc, objectName).attributes.find(a => a.name === name)!.value;
}

describe('the .efp grammar', () => {
    it('parses the built-in library', async () => {
        const doc = await parseClean(builtinLibraryText());
        expect(doc.elements.filter(isObjectDecl).length).toBeGreaterThan(126);
    });

    it('separates attributes by spaces alone: a number followed by the next attribute has no unit', async () => {
        const doc = await parseClean('storage s { data_replication_factor: 3 data_storage_duration: 2 year  base_storage_need: 1 TB }');
        const factor = attribute(doc, 's', 'data_replication_factor');
        expect(isQuantityLiteral(factor) && factor.unit).toBeUndefined();
        const duration = attribute(doc, 's', 'data_storage_duration');
        expect(isQuantityLiteral(duration) && duration.unit?.$refText).toBe('year');
    });

    it('takes object kinds as attribute and member names', async () => {
        const doc = await parseClean('job j on srv { server: srv }\nserver srv { storage: disk  power: j.server.power }');
        expect(object(doc, 'j').runsOn?.$refText).toBe('srv');
        const power = attribute(doc, 'srv', 'power');
        expect(isReference(power) && [power.target.$refText, ...power.members]).toEqual(['j', 'server', 'power']);
    });

    it('reads compound units as arithmetic on units', async () => {
        const doc = await parseClean('network n { bandwidth_energy_intensity: 0.05 kWh/GB }');
        const value = attribute(doc, 'n', 'bandwidth_energy_intensity');
        expect(isBinaryExpression(value) && value.operator).toBe('/');
        expect(isBinaryExpression(value) && isQuantityLiteral(value.left) && value.left.unit?.$refText).toBe('kWh');
        expect(isBinaryExpression(value) && isReference(value.right) && value.right.target.$refText).toBe('GB');
    });

    it('reads numbers with digit separators and exponents, percentages, negatives and conversions', async () => {
        const doc = await parseClean('server s { a: 1_000_000  b: 1.5e3 W  c: 25 %  d: -5 W  e: 300 W in kW  f: (1 + 2) * 3 }');
        const a = attribute(doc, 's', 'a');
        expect(isQuantityLiteral(a) && a.value).toBe('1_000_000');
        const b = attribute(doc, 's', 'b');
        expect(isQuantityLiteral(b) && [b.value, b.unit?.$refText]).toEqual(['1.5e3', 'W']);
        const c = attribute(doc, 's', 'c');
        expect(isQuantityLiteral(c) && c.unit?.$refText).toBe('%');
        expect(isNegation(attribute(doc, 's', 'd'))).toBe(true);
        const e = attribute(doc, 's', 'e');
        expect(isConversion(e) && e.unit.factors[0].unit.$refText).toBe('kW');
        const f = attribute(doc, 's', 'f');
        expect(isBinaryExpression(f) && f.operator).toBe('*');
    });

    it('reads builders with positional and named arguments and `per` timespans', async () => {
        const doc = await parseClean(`usage_pattern p {
            hourly_usage_journey_starts: (linear_growth(5000, 100000) + sinusoidal(amplitude: 3000, period: 90 day)) * daily_fluctuation(scale: 0.8, min_hour: 4)
            other: volume_growth(initial_volume: 73000 per year, net_growth_rate: 25 % per year, start_date: 2025-06-01)
        }`);
        const other = attribute(doc, 'p', 'other');
        expect(isCall(other) && other.arguments.map(a => [a.name, a.per?.$refText])).toEqual([['initial_volume', 'year'], ['net_growth_rate', 'year'], ['start_date', undefined]]);
        expect(isCall(other) && isDateLiteral(other.arguments[2].value) && other.arguments[2].value.value).toBe('2025-06-01');
    });

    it('reads weighted lists, sources, confidence and comments', async () => {
        const doc = await parseClean(`
            source ademe "Base ADEME V19" "https://base-empreinte.ademe.fr"
            usage_journey j { uj_steps: [watch * 2, capture] }
            device d { power: 50 W source ademe confidence high comment "measured" /* block */ lifespan: 6 year // line
            }`);
        const steps = attribute(doc, 'j', 'uj_steps');
        expect(isListExpression(steps) && steps.items.length).toBe(2);
        expect(object(doc, 'd').attributes[0].annotations.map(a => a.$type)).toEqual(['SourceAnnotation', 'ConfidenceAnnotation', 'CommentAnnotation']);
        expect(object(doc, 'd').attributes[1].name).toBe('lifespan');
    });

    it('recovers from a syntax error and still parses what follows', async () => {
        const document = await parse('server broken { power: 300 W ) }\nserver fine { power: 200 W }\n');
        expect(document.parseResult.parserErrors.length).toBeGreaterThan(0);
        expect(document.parseResult.parserErrors[0].token.startLine).toBe(1);
        expect(document.parseResult.value.elements.filter(isObjectDecl).map(o => o.name)).toContain('fine');
    });
});
