/**
 * The layers of efp and the rules between them (ARCHITECTURE.md says why). Checked in `npm test`
 * (test/architecture/import-boundaries.test.ts) and by `npm run lint:imports`. No rule lists an exception:
 * a change that needs one changes the layering, and this file and ARCHITECTURE.md with it.
 */
const ENGINE_ENTRIES = '^src/engine/(index|presentation)[.]ts$';

module.exports = {
    forbidden: [
        {
            name: 'engine-is-pure',
            comment: 'The engine knows nothing of Langium, VS Code, the terminal or the layers above it.',
            severity: 'error',
            from: { path: '^src/engine/' },
            to: { path: ['^src/(language|cli|api|extension|webview|platform|templates)/', 'node_modules/(langium|vscode|vscode-[^/]+|chevrotain|commander)/'] }
        },
        {
            name: 'model-looks-down',
            comment: 'engine/model depends only on units, series and data: classes and features are given to it (ClassRegistry).',
            severity: 'error',
            from: { path: '^src/engine/model/' },
            to: { path: '^src/engine/', pathNot: '^src/engine/(model|units|series|data)/' }
        },
        {
            name: 'series-and-units-look-down',
            comment: 'Hourly series and units are the bottom of the engine.',
            severity: 'error',
            from: { path: '^src/engine/(series|units|data|text)/' },
            to: { path: '^src/engine/', pathNot: '^src/engine/(series|units|data|text)/' }
        },
        {
            name: 'engine-entry',
            comment: 'Outside the engine, the engine is imported from src/engine/index.ts (its public API) only.',
            severity: 'error',
            from: { path: '^src/(language|cli|api|platform)/' },
            to: { path: '^src/engine/', pathNot: ENGINE_ENTRIES }
        },
        {
            name: 'views-use-presentation',
            comment: 'The extension and the webviews take from the engine only how figures are written (presentation.ts).',
            severity: 'error',
            from: { path: '^src/(extension|webview)/' },
            to: { path: '^src/engine/', pathNot: '^src/engine/presentation[.]ts$' }
        },
        {
            name: 'extension-talks-by-protocol',
            comment: 'The extension talks to the language server over LSP and the efp/* messages of protocol.ts, never by importing it.',
            severity: 'error',
            from: { path: '^src/extension/' },
            to: { path: '^src/(language|cli|api)/', pathNot: '^src/language/protocol[.]ts$' }
        },
        {
            name: 'webview-talks-by-messages',
            comment: 'A webview knows its own messages (and the protocol types they carry), nothing of the extension or server code.',
            severity: 'error',
            from: { path: '^src/webview/' },
            to: { path: '^src/(language|cli|api|extension|platform|templates)/', pathNot: '^src/language/protocol[.]ts$' }
        },
        {
            name: 'webview-protocol-types-only',
            comment: 'A webview runs in the browser: from the protocol it takes types, no code.',
            severity: 'error',
            from: { path: '^src/webview/' },
            to: { path: '^src/language/protocol[.]ts$', dependencyTypesNot: ['type-only'] }
        },
        {
            name: 'language-below-its-users',
            comment: 'The language server is used by the CLI, the API and (by protocol) the extension; it uses none of them.',
            severity: 'error',
            from: { path: '^src/language/' },
            to: { path: '^src/(cli|api|extension|webview|templates)/' }
        },
        {
            name: 'platform-is-a-floor',
            comment: 'platform/ (files, writes) serves the language server and the CLI and imports neither.',
            severity: 'error',
            from: { path: '^src/platform/' },
            to: { path: '^src/(language|cli|api|extension|webview|engine|templates)/' }
        },
        {
            name: 'templates-are-files',
            comment: 'templates/ (the models efp init and the editor write) is shared by the CLI and the extension: it reads and writes files through platform/ and knows no model, language or editor.',
            severity: 'error',
            from: { path: '^src/templates/' },
            to: { path: '^src/(language|cli|api|extension|webview|engine)/' }
        },
        {
            name: 'no-runtime-cycles',
            comment: 'Modules do not import each other in a circle at run time (type-only imports may: they are erased).',
            severity: 'error',
            from: { path: '^src/' },
            to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } }
        }
    ],
    options: {
        tsPreCompilationDeps: true,
        tsConfig: { fileName: 'tsconfig.json' },
        doNotFollow: { path: 'node_modules' },
        exclude: { path: '^src/language/generated/' },
        enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] }
    }
};
