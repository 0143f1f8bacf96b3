import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FileDiagnostic } from '../language/document-analysis.js';
import { EFP_VERSION } from '../version.js';
import { reportPath, type CheckedModel } from './checked-model.js';

/** SARIF's levels: efp's infos and hints are notes. */
const LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

/** The rule of a diagnostic without a code of its own. */
const GENERAL_RULE = 'efp';

/**
 * `efp check --format sarif`: SARIF 2.1.0, which GitHub code scanning (github/codeql-action/upload-sarif),
 * GitLab and IDE viewers read. Each diagnostic is a result of the rule named by its code, located by the
 * file's path relative to the current folder (the repository's root in CI, `%SRCROOT%`) and 1-based lines
 * and UTF-16 columns. Message texts are plain text in SARIF: viewers show them, they do not render them.
 */
export function checkSarif(models: readonly CheckedModel[], cwd = process.cwd()): string {
    const diagnostics = models.flatMap(m => m.diagnostics);
    const rules = [...new Set(diagnostics.map(ruleOf))].sort();
    const result = (d: FileDiagnostic) => ({
        ruleId: ruleOf(d),
        ruleIndex: rules.indexOf(ruleOf(d)),
        level: LEVEL[d.severity],
        message: { text: d.hint ? `${d.message}\nHint: ${d.hint}` : d.message },
        locations: [{
            physicalLocation: {
                artifactLocation: artifactOf(d.uri, cwd),
                region: {
                    startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1,
                    endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1
                }
            }
        }]
    });
    return JSON.stringify({
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
            tool: {
                driver: {
                    name: 'efp', version: EFP_VERSION, semanticVersion: EFP_VERSION,
                    informationUri: 'https://github.com/efp-lang/efp',
                    rules: rules.map(id => ({
                        id,
                        shortDescription: { text: id === GENERAL_RULE ? 'efp finding' : `efp ${id.replace(/-/g, ' ')}` }
                    }))
                }
            },
            originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(cwd).href.replace(/\/?$/, '/')}` } },
            columnKind: 'utf16CodeUnits',
            results: diagnostics.map(result)
        }]
    }, null, 2);
}

/**
 * Where a result is: a path relative to `%SRCROOT%` (the current folder) for a file under it, as code
 * scanning expects; the whole URI of any other (a file outside it, the built-in library).
 */
function artifactOf(uri: string, cwd: string): { uri: string; uriBaseId?: string } {
    const path = reportPath(uri, cwd);
    if (path === uri) return { uri };
    return isAbsolute(path) ? { uri: pathToFileURL(path).href } : { uri: encodeURI(path), uriBaseId: '%SRCROOT%' };
}

function ruleOf(d: FileDiagnostic): string {
    return d.code ?? GENERAL_RULE;
}
