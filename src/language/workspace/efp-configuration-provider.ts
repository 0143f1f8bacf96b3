import { DefaultConfigurationProvider, type ConfigurationInitializedParams } from 'langium';
import type { InitializeParams } from 'vscode-languageserver-protocol';

/**
 * Langium's configuration provider, which asks to be told of settings changes by registering
 * `workspace/didChangeConfiguration` with every client that reads settings: only a client that says it
 * takes that registration (`didChangeConfiguration.dynamicRegistration`, as VS Code does) is asked here.
 * Others refuse it (Emacs's Eglot opens a warnings buffer each time the server starts); they send the
 * notification unasked, which the server hears all the same.
 */
export class EfpConfigurationProvider extends DefaultConfigurationProvider {
    private registersChanges = false;

    override initialize(params: InitializeParams): void {
        super.initialize(params);
        this.registersChanges = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    }

    override initialized(params: ConfigurationInitializedParams): Promise<void> {
        return super.initialized(this.registersChanges ? params : { ...params, register: undefined });
    }
}
