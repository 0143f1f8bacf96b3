import { OperationCancelled } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';

/**
 * Typing sends a change per keystroke. Each one starts a new build and cancels the previous, but a
 * build that got as far as evaluating the model ran to the end of a slice at least and showed figures
 * nobody would read; readers that evaluated on their own (hovers, hints, lenses) did it for every
 * keystroke. The evaluation of an edited workspace now waits until the edits have stopped for
 * `quietMs`: the next keystroke cancels the waiting build, and a burst is evaluated once, for its last
 * text. Builds without an edit (opening a file, a file changed on disk) do not wait.
 */
export class EditBurst {
    /** How long the editor must be quiet before the edited text is evaluated. */
    quietMs = 120;
    private lastEdit = Number.NEGATIVE_INFINITY;

    /** An edit in the editor. */
    edited(): void {
        this.lastEdit = performance.now();
    }

    /** Resolves once no edit has come for `quietMs`; rejects with Langium's OperationCancelled when `token` is (a newer edit). */
    async settled(token: CancellationToken): Promise<void> {
        for (let wait = this.remaining(); wait > 0; wait = this.remaining()) {
            await new Promise<void>((resolve, reject) => {
                const timer = setTimeout(() => {
                    listener.dispose();
                    resolve();
                }, wait);
                const listener = token.onCancellationRequested(() => {
                    clearTimeout(timer);
                    listener.dispose();
                    reject(OperationCancelled);
                });
            });
        }
        if (token.isCancellationRequested) throw OperationCancelled;
    }

    private remaining(): number {
        return this.lastEdit + this.quietMs - performance.now();
    }
}
