import '../src/platform/node20-polyfills.js';
import { loadWorkspace } from '../src/cli/workspace.js';
import { describeModel } from '../src/language/model-description.js';
import { Model } from '../src/engine/model/model.js';
const { services, document } = await loadWorkspace('examples/quickstart.efp');
const d = describeModel(document, services.shared.workspace.LangiumDocuments);
const m = Model.build(d);
let flip = false;
const inp = (v: number) => ({ expr: { kind: 'number' as const, value: v, unit: 'W' }, text: `${v} W` });
console.log('recomputed', m.setInput('web', 'power', inp(310)));
for (let i = 0; i < 300; i++) { flip = !flip; m.setInput('web', 'power', inp(flip ? 310 : 300)); }
const t0 = performance.now();
for (let i = 0; i < 1000; i++) { flip = !flip; m.setInput('web', 'power', inp(flip ? 310 : 300)); }
console.log('setInput', (performance.now() - t0) / 1000);
const names = ['web.instances_energy', 'web.load_energy_footprint', 'web.energy_footprint', 'streaming_platform.total_footprint'];
for (const k of names) { const n = m.nodes.get(k)!; for (let i=0;i<200;i++) n.compute(); const t = performance.now(); for (let i = 0; i < 1000; i++) n.value = n.compute(); console.log(k, ((performance.now() - t)/1000).toFixed(4)); }
