import { EmptyFileSystem, URI } from 'langium';
import { createEfpServices } from '../../src/language/efp-module.js';
import { builtinLibraryText, BUILTIN_LIBRARY_URI } from '../../src/language/builtin-library.js';
import { analyzeDocument, type DocumentAnalysis } from '../../src/language/document-analysis.js';
import type { Model } from '../../src/engine/model/model.js';

let counter = 0;

/** Parses, links, validates and evaluates .efp text (several files: name -> text; the first is the main one). */
export async function analyze(files: Record<string, string> | string): Promise<DocumentAnalysis> {
    const { shared, Efp } = createEfpServices(EmptyFileSystem);
    const factory = shared.workspace.LangiumDocumentFactory;
    const documents = shared.workspace.LangiumDocuments;
    const library = factory.fromString(builtinLibraryText(), URI.parse(BUILTIN_LIBRARY_URI));
    documents.addDocument(library);
    const dir = `/virtual/${counter++}`;
    const entries = Object.entries(typeof files === 'string' ? { 'model.efp': files } : files);
    const docs = entries.map(([name, text]) => {
        const doc = factory.fromString(text, URI.file(`${dir}/${name}`));
        documents.addDocument(doc);
        return doc;
    });
    await shared.workspace.DocumentBuilder.build([library, ...docs], { validation: true });
    return analyzeDocument(docs[0], Efp);
}

/** The evaluated model of valid text; fails with the diagnostics otherwise. */
export async function modelOf(files: Record<string, string> | string): Promise<Model> {
    const analysis = await analyze(files);
    const errors = analysis.diagnostics.filter(d => d.severity === 'error');
    if (errors.length > 0 || !analysis.model) throw new Error(errors.map(e => `${e.range.start.line + 1}: ${e.message}`).join('\n'));
    return analysis.model;
}

/** A value of an object in SI magnitude (the sum over hours for a series). */
export function valueOf(model: Model, objectId: string, attribute: string): number {
    const value = model.findNode(objectId, attribute)?.value;
    if (!value || value.kind === 'dict') throw new Error(`${objectId}.${attribute} is not a single value`);
    if (value.kind === 'empty') return 0;
    return value.kind === 'quantity' ? value.value : value.series.sum();
}

/** A minimal complete model: one server and storage, one job, one journey, one pattern, one system. */
export function minimalModel(overrides: { server?: string; job?: string; pattern?: string; extra?: string } = {}): string {
    return `
model { start_date: 2025-01-01  modeling_duration: 1 day }
storage disk from ssd {}
server api { ${overrides.server ?? ''} storage: disk }
job call on api { ${overrides.job ?? ''} }
usage_journey_step step { user_time_spent: 1 min  jobs: [call] }
usage_journey visit { uj_steps: [step] }
usage_pattern users {
  usage_journey: visit  devices: [smartphone]  network: mobile_network  country: France
  hourly_usage_journey_starts: ${overrides.pattern ?? 'constant(1000)'}
}
system service { usage_patterns: [users] }
${overrides.extra ?? ''}
`;
}

/** Zero-based line and character of the first occurrence of `needle` in `text`. */
export function positionOf(text: string, needle: string): { line: number; character: number } {
    const offset = text.indexOf(needle);
    if (offset < 0) throw new Error(`'${needle}' is not in the text`);
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}
