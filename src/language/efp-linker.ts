import {
    AstUtils, DefaultLinker, DocumentCache, DocumentState, type AstNodeDescription, type LangiumCoreServices, type LinkingError,
    type ReferenceInfo, type ScopeProvider
} from 'langium';
import { didYouMean, suggestionData, type DiagnosticData } from '../engine/index.js';
import { quoted } from './message-text.js';
import { kindsOf, referenceInputAt } from './reference-input.js';

/** What each kind of reference names, for "unknown …" messages. */
const WHAT: Record<string, string> = {
    UnitDecl: 'unit', ObjectDecl: 'object', SourceDecl: 'source', Referable: 'name'
};

/**
 * The unknown names of a file that get a suggestion. Finding the closest name reads every name the file
 * can see: for every unknown name of a generated or broken file, that is quadratic (200,000 unknown names
 * among 200,000 objects did not finish in an hour). The first ones are those a modeler reads.
 */
const MAX_SUGGESTIONS_PER_DOCUMENT = 100;
/** Unknown names of a file that get the data of the fix creating them: as many as its problems list shows (diagnostic-cap.ts). */
const MAX_CREATE_FIXES_PER_DOCUMENT = 1_000;

/** A linking error with the closest known name, for the quick fix (efp-document-validator.ts puts it in the diagnostic's data). */
export interface SuggestingLinkingError extends LinkingError {
    readonly data?: DiagnosticData;
}

/** Linking errors in the modeler's words, with the closest known name as a suggestion. */
export class EfpLinker extends DefaultLinker {
    private readonly scopes: ScopeProvider;
    /** How many suggestions were looked for, and fixes offered, in each file since it was last linked. */
    private readonly suggestions: DocumentCache<string, number>;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.scopes = services.references.ScopeProvider;
        // forgotten once a file is linked: the next linking of it counts from 0
        this.suggestions = new DocumentCache(services.shared, DocumentState.Linked);
    }

    protected override createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): SuggestingLinkingError {
        const error = super.createLinkingError(refInfo, targetDescription);
        const name = refInfo.reference.$refText;
        const type = this.reflection.getReferenceType(refInfo);
        const what = WHAT[type] ?? 'name';
        const guess = this.suggest(refInfo, name);
        const hint = guess ? ` Did you mean '${guess}'?` : what === 'unit' ? ' Units are written like W, kWh, kg, GB, h or year.' : '';
        // where the place says which kinds of object fit, the quick fix can create one (for the names a file's
        // problems list can show: 175,000 unknown names, each with its data, took 190 MB more to check)
        const input = what === 'unit' || !this.counted(refInfo, 'fixes', MAX_CREATE_FIXES_PER_DOCUMENT) ? undefined : referenceInputAt(refInfo.container, refInfo.property);
        const kinds = input ? kindsOf(input) : [];
        const data: DiagnosticData | undefined = kinds.length > 0
            ? { kind: 'unknown-object', name, kinds, ...(guess !== undefined ? { suggestion: guess } : {}) }
            : suggestionData(name, guess);
        return { ...error, message: `unknown ${what} ${quoted(name)}.${hint}`, data };
    }

    private suggest(refInfo: ReferenceInfo, name: string): string | undefined {
        if (!this.counted(refInfo, 'count', MAX_SUGGESTIONS_PER_DOCUMENT)) return undefined;
        return didYouMean(name, this.scopes.getScope(refInfo).getAllElements().map(d => d.name));
    }

    /** Whether the file's `what` (suggestions, fixes) is still under `max` since it was last linked; counts this one. */
    private counted(refInfo: ReferenceInfo, what: string, max: number): boolean {
        const uri = AstUtils.getDocument(refInfo.container).uri;
        const count = this.suggestions.get(uri, what, () => 0);
        if (count >= max) return false;
        this.suggestions.set(uri, what, count + 1);
        return true;
    }
}
