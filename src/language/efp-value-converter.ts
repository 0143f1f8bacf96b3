import { DefaultValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';
import { readEfpString } from '../engine/index.js';

/**
 * String literals read with the escapes efp writes (src/engine/text/efp-syntax.ts): Langium's own and
 * `\u{hex}`, which is how an imported name holding a control or bidi character stays visible in the file.
 */
export class EfpValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        if (rule.name === 'STRING') return readEfpString(input);
        return super.runConverter(rule, input, cstNode);
    }
}
