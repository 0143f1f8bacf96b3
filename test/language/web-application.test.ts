import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { CompletionItem } from 'vscode-languageserver';
import { completionsAt } from '../helpers/language-workspace.js';
import { analyze, modelOf } from '../helpers/model-from-text.js';
import { builtinLibraryText } from '../../src/language/builtin-library.js';
import { parseUnit } from '../../src/engine/units/unit.js';

/** `web_application` and `web_application_job` in .efp: library enums, completion, diagnostics, evaluation. */

/** Completion items at the `<|>` marker. */
const complete = completionsAt;
const labels = (items: CompletionItem[]) => items.map(i => i.label);

const MODEL = readFileSync('test/fixtures/models/web-shop.efp', 'utf8');

describe('web applications in .efp', () => {
    it('the built-in library declares the technologies and implementation details with e-footprint\'s spellings as labels', () => {
        const library = builtinLibraryText();
        expect(library).toContain('enum technology { go_pgx "go-pgx", jvm_kotlin_spring "jvm-kotlin-spring", node_express_sequelize "node-express-sequelize", php_symfony "php-symfony", rust_actix_sqlx "rust-actix-sqlx" }');
        expect(library).toContain('enum implementation_details { aggregation_code_side "aggregation-code-side", default, mysql, no_index "no-index", no_pagination "no-pagination", orm_loop "orm-loop" }');
    });

    it('by hand from the ecobenchmark: node-express-sequelize / no-pagination, 3 searches per journey, 3600 journeys an hour', async () => {
        const model = await modelOf(MODEL);
        expect(model.lookup('app')!.text('technology')).toBe('node-express-sequelize');
        const cpu = model.findNode('search', 'compute_needed')!.value;
        expect(cpu?.kind === 'quantity' && cpu.value).toBeCloseTo(0.0030927407641918804, 15);
        // 3 × 3600 requests an hour of 1 s: 3 at once; RAM 3 × 0.6887266130947735 MB
        const ram = model.findNode('web', 'hour_by_hour_ram_need')!.value;
        if (ram?.kind !== 'hourly') throw new Error('expected an hourly RAM need');
        expect(ram.series.values[12] / parseUnit('MB_ram').factor).toBeCloseTo(3 * 0.6887266130947735, 9);
    });

    it('completes the technologies and implementation details, and the inputs of each kind', async () => {
        expect(labels(await complete('web_application app { technology: <|> }\n')))
            .toEqual(expect.arrayContaining(['php_symfony', 'go_pgx', 'rust_actix_sqlx']));
        const details = labels(await complete('web_application_job j { implementation_details: <|> }\n'));
        expect(details).toEqual(expect.arrayContaining(['default', 'no_index', 'orm_loop']));
        expect(details).not.toContain('php_symfony');
        const inputs = labels(await complete('web_application_job j {\n  <|>\n}\n'));
        expect(inputs).toEqual(expect.arrayContaining(['data_transferred', 'data_stored', 'implementation_details', 'service']));
    });

    it('reports a technology outside the ecobenchmark, and a job on a server instead of a web application', async () => {
        const wrongTech = await analyze(MODEL.replace('technology: node_express_sequelize', 'technology: "django"'));
        expect(wrongTech.diagnostics.map(d => d.message).join('\n')).toMatch(/'technology' is one of go_pgx, jvm_kotlin_spring/);
        const onServer = await analyze(MODEL.replace('web_application_job search "Search" on app', 'web_application_job search "Search" on web'));
        expect(onServer.diagnostics.map(d => d.message).join('\n')).toMatch(/'service' expects a web application, but 'web' is a server/);
    });
});
