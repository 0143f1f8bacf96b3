import type { ExprDescription, Origin } from '../engine/index.js';
import { NumberListPositions, scanNumberList, type TextPosition } from './number-list.js';

/** Where the numbers of one list are: positions are worked out when an origin is asked for (the engine asks for few; a million eager origins would be four objects a value). */
class ListText {
    private readonly positions: NumberListPositions;

    constructor(private readonly uri: string, list: string, start: TextPosition) {
        this.positions = new NumberListPositions(list, start);
    }

    origin(start: number, end: number): Origin {
        return { uri: this.uri, range: { start: this.positions.positionAt(start), end: this.positions.positionAt(end) } };
    }
}

/** A piece of a list's text that the description points back to: its origin is that piece's place, worked out when asked. */
abstract class ListPiece {
    readonly #list: ListText | undefined;
    readonly #start: number;
    readonly #end: number;

    constructor(list: ListText | undefined, start: number, end: number) {
        this.#list = list;
        this.#start = start;
        this.#end = end;
    }

    get origin(): Origin | undefined {
        return this.#list?.origin(this.#start, this.#end);
    }
}

/** A number of the list: what a QuantityLiteral without a unit describes, its origin the number's place. */
class ListedNumber extends ListPiece {
    readonly kind = 'number';
    readonly unit = undefined;

    constructor(readonly value: number, list: ListText | undefined, start: number, end: number) {
        super(list, start, end);
    }
}

/** `-3`: what a Negation of a number describes, its origin from the sign to the number's end. */
class NegatedListedNumber extends ListPiece {
    readonly kind = 'negate';

    constructor(readonly operand: ListedNumber, list: ListText | undefined, start: number, end: number) {
        super(list, start, end);
    }
}

/** `12_000.5` -> 12000.5 */
function numberOf(text: string): number {
    return Number(text.indexOf('_') >= 0 ? text.replace(/_/g, '') : text);
}

/**
 * The description of a list of plain numbers, the list's text at `origin`: exactly what the same list
 * read as a ListExpression of QuantityLiterals (and Negations of them) describes, each item with the
 * origin of its own text.
 */
export function describeNumberList(list: string, origin: Origin | undefined): ExprDescription {
    const text = origin && new ListText(origin.uri, list, origin.range.start);
    const items: ExprDescription[] = [];
    let minus = -1;
    scanNumberList(list, 0, (part, from, to) => {
        if (part === 'minus') minus = from;
        if (part !== 'number') return;
        const number = new ListedNumber(numberOf(list.slice(from, to)), text, from, to);
        items.push(minus >= 0 ? new NegatedListedNumber(number, text, minus, to) : number);
        minus = -1;
    });
    return { kind: 'list', items, origin };
}
