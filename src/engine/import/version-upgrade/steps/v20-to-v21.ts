import { copyOf } from '../json.js';
import { hoistInlineSources } from '../source-hoisting.js';
import type { UpgradeStep } from '../upgrade-step.js';

/**
 * v20→21: sources become top-level entities: each value's inline `source` object is replaced by the id of an
 * entry in a new `Sources` block placed after `efootprint_version` ("user data" and "e-footprint hypothesis"
 * keep the fixed ids `user_data` and `hypothesis`).
 */
export const v20ToV21: UpgradeStep = {
    from: 20,
    summary: 'inline source objects move to a top-level Sources block and values refer to them by id',
    upgrade(input) {
        const root = copyOf(input);
        hoistInlineSources(root);
        return { root, notes: [] };
    }
};
