// Graph layout in the language server (Graphviz dot in WASM, @viz-js/viz): the calculus graph of a system's
// total footprint on a generated model of 12 servers, cut at 400 nodes (the panel's default) and whole, and
// its object graph. The first layout also starts the WASM module; the medians are of the runs after it.
import '../src/platform/node20-polyfills.js';
import { performance } from 'node:perf_hooks';
import { EmptyFileSystem, URI } from 'langium';
import { createEfpServices } from '../src/language/efp-module.js';
import { builtinLibraryText, BUILTIN_LIBRARY_URI } from '../src/language/builtin-library.js';
import { calculusGraphView } from '../src/language/graphs/calculus-graph-view.js';
import { objectGraphView } from '../src/language/graphs/object-graph-view.js';

const SERVERS = 12;

function generatedModel(): string {
    const lines = ['model { start_date: 2025-01-01  modeling_duration: 1 year }'];
    for (let i = 1; i <= SERVERS; i++) {
        lines.push(`storage disk${i} from ssd {}`);
        lines.push(`server api${i} { storage: disk${i}  power: ${200 + i} W }`);
        lines.push(`job call${i} on api${i} { data_transferred: ${i} MB  data_stored: 1 MB  request_duration: 1 s }`);
        lines.push(`usage_journey_step step${i} { user_time_spent: 1 min  jobs: [call${i}] }`);
    }
    lines.push(`usage_journey visit { uj_steps: [${Array.from({ length: SERVERS }, (_, i) => `step${i + 1}`).join(', ')}] }`);
    lines.push('network wifi from wifi_network {}');
    lines.push('usage_pattern users { usage_journey: visit  devices: [laptop]  network: wifi  country: France  hourly_usage_journey_starts: constant(1000) }');
    lines.push('system service { usage_patterns: [users] }');
    return lines.join('\n');
}

async function timed<T>(run: () => Promise<T>, rounds: number): Promise<{ first: number; median: number; result: T }> {
    let t0 = performance.now();
    let result = await run();
    const first = performance.now() - t0;
    const samples: number[] = [];
    for (let i = 0; i < rounds; i++) {
        t0 = performance.now();
        result = await run();
        samples.push(performance.now() - t0);
    }
    samples.sort((a, b) => a - b);
    return { first, median: samples[Math.floor(samples.length / 2)], result };
}

async function main(): Promise<void> {
    const { shared, Efp } = createEfpServices(EmptyFileSystem);
    const factory = shared.workspace.LangiumDocumentFactory;
    const library = factory.fromString(builtinLibraryText(), URI.parse(BUILTIN_LIBRARY_URI));
    const document = factory.fromString(generatedModel(), URI.file('/bench/graphs.efp'));
    shared.workspace.LangiumDocuments.addDocument(library);
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([library, document], { validation: true });
    const model = Efp.evaluation.DocumentModels.modelFor(document);
    if (!model || model.hasErrors) throw new Error('the generated model should evaluate without errors');
    console.log(`efp benchmark: graph layout (Graphviz via @viz-js/viz), generated model of ${SERVERS} servers, node ${process.versions.node}`);
    const cut = await timed(() => calculusGraphView(model, 'service', undefined, { maxNodes: 400 }), 5);
    console.log(`calculus graph of service.total_footprint, ≤ 400 nodes: ${cut.result.nodes.length} nodes, ${cut.result.edges.length} edges; first ${cut.first.toFixed(0)} ms (WASM start), median ${cut.median.toFixed(0)} ms (5 runs)`);
    const whole = await timed(() => calculusGraphView(model, 'service', undefined, { maxNodes: 100_000 }), 5);
    console.log(`the same, whole: ${whole.result.nodes.length} nodes, ${whole.result.edges.length} edges; median ${whole.median.toFixed(0)} ms (5 runs)`);
    const objects = await timed(() => objectGraphView(model), 5);
    console.log(`object graph: ${objects.result.nodes.length} objects; median ${objects.median.toFixed(0)} ms (5 runs)`);
}

main().catch(e => {
    console.error(e);
    process.exit(1);
});
