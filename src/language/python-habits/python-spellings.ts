import { isBlank, isDigit, isNamePart, isNameStart, PythonReader } from './python-reader.js';
import { archetypeOf, archetypesOf, closestCountry, countryOf, efpUnitOf, pythonClass, sourceOf } from './python-names.js';

/**
 * e-footprint's Python pasted into a .efp file (`SourceValue(300 * u.W)`, `power=…`, `# …`,
 * `Device.laptop()`, `Countries.FRANCE()`): where each such spelling is, what it is, and how .efp writes
 * it. Found by a scan of the text that skips its texts in quotes and comments and looks at each
 * character a bounded number of times (python-reader.ts): the file may be a stranger's megabyte.
 */
export interface PythonSpelling {
    /** Where it is written in the text: offsets, `end` excluded. */
    readonly start: number;
    readonly end: number;
    /** What was written, in e-footprint's terms (`\`SourceValue(300 * u.W)\` is e-footprint's Python`). */
    readonly message: string;
    /** How .efp writes it, in one sentence or two. */
    readonly hint: string;
    /** When .efp's form follows from the text alone: `written`, at `start`, is replaced by `replacement`. */
    readonly rewrite?: { readonly written: string; readonly replacement: string };
}

/** The longest spelling read, in characters: a pasted value or call is far shorter. */
export const MAX_SPELLING_LENGTH = 400;
/** The most spellings one scan finds: more than a file lists diagnostics (diagnostic-cap.ts). */
export const MAX_SPELLINGS = 2000;

/** The spellings of a text, in the order of the text. */
export function findPythonSpellings(text: string): PythonSpelling[] {
    return new SpellingScan(text).run();
}

/** What reading at one place found: a spelling (or none), and where the scan goes on. */
interface Step {
    readonly spelling?: PythonSpelling;
    /** Where the scan goes on; at or before where it read, the character there is taken as any other. */
    readonly next: number;
}

const HASH = 0x23, DOUBLE_QUOTE = 0x22, SINGLE_QUOTE = 0x27, SLASH = 0x2f, STAR = 0x2a, DOT = 0x2e, EQUALS = 0x3d;
const OPEN_PARENTHESIS = 0x28, OPEN_BRACE = 0x7b, OPEN_BRACKET = 0x5b, CLOSE_BRACE = 0x7d, CLOSE_PARENTHESIS = 0x29, CLOSE_BRACKET = 0x5d;
const LF = 0x0a, CR = 0x0d, COLON = 0x3a, COMMA = 0x2c;
/** After these, a `{` stands where a value goes: a dict, as no .efp value starts with `{`. */
const VALUE_PLACES = new Set([COLON, EQUALS, OPEN_PARENTHESIS, COMMA, OPEN_BRACKET]);

class SpellingScan {
    private readonly found: PythonSpelling[] = [];
    /** How deep in brackets the scan is: a `name=` inside them is an argument, outside an assignment. */
    private depth = 0;
    /** Where the last character the scan passed that was neither blank nor in a comment is (-1: none yet). */
    private lastAt = -1;

    constructor(private readonly text: string) {}

    run(): PythonSpelling[] {
        const text = this.text;
        let i = 0;
        while (i < text.length && this.found.length < MAX_SPELLINGS) {
            const c = text.charCodeAt(i);
            const next = text.charCodeAt(i + 1);
            if (isBlank(c)) { i++; continue; }
            // .efp's own texts and comments are not looked into
            if (c === SLASH && next === SLASH) { i = this.endOfLine(i); continue; }
            if (c === SLASH && next === STAR) {
                const close = text.indexOf('*/', i + 2);
                i = close < 0 ? text.length : close + 2;
                continue;
            }
            if (c === DOUBLE_QUOTE) {
                i = this.endOfText(i);
                this.lastAt = i - 1;
                continue;
            }
            const step = c === HASH ? this.comment(i)
                : c === SINGLE_QUOTE ? this.singleQuoted(i)
                    : c === OPEN_BRACE && VALUE_PLACES.has(text.charCodeAt(this.lastAt)) ? this.dict(i)
                        : isDigit(c) ? this.bareQuantity(i)
                            : isNameStart(c) ? this.name(i)
                                : undefined;
            if (step?.spelling) this.found.push(step.spelling);
            if (step && step.next > i) {
                // a comment is not where a value goes or ends
                if (c !== HASH) this.lastAt = step.next - 1;
                i = step.next;
                continue;
            }
            // a name or a number not spelt the Python way: passed whole, so that nothing inside it is looked at
            if (isNamePart(c)) {
                let end = i + 1;
                while (end < text.length && (isNamePart(text.charCodeAt(end)) || text.charCodeAt(end) === DOT && isDigit(c))) end++;
                this.lastAt = end - 1;
                i = end;
                continue;
            }
            if (c === OPEN_BRACE || c === OPEN_PARENTHESIS || c === OPEN_BRACKET) this.depth++;
            if ((c === CLOSE_BRACE || c === CLOSE_PARENTHESIS || c === CLOSE_BRACKET) && this.depth > 0) this.depth--;
            this.lastAt = i;
            i++;
        }
        return this.found;
    }

    private endOfLine(i: number): number {
        let end = i;
        while (end < this.text.length && this.text.charCodeAt(end) !== LF && this.text.charCodeAt(end) !== CR) end++;
        return end;
    }

    /** Past the text in quotes that starts at `i`; a text never closed is not looked into either: the scan ends there. */
    private endOfText(i: number): number {
        for (let k = i + 1; k < this.text.length; k++) {
            const c = this.text.charCodeAt(k);
            if (c === DOUBLE_QUOTE) return k + 1;
            if (c === 0x5c) k++;
        }
        return this.text.length;
    }

    private reader(at: number): PythonReader {
        return new PythonReader(this.text, at, MAX_SPELLING_LENGTH);
    }

    private spelling(start: number, end: number, message: string, hint: string, replacement?: string): PythonSpelling {
        const written = this.text.slice(start, end);
        return { start, end, message, hint, ...(replacement === undefined ? {} : { rewrite: { written, replacement } }) };
    }

    /** `# a comment`. */
    private comment(i: number): Step {
        const end = this.endOfLine(i);
        const spelling: PythonSpelling = {
            start: i, end, message: '`#` starts a comment in Python, not in .efp',
            hint: 'In .efp, a comment starts with `//`, or is written `/* … */`.', rewrite: { written: '#', replacement: '//' }
        };
        return { spelling, next: end };
    }

    /** `'Europe/Paris'`: a text in single quotes. */
    private singleQuoted(i: number): Step | undefined {
        const reader = this.reader(i);
        const text = reader.quotedText();
        if (text === undefined) return undefined;
        const replacement = `"${text}"`;
        return {
            spelling: this.spelling(i, reader.at, `${shown(this.text.slice(i, reader.at))} is a Python text`, `In .efp, a text is in double quotes: \`${replacement}\`.`, replacement),
            next: reader.at
        };
    }

    /** `{"value": 3, "unit": "GB"}` (e-footprint's JSON of a value), `{sensor: 4}` (a dict of counts), another dict. */
    private dict(i: number): Step {
        const value = this.quantityDict(i) ?? this.countsDict(i);
        if (value) return value;
        const reader = this.reader(i + 1);
        const closed = reader.closingBracket(CLOSE_BRACE);
        const end = closed ? reader.at : i + 1;
        const spelling = this.spelling(i, end, `${closed ? shown(this.text.slice(i, end)) : '`{`'} is a Python dict or a JSON object, not .efp`,
            'In .efp, a value is a number and its unit (`3 GB`), and objects counted each a number of times are a list: `[sensor * 4, camera]`.');
        // a dict not closed: what follows it is looked at (its `{` counted)
        return { spelling, next: closed ? end : i };
    }

    private quantityDict(i: number): Step | undefined {
        const reader = this.reader(i + 1);
        let value: string | undefined;
        let unit: string | undefined;
        do {
            // a comma after the last entry
            if (reader.blank().peek() === CLOSE_BRACE) break;
            const key = reader.quotedText();
            if (key === undefined || !reader.sign(':')) return undefined;
            if (key === 'value' && value === undefined) {
                value = reader.number();
                if (value === undefined) return undefined;
            } else if (key === 'unit' && unit === undefined) {
                const text = reader.quotedText();
                unit = text === undefined ? undefined : unitText(text);
                if (unit === undefined) return undefined;
            } else {
                return undefined;
            }
        } while (reader.sign(','));
        if (value === undefined || unit === undefined || !reader.sign('}')) return undefined;
        const replacement = unit === '' ? value : `${value} ${unit}`;
        return {
            spelling: this.spelling(i, reader.at, `${shown(this.text.slice(i, reader.at))} is e-footprint's JSON of a value, not .efp`,
                `In .efp, write \`${replacement}\`: a number and its unit.`, replacement),
            next: reader.at
        };
    }

    private countsDict(i: number): Step | undefined {
        const reader = this.reader(i + 1);
        const items: string[] = [];
        do {
            const start = reader.at;
            const name = reader.name();
            if (name === undefined) { reader.at = start; break; }
            if (!reader.sign(':')) return undefined;
            const count = reader.number();
            if (count === undefined) return undefined;
            items.push(`${name} * ${count}`);
        } while (reader.sign(','));
        if (items.length === 0 || !reader.sign('}')) return undefined;
        const replacement = `[${items.join(', ')}]`;
        return {
            spelling: this.spelling(i, reader.at, `${shown(this.text.slice(i, reader.at))} is a Python dict`,
                `In .efp, objects counted each a number of times are a list: \`${replacement}\`.`, replacement),
            next: reader.at
        };
    }

    /** `3 * u.GB`: a pint quantity. */
    private bareQuantity(i: number): Step | undefined {
        // `x / 3 * u.GB` is (x / 3) GB in Python, x / (3 GB) written `x / 3 GB`: not rewritten
        const before = this.text.charCodeAt(this.lastAt);
        if (before === SLASH || before === STAR && this.text.charCodeAt(this.lastAt - 1) === STAR) return undefined;
        const reader = this.reader(i);
        const quantity = readQuantity(reader);
        if (!quantity?.unit || powerFollows(reader)) return undefined;
        const replacement = quantity.text;
        return {
            spelling: this.spelling(i, reader.at, `${shown(this.text.slice(i, reader.at))} is e-footprint's Python (a pint quantity)`,
                `In .efp, write \`${replacement}\`: a number and its unit.`, replacement),
            next: reader.at
        };
    }

    /** A Python name, and what may follow it. */
    private name(i: number): Step | undefined {
        // a member (`web.power`) is .efp's own
        if (this.text.charCodeAt(i - 1) === DOT) return undefined;
        const reader = this.reader(i);
        const name = reader.name();
        if (name === undefined) return undefined;
        switch (name) {
            case 'SourceValue': return this.sourceValue(i, reader);
            case 'u': return this.unit(i, reader);
            case 'Countries': return this.country(i, reader);
            case 'Sources': return this.source(i, reader);
            case 'pytz': return this.timeZone(i, reader);
            case 'True': case 'False': return this.literal(i, reader.at,
                '.efp has no true and false: an input is a number and its unit, a name, a list or a text (the language reference gives each input\'s choices).');
            case 'None': return this.literal(i, reader.at, 'In .efp, leave the input out: it then takes e-footprint\'s default.');
        }
        const afterName = reader.at;
        if (reader.sign('=') && reader.peek() !== EQUALS) return this.keywordArgument(i, name, reader);
        reader.at = afterName;
        const spec = pythonClass(name);
        if (!spec) return undefined;
        if (reader.sign('(')) return this.declaration(i, reader.at, spec.keyword, undefined, `\`${name}(…)\``);
        reader.at = afterName;
        if (reader.peek() !== DOT) return undefined;
        reader.at++;
        const method = reader.name();
        if (method === undefined || !reader.sign('(')) return undefined;
        return this.classMethod(i, reader, spec.className, spec.keyword, method);
    }

    /** `SourceValue(300 * u.W, source=Sources.HYPOTHESIS)`. */
    private sourceValue(i: number, reader: PythonReader): Step | undefined {
        if (!reader.sign('(')) return undefined;
        const open = reader.at;
        const quantity = readQuantity(reader);
        let source: string | undefined;
        if (quantity && reader.sign(',')) {
            const before = reader.at;
            if (reader.word('source') && !reader.sign('=')) reader.at = before;
            source = reader.word('Sources') && reader.sign('.') ? sourceOf(reader.name() ?? '') : undefined;
            if (source === undefined) reader.at = before;
            reader.sign(',');
        }
        const general = 'In .efp, a value is a number and its unit, with its source after it if it has one: `300 W source hypothesis`.';
        if (quantity && !powerFollows(reader) && reader.sign(')')) {
            const replacement = source ? `${quantity.text} source ${source}` : quantity.text;
            return {
                spelling: this.spelling(i, reader.at, `${shown(this.text.slice(i, reader.at))} is e-footprint's Python`,
                    `In .efp, write \`${replacement}\`: a number and its unit${source ? ', with its source after it' : ''}.`, replacement),
                next: reader.at
            };
        }
        // not read whole: said of the whole call when it closes within reach (nothing inside it said again), else of its start
        reader.at = open;
        if (reader.closingBracket(CLOSE_PARENTHESIS)) {
            return { spelling: this.spelling(i, reader.at, `${shown(this.text.slice(i, reader.at))} is e-footprint's Python`, general), next: reader.at };
        }
        return { spelling: this.spelling(i, open, '`SourceValue(…)` is e-footprint\'s Python', general), next: open - 1 };
    }

    /** `u.kWh`: a pint unit. */
    private unit(i: number, reader: PythonReader): Step | undefined {
        if (reader.peek() !== DOT) return undefined;
        reader.at++;
        const name = reader.name();
        if (name === undefined || reader.peek() === OPEN_PARENTHESIS) return undefined;
        const unit = efpUnitOf(name);
        const message = `${shown(this.text.slice(i, reader.at))} is e-footprint's Python (a pint unit)`;
        const spelling = unit === undefined
            ? this.spelling(i, reader.at, message, `In .efp, a unit is written by its name, and efp has no unit ${shown(name)}: the built-in library lists its units.`)
            : this.spelling(i, reader.at, message, `In .efp, a unit is written by its name: \`${unit}\`.`, unit);
        return { spelling, next: reader.at };
    }

    /** `Countries.FRANCE()`. */
    private country(i: number, reader: PythonReader): Step | undefined {
        if (reader.peek() !== DOT) return undefined;
        reader.at++;
        const name = reader.name();
        if (name === undefined) return undefined;
        const afterName = reader.at;
        if (!(reader.sign('(') && reader.sign(')'))) reader.at = afterName;
        const country = countryOf(name);
        const message = `${shown(this.text.slice(i, reader.at))} is e-footprint's Python`;
        if (country) {
            return { spelling: this.spelling(i, reader.at, message, `In .efp, e-footprint's countries are built-in objects: write \`${country}\`.`, country), next: reader.at };
        }
        const closest = closestCountry(name);
        return {
            spelling: this.spelling(i, reader.at, message, 'In .efp, e-footprint\'s countries are built-in objects named like `France` or `United_States`, '
                + `and efp's table has no ${shown(name)}${closest ? `: did you mean \`${closest}\`?` : '.'}`),
            next: reader.at
        };
    }

    /** `Sources.HYPOTHESIS` on its own (after `source=`, see keywordArgument; in a SourceValue, see sourceValue). */
    private source(i: number, reader: PythonReader): Step | undefined {
        if (reader.peek() !== DOT) return undefined;
        reader.at++;
        const name = reader.name();
        if (name === undefined) return undefined;
        const source = sourceOf(name);
        return { spelling: this.spelling(i, reader.at, `${shown(this.text.slice(i, reader.at))} is e-footprint's Python`, sourceHint(source)), next: reader.at };
    }

    /** `pytz.timezone("Europe/Paris")`. */
    private timeZone(i: number, reader: PythonReader): Step | undefined {
        if (!(reader.sign('.') && reader.word('timezone') && reader.sign('('))) return undefined;
        const open = reader.at;
        const zone = reader.quotedText();
        if (zone !== undefined && reader.sign(')')) {
            const replacement = `"${zone}"`;
            return {
                spelling: this.spelling(i, reader.at, `${shown(this.text.slice(i, reader.at))} is e-footprint's Python`,
                    `In .efp, a time zone is its name in quotes: \`${replacement}\`.`, replacement),
                next: reader.at
            };
        }
        return {
            spelling: this.spelling(i, open, '`pytz.timezone(…)` is e-footprint\'s Python', 'In .efp, a time zone is its name in quotes: `"Europe/Paris"`.'),
            next: open - 1
        };
    }

    private literal(i: number, end: number, hint: string): Step {
        return { spelling: this.spelling(i, end, `\`${this.text.slice(i, end)}\` is Python, not .efp`, hint), next: end };
    }

    /** `power=…` (an argument), `source=Sources.HYPOTHESIS`, `web = Server(…)` (an object), `x = …` (a variable). */
    private keywordArgument(i: number, name: string, reader: PythonReader): Step {
        const afterEquals = reader.at;
        if (name === 'source') {
            const source = reader.word('Sources') && reader.sign('.') ? reader.name() : undefined;
            const id = source === undefined ? undefined : sourceOf(source);
            const end = source === undefined ? afterEquals : reader.at;
            const replacement = id === undefined ? undefined : `source ${id}`;
            return { spelling: this.spelling(i, end, `${shown(this.text.slice(i, end))} is e-footprint's Python`, sourceHint(id), replacement), next: end };
        }
        const value = reader.name();
        const spec = value === undefined ? undefined : pythonClass(value);
        if (spec) {
            const afterClass = reader.at;
            if (reader.sign('(')) return this.declaration(i, reader.at, spec.keyword, name, `\`${value}(…)\``);
            reader.at = afterClass;
            if (reader.sign('.') && reader.word('from_defaults') && reader.sign('(')) {
                return this.declaration(i, reader.at, spec.keyword, name, `\`${value}.from_defaults(…)\``);
            }
        }
        const written = this.text.slice(i, afterEquals);
        if (this.depth > 0) {
            // `power=300` and `power = 300` alike become `power: 300`
            const replacement = isBlank(this.text.charCodeAt(afterEquals)) ? `${name}:` : `${name}: `;
            return {
                spelling: this.spelling(i, afterEquals, `${shown(written)} is a Python keyword argument`, `In .efp, an input is written \`${name}: value\`.`, replacement),
                next: afterEquals
            };
        }
        return {
            spelling: this.spelling(i, afterEquals, `${shown(written)} is a Python assignment`,
                `.efp has no variables: declare an object (\`server ${name} { … }\`) and use it by its name.`),
            next: afterEquals
        };
    }

    /** `web = Server.from_defaults(`, `Server(`: an object built in Python; its arguments are looked at on their own. */
    private declaration(i: number, open: number, keyword: string, name: string | undefined, call: string): Step {
        return {
            spelling: this.spelling(i, open, `${call} is e-footprint's Python`,
                `In .efp, declare the object: \`${keyword} ${name ?? 'name'} { … }\`, with its inputs written \`name: value\`; those left out take e-footprint's defaults.`),
            next: open - 1
        };
    }

    /** `Device.laptop()`: an archetype; `Server.from_defaults(`, another class method. */
    private classMethod(i: number, reader: PythonReader, className: string, keyword: string, method: string): Step {
        const open = reader.at;
        const empty = reader.sign(')');
        reader.at = open;
        const call = `\`${this.text.slice(i, open - 1).replace(/\s+/g, '')}(${empty ? '' : '…'})\``;
        if (method === 'from_defaults') return this.declaration(i, open, keyword, undefined, call);
        const archetype = archetypeOf(className, method);
        if (archetype && reader.sign(')')) {
            return {
                spelling: this.spelling(i, reader.at, `${shown(this.text.slice(i, reader.at))} is e-footprint's Python`,
                    `In .efp, e-footprint's archetypes are built-in objects: write \`${archetype}\`, or declare \`${keyword} my_${keyword} from ${archetype} { … }\` to change some of its inputs.`,
                    archetype),
                next: reader.at
            };
        }
        const builtins = archetypesOf(className);
        const hint = archetype
            ? `In .efp, start from the built-in archetype: \`${keyword} my_${keyword} from ${archetype} { … }\`, with the inputs that differ written \`name: value\`.`
            : builtins.length > 0
                ? `efp's built-in ${keyword} archetypes are ${builtins.map(b => `\`${b}\``).join(', ')}: write one of them, or declare the object: \`${keyword} name { … }\`.`
                : `In .efp, declare the object: \`${keyword} name { … }\`, with its inputs written \`name: value\`.`;
        return { spelling: this.spelling(i, open, `${call} is e-footprint's Python`, hint), next: open - 1 };
    }
}

/** A value read from Python: `3 * u.GB / u.hour` -> `3 GB/hour`; `unit` is empty for a plain number. */
interface Quantity {
    readonly text: string;
    readonly unit: string;
}

/**
 * `3`, `3 * u.GB`, `2 * 1_000 * u.kWh / u.GB`: numbers multiplied, then pint units multiplied and divided
 * (left to right as .efp reads them: `3 kWh/GB` is (3 kWh) / GB, as Python's 3 * u.kWh / u.GB).
 * Undefined for anything else, or a unit efp does not know.
 */
function readQuantity(reader: PythonReader): Quantity | undefined {
    const numbers: string[] = [];
    let unit = '';
    const first = reader.number();
    if (first === undefined) return undefined;
    numbers.push(first);
    for (;;) {
        const before = reader.at;
        const operator = reader.operator();
        if (operator === undefined) break;
        if (unit === '' && operator === '*') {
            const number = reader.number();
            if (number !== undefined) { numbers.push(number); continue; }
        }
        if (!(unit !== '' || operator === '*') || !reader.word('u') || reader.peek() !== DOT) { reader.at = before; break; }
        reader.at++;
        const name = reader.name();
        const symbol = name === undefined ? undefined : efpUnitOf(name);
        if (symbol === undefined) return undefined;
        unit += unit === '' ? symbol : `${operator}${symbol}`;
    }
    // a pure number is written without a unit
    const plain = unit === '' || unit === 'dimensionless';
    return { text: plain ? numbers.join(' * ') : `${numbers.join(' * ')} ${unit}`, unit: unit };
}

/** Whether `**` (a power, which .efp writes only in a conversion's unit) comes next. */
function powerFollows(reader: PythonReader): boolean {
    const at = reader.at;
    const power = reader.sign('**');
    reader.at = at;
    return power;
}

/** `"kWh/GB"`, `"kilowatt_hour / gigabyte"` (a JSON value's unit) in .efp; `dimensionless` is none; undefined if unknown. */
function unitText(text: string): string | undefined {
    const parts = text.trim().split(/\s*([*/])\s*/);
    if (parts.length === 1 && (parts[0] === 'dimensionless' || parts[0] === '')) return '';
    let out = '';
    for (const part of parts) {
        if (part === '*' || part === '/') { out += part; continue; }
        const symbol = efpUnitOf(part);
        if (symbol === undefined) return undefined;
        out += symbol;
    }
    return out;
}

function sourceHint(source: string | undefined): string {
    return source
        ? `In .efp, a value's source follows it: \`300 W source ${source}\`.`
        : 'In .efp, a value\'s source follows it (`300 W source my_source`), and a source of your own is declared: `source my_source "Its title"`.';
}

/** A written text as a message shows it: blanks as one space, and its start only when it is long. */
function shown(text: string): string {
    const flat = text.replace(/\s+/g, ' ');
    return `\`${flat.length > 60 ? `${flat.slice(0, 59)}…` : flat}\``;
}
