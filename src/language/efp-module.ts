import { createCompletionParser, inject, type DeepPartial, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext, type LangiumServices,
    type LangiumSharedServices, type PartialLangiumServices
} from 'langium/lsp';
import { EfpGeneratedModule, EfpGeneratedSharedModule } from './generated/module.js';
import { EfpScopeComputation, EfpScopeProvider } from './efp-scope.js';
import { EfpWorkspaceManager } from './efp-workspace-manager.js';
import { EfpDocumentFactory } from './workspace/efp-document-factory.js';
import { EfpServiceRegistry } from './efp-service-registry.js';
import { EfpDocumentBuilder } from './efp-document-builder.js';
import { EfpLinker } from './efp-linker.js';
import { EfpAstNodeLocator } from './efp-ast-node-locator.js';
import { EfpParserErrorMessageProvider } from './efp-parser-messages.js';
import { EfpValueConverter } from './efp-value-converter.js';
import { guardCompletionParser, guardParser } from './parser-nesting-limit.js';
import { createEfpLangiumParser } from './efp-cst-builder.js';
import { EfpTokenBuilder } from './efp-token-builder.js';
import { withinTokenBudget } from './token-budget.js';
import { DocumentModels } from './evaluation/document-models.js';
import { EvaluationPublisher } from './evaluation/evaluation-publisher.js';
import { EditBurst } from './evaluation/edit-burst.js';
import { EfpDocumentUpdateHandler } from './evaluation/efp-document-update-handler.js';
import { EfpCodeLensProvider } from './lsp/efp-code-lens-provider.js';
import { EfpHoverProvider } from './lsp/efp-hover-provider.js';
import { EfpRenameProvider } from './lsp/efp-rename-provider.js';
import { EfpCompletionProvider } from './lsp/efp-completion-provider.js';
import { EfpInlayHintProvider } from './lsp/efp-inlay-hint-provider.js';
import { EfpFormatter } from './lsp/efp-formatter.js';
import { EfpSemanticTokenProvider } from './lsp/efp-semantic-tokens.js';
import { EfpCodeActionProvider } from './lsp/efp-code-actions.js';
import { EfpSignatureHelpProvider } from './lsp/efp-signature-help.js';
import { EfpDocumentationProvider } from './lsp/efp-documentation-provider.js';
import { ClientCommands } from './lsp/client-commands.js';
import { EfpConfigurationProvider } from './workspace/efp-configuration-provider.js';
import { EfpExecuteCommandHandler } from './lsp/footprint-summary-command.js';
import { EfpAstNodeDescriptionProvider } from './efp-ast-node-descriptions.js';
import { EfpDocumentHighlightProvider, EfpReferences } from './lsp/efp-references.js';
import { registerValidationChecks } from './efp-validator.js';
import { EfpDocumentValidator } from './efp-document-validator.js';
import { EfpValidationRegistry } from './validation-faults.js';
import '../platform/node20-polyfills.js';

export type EfpAddedServices = {
    evaluation: { DocumentModels: DocumentModels; EvaluationPublisher: EvaluationPublisher; EditBurst: EditBurst };
    /** What the client can do beyond LSP (src/language/lsp/client-commands.ts). */
    client: { Commands: ClientCommands };
};
export type EfpServices = LangiumServices & EfpAddedServices;

export const EfpModule: Module<EfpServices, PartialLangiumServices & EfpAddedServices> = {
    parser: {
        ParserErrorMessageProvider: () => new EfpParserErrorMessageProvider(),
        // `\u{hex}` in strings, as efp writes imported text (src/engine/text/efp-syntax.ts)
        ValueConverter: () => new EfpValueConverter(),
        // texts in quotes and block comments of any length, read in one pass (src/language/efp-token-builder.ts)
        TokenBuilder: () => new EfpTokenBuilder(),
        // values nested past what the stack holds are reported, not parsed (src/language/parser-nesting-limit.ts);
        // the syntax tree of huge texts is built in linear time and without spreads (src/language/efp-cst-builder.ts)
        // a text past its budget of tokens is read up to there (src/language/token-budget.ts)
        LangiumParser: services => guardParser(withinTokenBudget(createEfpLangiumParser(services)), services),
        CompletionParser: services => guardCompletionParser(createCompletionParser(services), services)
    },
    client: {
        Commands: () => new ClientCommands()
    },
    evaluation: {
        DocumentModels: services => new DocumentModels(services.shared, services.evaluation.EditBurst),
        EditBurst: () => new EditBurst(),
        EvaluationPublisher: services => new EvaluationPublisher(services)
    },
    lsp: {
        HoverProvider: services => new EfpHoverProvider(services),
        // a new name is checked before it is written in place of every reference
        RenameProvider: services => new EfpRenameProvider(services),
        CompletionProvider: services => new EfpCompletionProvider(services),
        InlayHintProvider: services => new EfpInlayHintProvider(services),
        Formatter: () => new EfpFormatter(),
        SemanticTokenProvider: services => new EfpSemanticTokenProvider(services),
        CodeActionProvider: services => new EfpCodeActionProvider(services),
        SignatureHelp: () => new EfpSignatureHelpProvider(),
        CodeLensProvider: services => new EfpCodeLensProvider(services),
        // a name's uses gathered without spreading them into a call (src/language/lsp/efp-references.ts)
        DocumentHighlightProvider: services => new EfpDocumentHighlightProvider(services)
    },
    validation: {
        // at most 1,000 diagnostics a file (src/language/diagnostic-cap.ts)
        DocumentValidator: services => new EfpDocumentValidator(services),
        // a check that throws is efp's fault, said once in efp's words (src/language/validation-faults.ts)
        ValidationRegistry: services => new EfpValidationRegistry(services)
    },
    documentation: {
        DocumentationProvider: services => new EfpDocumentationProvider(services)
    },
    workspace: {
        // paths of nodes in deep expressions stay short (src/language/efp-ast-node-locator.ts)
        AstNodeLocator: () => new EfpAstNodeLocator(),
        // a name in the index in a fixed shape, its segments computed when read (src/language/efp-ast-node-descriptions.ts)
        AstNodeDescriptionProvider: services => new EfpAstNodeDescriptionProvider(services)
    },
    references: {
        References: services => new EfpReferences(services),
        Linker: services => new EfpLinker(services),
        ScopeComputation: services => new EfpScopeComputation(services),
        ScopeProvider: services => new EfpScopeProvider(services)
    }
};

export const EfpSharedModule: Module<LangiumSharedServices, DeepPartial<LangiumSharedServices>> = {
    ServiceRegistry: services => new EfpServiceRegistry(services),
    workspace: {
        WorkspaceManager: services => new EfpWorkspaceManager(services),
        // model files over the size limit or not UTF-8 are reported, not parsed (or crashing the workspace's load)
        LangiumDocumentFactory: services => new EfpDocumentFactory(services),
        DocumentBuilder: services => new EfpDocumentBuilder(services),
        // registers for settings changes only with a client that takes the registration
        ConfigurationProvider: services => new EfpConfigurationProvider(services)
    },
    lsp: {
        DocumentUpdateHandler: services => new EfpDocumentUpdateHandler(services),
        // an object's footprint in a message, from a CodeLens in editors without efp's panels
        ExecuteCommandHandler: services => new EfpExecuteCommandHandler(services)
    }
};

/** The language services, shared by the language server, the CLI and the tests. */
export function createEfpServices(context: DefaultSharedModuleContext): { shared: LangiumSharedServices; Efp: EfpServices } {
    const shared = inject(createDefaultSharedModule(context), EfpGeneratedSharedModule, EfpSharedModule);
    const Efp = inject(createDefaultModule({ shared }), EfpGeneratedModule, EfpModule);
    shared.ServiceRegistry.register(Efp);
    registerValidationChecks(Efp);
    if (!context.connection) {
        // no client to ask for settings (CLI, tests)
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Efp };
}
