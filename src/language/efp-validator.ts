import { CstUtils, isLeafCstNode, UriUtils, type ValidationAcceptor, type ValidationChecks } from 'langium';
import { DiagnosticTag, type CancellationToken, type Range } from 'vscode-languageserver';
import type { Document, EfpAstType, ObjectDecl, ConfidenceAnnotation, Import, Reference } from './generated/ast.js';
import { isObjectDecl } from './generated/ast.js';
import { INTERNAL_ERROR } from './validation-faults.js';
import { isPastTheBudget, maxModelTokens, MAX_MODEL_TOKENS_VARIABLE } from './token-budget.js';
import type { EfpServices } from './efp-module.js';
import { classForKeyword, MAX_NO_SYSTEM_PATTERNS, modelFindings } from '../engine/index.js';
import { BUILTIN_LIBRARY_URI } from './builtin-library.js';
import { fileAccessPolicy, outsideWorkspace, OUTSIDE_WORKSPACE_HINT } from './data-files.js';
import { unreadableFiles } from './workspace/unreadable-files.js';
import { canEvaluate, EvaluationFault } from './evaluation/document-models.js';
import { closureDeclaresSystem, importedFromOutside, usagePatternNames } from './model-roots.js';
import { importClosure, MAX_MODEL_FILES, tooManyModelFiles } from './efp-scope.js';

const CONFIDENCE_LEVELS = ['low', 'medium', 'high'];

/** Marks the diagnostics the validator takes from the engine (the CLI reports those itself, hints apart). */
export const FROM_ENGINE = 'fromEngine';

/** The codes that say a file is no model of its own (nothing declared, no system): not said of a part of another model. */
export const NO_MODEL_OF_ITS_OWN: ReadonlySet<string> = new Set(['empty-file', 'no-system']);

/** What a model starts with, for a file that declares nothing. */
export const EMPTY_FILE_HINT = 'A model starts with its settings, `model "My service" { start_date: 2025-01-01  modeling_duration: 3 year }`, '
    + 'then its objects, e.g. `server web { power: 300 W ... }` (examples/quickstart.efp is a whole one).';

/** Checks that need only the syntax tree; the engine checks what needs the model (dimensions, cycles...). */
export class EfpValidator {
    constructor(private readonly services: EfpServices) {}

    checkObjectAttributesAreUnique(object: ObjectDecl, accept: ValidationAcceptor): void {
        const seen = new Set<string>();
        for (const attribute of object.attributes) {
            if (seen.has(attribute.name)) {
                accept('error', `'${attribute.name}' is given twice in ${object.name ?? 'this object'}`, { node: attribute, property: 'name', code: 'duplicate-attribute' });
            }
            seen.add(attribute.name);
        }
        const spec = classForKeyword(object.kind);
        if (object.runsOn && spec && !spec.onInput) {
            accept('error', `'on' names the server of a job or service, or the service of a video streaming job; ${spec.article} has none`, { node: object, property: 'runsOn', code: 'invalid-value' });
        }
        const onInput = spec?.onInput;
        if (object.runsOn && onInput && object.attributes.some(a => a.name === onInput)) {
            accept('error', `the ${onInput} is given twice: 'on ${object.runsOn.$refText}' and '${onInput}:'`, { node: object, property: 'runsOn', code: 'duplicate-attribute' });
        }
    }

    checkConfidenceLevel(annotation: ConfidenceAnnotation, accept: ValidationAcceptor): void {
        if (!CONFIDENCE_LEVELS.includes(annotation.level)) {
            accept('error', `confidence is low, medium or high, not '${annotation.level}'`, { node: annotation, property: 'level', code: 'invalid-value' });
        }
    }

    /** A model reaching more files than efp evaluates as one: said on its first import, and not evaluated. */
    checkModelFilesWithinLimit(root: Document, accept: ValidationAcceptor): void {
        const document = root.$document;
        if (!document || root.imports.length === 0) return;
        if (!tooManyModelFiles(importClosure(document, this.services.shared.workspace.LangiumDocuments))) return;
        const hint = 'Import only the files this model uses, or merge small files into larger ones.';
        accept('error', `this model reaches more than ${MAX_MODEL_FILES} files through its imports, more than efp evaluates as one model. ${hint}`, {
            node: root.imports[0], property: 'path', code: 'too-many-files', data: { code: 'too-many-files', hint }
        });
    }

    checkImportExists(imp: Import, accept: ValidationAcceptor): void {
        // only the root has `$document`: an import's is its container's
        const document = imp.$container?.$document;
        if (!document || !imp.path) return;
        const target = UriUtils.resolvePath(UriUtils.dirname(document.uri), imp.path);
        const shared = this.services.shared;
        const at = { node: imp, property: 'path', code: 'unknown-import' } as const;
        if (!shared.ServiceRegistry.hasServices(target)) {
            accept('error', `cannot import '${imp.path}': efp imports models, which are .efp files`, at);
            return;
        }
        // read but refused (too large, not UTF-8): the file may be loaded, empty
        const unreadable = unreadableFiles(shared).get(target.toString());
        if (unreadable) {
            accept('error', `cannot import '${imp.path}': ${unreadable.reason}${unreadable.hint ? `. ${capitalized(unreadable.hint)}` : ''}`, at);
            return;
        }
        const imported = shared.workspace.LangiumDocuments.getDocument(target);
        // read only up to its budget of tokens: nothing of it is evaluated, nor of what imports it
        const past = imported?.parseResult.lexerReport?.diagnostics.find(d => isPastTheBudget(d.message));
        if (past) {
            accept('error', `cannot import '${imp.path}': it is longer than efp reads (more than ${maxModelTokens().toLocaleString('en-US')} tokens; see its line ${past.line}). `
                + `Split it into files that import each other, or set ${MAX_MODEL_TOKENS_VARIABLE} to raise the limit.`, at);
            return;
        }
        if (imported) return;
        const outside = outsideWorkspace(fileAccessPolicy(shared), document.uri, target);
        if (outside) accept('error', `cannot import '${imp.path}': ${outside}. ${OUTSIDE_WORKSPACE_HINT}`, at);
        else accept('error', `cannot find '${imp.path}' (relative to this file)`, at);
    }

    /**
     * What only evaluating the model finds: dimensions, missing inputs, cycles, values out of range,
     * servers that cannot hold their load. Reported for this document's own text.
     */
    async checkModel(root: Document, accept: ValidationAcceptor, cancelToken: CancellationToken): Promise<void> {
        const document = root.$document;
        // the built-in library is not a model of its own
        if (!document || document.uri.toString() === BUILTIN_LIBRARY_URI) return;
        // a file over the size limit, or not UTF-8 on disk: said once, and nothing evaluated from it
        const unreadable = unreadableFiles(this.services.shared).get(document.uri.toString());
        if (unreadable) {
            const start = { line: 0, character: 0 };
            accept('error', `efp does not read this file: ${unreadable.reason}${unreadable.hint ? `. ${capitalized(unreadable.hint)}` : ''}`,
                { node: root, range: { start, end: start }, code: 'unreadable-file' });
            return;
        }
        // evaluated in slices: typing goes on meanwhile, and a newer text cancels it
        let findings;
        try {
            findings = await this.services.evaluation.DocumentModels.evaluateFor(document, cancelToken, model => modelFindings(model));
        } catch (error) {
            // the engine's fault (logged where it happened) is one diagnostic, not a failed build
            if (!(error instanceof EvaluationFault)) throw error;
            accept('error', error.message, { node: root, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, code: INTERNAL_ERROR });
            return;
        }
        if (!findings) return;
        const uri = document.uri.toString();
        for (const d of findings) {
            if (d.origin?.uri !== uri) continue;
            const message = d.hint ? `${d.message}. ${d.hint}` : d.message;
            accept(d.severity, message, {
                // the engine's data (a suggestion, the missing input) is what quick fixes read
                node: root, range: d.origin.range, code: d.code, data: { code: d.code, [FROM_ENGINE]: true, ...d.data },
                // editors grey out what is unused
                tags: d.code === 'unused' ? [DiagnosticTag.Unnecessary] : undefined
            });
        }
    }

    /**
     * A model has a footprint only through a system: without one `efp eval` has nothing to total, so the
     * check says so where the model starts, with the system to add. An empty file (or one of comments
     * only) is said as such: it is most likely not the file meant. A file another one imports is a part
     * of that model, not a model of its own (model-roots.ts).
     */
    checkHasAFootprint(root: Document, accept: ValidationAcceptor): void {
        const document = root.$document;
        if (!document || document.uri.toString() === BUILTIN_LIBRARY_URI) return;
        const shared = this.services.shared;
        const documents = shared.workspace.LangiumDocuments;
        // text that does not parse, an import missing, a file efp would not read (too large, not UTF-8, parsed as
        // empty): the system may be in what could not be read, and its error says why
        if (!canEvaluate(document, documents)) return;
        const closure = importClosure(document, documents);
        const unreadable = unreadableFiles(shared);
        for (const uri of closure) if (unreadable.has(uri)) return;
        if (closureDeclaresSystem(closure, documents) || importedFromOutside(document, closure, shared)) return;
        if (root.imports.length === 0 && root.elements.length === 0) {
            const start = { line: 0, character: 0 };
            accept('error', `this file declares nothing. ${EMPTY_FILE_HINT}`, {
                node: root, range: { start, end: start }, code: 'empty-file', data: { code: 'empty-file', hint: EMPTY_FILE_HINT }
            });
            return;
        }
        const patterns = usagePatternNames(closure, documents);
        const hint = noSystemHint(patterns);
        // the fix writes a system listing the usage patterns (names the grammar read: identifiers)
        const fix = { kind: 'no-system', input: patterns?.input ?? 'usage_patterns', patterns: patterns?.names.slice(0, MAX_NO_SYSTEM_PATTERNS) ?? [] };
        accept('error', `this model declares no system, so it has no footprint to total. ${hint}`, {
            node: root, range: firstTokenRange(root), code: 'no-system', data: { code: 'no-system', hint, ...fix }
        });
    }

    checkMembersFollowAnObject(ref: Reference, accept: ValidationAcceptor): void {
        const target = ref.target.ref;
        if (target && !isObjectDecl(target) && ref.members.length > 0) {
            accept('error', `'${ref.target.$refText}' is not an object: it has no '.${ref.members[0]}'`, { node: ref, property: 'members', code: 'invalid-value' });
        }
    }
}

/** How long a name the hint repeats may be: a stranger's file may hold a name of megabytes. */
const NAME_IN_HINT = 64;

/** The system to add: listing the model's usage patterns, or a first one to write. */
export function noSystemHint(patterns: { input: string; names: string[] } | undefined): string {
    const names = patterns?.names.filter(n => n.length <= NAME_IN_HINT) ?? [];
    if (!patterns || names.length === 0) {
        return 'Add a usage pattern and a system that lists it, `system my_service { usage_patterns: [my_users] }` (examples/quickstart.efp is a whole model).';
    }
    const list = names.length > 3 ? `${names.slice(0, 3).join(', ')}, …` : names.join(', ');
    return `Add \`system my_service { ${patterns.input}: [${list}] }\`: a system totals the footprint of the usage patterns it lists.`;
}

/** The first token of a file (comments aside): where its model starts. */
function firstTokenRange(root: Document): Range {
    const cst = root.$cstNode;
    if (cst) {
        for (const node of CstUtils.streamCst(cst)) {
            if (isLeafCstNode(node) && !node.hidden) return node.range;
        }
    }
    return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

function capitalized(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

export function registerValidationChecks(services: EfpServices): void {
    const validator = new EfpValidator(services);
    const checks: ValidationChecks<EfpAstType> = {
        ObjectDecl: validator.checkObjectAttributesAreUnique.bind(validator),
        ConfidenceAnnotation: validator.checkConfidenceLevel.bind(validator),
        Import: validator.checkImportExists.bind(validator),
        Reference: validator.checkMembersFollowAnObject.bind(validator),
        Document: [validator.checkModel.bind(validator), validator.checkHasAFootprint.bind(validator), validator.checkModelFilesWithinLimit.bind(validator)]
    };
    services.validation.ValidationRegistry.register(checks, validator);
}
