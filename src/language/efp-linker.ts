import { DefaultLinker, type AstNodeDescription, type LangiumCoreServices, type LinkingError, type ReferenceInfo, type ScopeProvider } from 'langium';
import { didYouMean } from '../engine/model/diagnostics.js';
import { quoted } from './message-text.js';

/** What each kind of reference names, for "unknown …" messages. */
const WHAT: Record<string, string> = {
    UnitDecl: 'unit', ObjectDecl: 'object', SourceDecl: 'source', Referable: 'name'
};

/** Linking errors in the modeler's words, with the closest known name as a suggestion. */
export class EfpLinker extends DefaultLinker {
    private readonly scopes: ScopeProvider;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.scopes = services.references.ScopeProvider;
    }

    protected override createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): LinkingError {
        const error = super.createLinkingError(refInfo, targetDescription);
        const name = refInfo.reference.$refText;
        const type = this.reflection.getReferenceType(refInfo);
        const what = WHAT[type] ?? 'name';
        const candidates = this.scopes.getScope(refInfo).getAllElements().map(d => d.name).toArray();
        const guess = didYouMean(name, candidates);
        const hint = guess ? ` Did you mean '${guess}'?` : what === 'unit' ? ' Units are written like W, kWh, kg, GB, h or year.' : '';
        return { ...error, message: `unknown ${what} ${quoted(name)}.${hint}` };
    }
}
