import { AstUtils, GrammarUtils, URI, type AstNode, type LangiumDocument, type LangiumDocuments } from 'langium';
import {
    isBinaryExpression, isCall, isConversion, isDateLiteral, isDocument, isEnumMember, isListExpression, isModelSettings,
    isNegation, isNumberList, isObjectDecl, isQuantityLiteral, isReference, isSourceDecl, isStringLiteral, isUnitDecl,
    isConfidenceAnnotation, isCommentAnnotation, isSourceAnnotation, isScenarioDecl,
    type Attribute, type Document, type Expression, type ModelSettings, type ObjectDecl, type UnitExpression,
    type ScenarioChange, type ScenarioDecl
} from './generated/ast.js';
import {
    type BinaryOperator, classForKeyword, type Confidence, type ExprDescription, type InputDescription, type ModelDescription, type ObjectDescription, type Origin, type ScenarioDescription, type SourceDescription
} from '../engine/index.js';
import { importClosure } from './efp-scope.js';
import { BUILTIN_LIBRARY_URI } from './builtin-library.js';
import { readDataFiles, type DataFileReader, type FileAccessPolicy } from './data-files.js';
import { describeNumberList } from './number-list-description.js';
import { unresolvedNames, type UnresolvedNames } from './unresolved-names.js';

/** Nothing unresolved: the description of a document whose names all resolve. */
const ALL_RESOLVED: UnresolvedNames = { values: new Set(), runsOn: new Set(), archetypes: new Set() };

/** Where a node is, as the engine reports it. */
export function originOf(node: AstNode | undefined): Origin | undefined {
    const cst = node?.$cstNode;
    if (!node || !cst) return undefined;
    return { uri: AstUtils.getDocument(node).uri.toString(), range: cst.range };
}

/** Where one property of a node is (an object's name, an attribute's name). */
function propertyOrigin(node: AstNode, property: string): Origin | undefined {
    const cst = node.$cstNode;
    if (!cst) return undefined;
    const propertyNode = GrammarUtils.findNodeForProperty(cst, property) ?? cst;
    return { uri: AstUtils.getDocument(node).uri.toString(), range: propertyNode.range };
}

/** Declared by the built-in library. */
function isBuiltin(node: AstNode | undefined): boolean {
    return node !== undefined && AstUtils.getDocument(node).uri.toString() === BUILTIN_LIBRARY_URI;
}

/** `12_000.5` -> 12000.5 */
export function parseNumber(text: string): number {
    return Number(text.replace(/_/g, ''));
}

function unitExpressionText(unit: UnitExpression): string {
    return unit.factors.map((f, i) => {
        const atom = f.unit.$refText + (f.exponent ? `^${f.exponent}` : '');
        return i === 0 ? atom : `${unit.operators[i - 1]}${atom}`;
    }).join('');
}

/** Turns an expression's syntax tree into the engine's plain description. */
export function describeExpression(expr: Expression): ExprDescription {
    const origin = originOf(expr);
    if (isQuantityLiteral(expr)) {
        return { kind: 'number', value: parseNumber(expr.value), unit: expr.unit?.$refText, origin };
    }
    if (isReference(expr)) {
        const target = expr.target.ref;
        if (isUnitDecl(target)) return { kind: 'unit', unit: target.name, origin };
        if (isEnumMember(target)) return { kind: 'symbol', name: target.name, label: target.label, origin };
        return { kind: 'ref', object: isObjectDecl(target) ? target.name : expr.target.$refText, path: expr.members, builtin: isBuiltin(target), origin };
    }
    if (isBinaryExpression(expr)) {
        return { kind: 'binary', operator: expr.operator as BinaryOperator, left: describeExpression(expr.left), right: describeExpression(expr.right), origin };
    }
    if (isNegation(expr)) return { kind: 'negate', operand: describeExpression(expr.operand), origin };
    if (isConversion(expr)) return { kind: 'convert', expr: describeExpression(expr.expression), unit: unitExpressionText(expr.unit), origin };
    if (isDateLiteral(expr)) return { kind: 'date', value: expr.value, origin };
    if (isStringLiteral(expr)) return { kind: 'text', value: expr.value, origin };
    if (isListExpression(expr)) return { kind: 'list', items: expr.items.map(describeExpression), origin };
    if (isNumberList(expr)) return describeNumberList(expr.numbers, origin);
    if (isCall(expr)) {
        return {
            kind: 'call', function: expr.function, origin,
            args: expr.arguments.map(a => ({ name: a.name, value: describeExpression(a.value), per: a.per?.$refText, origin: originOf(a) }))
        };
    }
    return { kind: 'list', items: [], origin };
}

/** An object's `name: value` line, or a scenario's `object.name: value` line. */
function describeInput(attribute: Attribute | ScenarioChange): InputDescription {
    let source: string | undefined;
    let confidence: Confidence | undefined;
    let comment: string | undefined;
    for (const a of attribute.annotations) {
        if (isSourceAnnotation(a)) source = a.source.ref?.name ?? a.source.$refText;
        else if (isConfidenceAnnotation(a)) confidence = a.level as Confidence;
        else if (isCommentAnnotation(a)) comment = a.text;
    }
    return {
        expr: describeExpression(attribute.value),
        text: attribute.value.$cstNode?.text,
        source, confidence, comment,
        origin: originOf(attribute),
        nameOrigin: propertyOrigin(attribute, attribute.$type === 'ScenarioChange' ? 'attribute' : 'name')
    };
}

/**
 * An input whose value names something unknown: the engine reads only that it is written, and where (it is
 * in error, said by its linking error), never its value, which is not described: a list of 175,000
 * unknown names described took 1 GB to check, where the text alone takes 600 MB.
 */
function describeUnresolvedInput(attribute: Attribute): InputDescription {
    return {
        expr: { kind: 'text', value: '' },
        origin: originOf(attribute),
        nameOrigin: propertyOrigin(attribute, 'name')
    };
}

/**
 * `scenario llm_chat "Add an LLM chat step" at 2026-01-01 { daily_video.uj_steps: [watch, llm_chat] }`;
 * a change naming something unknown is left out (its linking error says why).
 */
function describeScenario(scenario: ScenarioDecl, unresolved: UnresolvedNames): ScenarioDescription {
    return {
        id: scenario.name,
        name: scenario.label ?? scenario.name,
        date: scenario.date,
        dateOrigin: scenario.date ? propertyOrigin(scenario, 'date') : undefined,
        origin: propertyOrigin(scenario, 'name'),
        changes: scenario.changes.filter(change => !unresolved.values.has(change)).map(change => ({
            object: change.object.ref?.name ?? change.object.$refText,
            attribute: change.attribute,
            input: describeInput(change),
            objectOrigin: propertyOrigin(change, 'object')
        }))
    };
}

function describeObject(object: ObjectDecl, builtin: boolean, unresolved: UnresolvedNames): ObjectDescription | undefined {
    const spec = classForKeyword(object.kind);
    if (!spec) return undefined;
    const inputs: Record<string, InputDescription> = {};
    // inputs naming something unknown: kept apart, so the engine neither reads them nor says they are missing
    const unresolvedInputs: Record<string, InputDescription> = {};
    // `on x` gives the input the class names for it (a job's server, a video job's service)
    if (object.runsOn && spec.onInput) {
        const input: InputDescription = {
            expr: { kind: 'ref', object: object.runsOn.ref?.name ?? object.runsOn.$refText, path: [], builtin: isBuiltin(object.runsOn.ref), origin: propertyOrigin(object, 'runsOn') },
            text: object.runsOn.$refText,
            origin: propertyOrigin(object, 'runsOn')
        };
        (unresolved.runsOn.has(object) ? unresolvedInputs : inputs)[spec.onInput] = input;
    }
    for (const attribute of object.attributes) {
        if (attribute.name in inputs || attribute.name in unresolvedInputs) continue;
        if (unresolved.values.has(attribute)) unresolvedInputs[attribute.name] = describeUnresolvedInput(attribute);
        else inputs[attribute.name] = describeInput(attribute);
    }
    const archetypeUnresolved = unresolved.archetypes.has(object);
    return {
        id: object.name,
        className: spec.className,
        name: object.label ?? object.name,
        archetype: object.archetype && !archetypeUnresolved ? object.archetype.ref?.name ?? object.archetype.$refText : undefined,
        archetypeIsBuiltin: isBuiltin(object.archetype?.ref),
        inputs,
        ...(Object.keys(unresolvedInputs).length > 0 ? { unresolvedInputs } : {}),
        ...(archetypeUnresolved ? { archetypeUnresolved } : {}),
        origin: propertyOrigin(object, 'name'),
        builtin
    };
}

function describeSettings(settings: ModelSettings | undefined, unresolved: UnresolvedNames): ModelDescription['settings'] {
    if (!settings) return {};
    const find = (name: string) => {
        const attribute = settings.settings.find(s => s.name === name);
        // a setting naming something unknown is read as not written (its linking error says why)
        return attribute && !unresolved.values.has(attribute) ? describeInput(attribute) : undefined;
    };
    return { title: settings.title, start_date: find('start_date'), modeling_duration: find('modeling_duration') };
}

/**
 * The model a document describes: its objects, those of the files it imports, and the built-in library
 * (the engine keeps only the built-ins the model uses). Model settings come from the document itself,
 * or else from the first imported file that has them. Data files the objects name (a measurement's
 * emissions.csv) are read with `readDataFile`, relative to the document that names them, as `policy` allows
 * (inside the workspace, within the size limit).
 */
export function describeModel(document: LangiumDocument, documents: LangiumDocuments, readDataFile?: DataFileReader, policy?: FileAccessPolicy): ModelDescription {
    const uris = importClosure(document, documents);
    // looked up by URI: a scan of every document for each import made a chain of 400 imports take 10 s
    const docs = [document, ...[...uris].filter(u => u !== document.uri.toString()).map(u => documents.getDocument(URI.parse(u)))
        .filter((d): d is LangiumDocument => d !== undefined)];
    const builtin = documents.getDocument(URI.parse(BUILTIN_LIBRARY_URI));
    if (builtin && docs.includes(builtin)) docs.splice(docs.indexOf(builtin), 1);
    const objects: ObjectDescription[] = [];
    const sources: SourceDescription[] = [];
    const scenarios: ScenarioDescription[] = [];
    let settings: ModelSettings | undefined;
    let settingsUnresolved = ALL_RESOLVED;
    let namesUnresolved = false;
    for (const doc of [...docs, ...(builtin ? [builtin] : [])]) {
        const root = doc.parseResult.value;
        if (!isDocument(root)) continue;
        const isBuiltin = doc === builtin;
        const found = unresolvedNames(doc);
        if (found) namesUnresolved = true;
        const unresolved = found ?? ALL_RESOLVED;
        for (const element of (root as Document).elements) {
            if (isObjectDecl(element)) {
                const description = describeObject(element, isBuiltin, unresolved);
                if (description) objects.push(description);
            } else if (isSourceDecl(element)) {
                sources.push({ id: element.name, name: element.title, link: element.link });
            } else if (isModelSettings(element) && !settings && !isBuiltin) {
                settings = element;
                settingsUnresolved = unresolved;
            } else if (isScenarioDecl(element)) {
                scenarios.push(describeScenario(element, unresolved));
            }
        }
    }
    return {
        settings: describeSettings(settings, settingsUnresolved), sources, objects, files: readDataFiles(objects, readDataFile, policy, scenarios),
        ...(scenarios.length > 0 ? { scenarios } : {}),
        ...(namesUnresolved ? { namesUnresolved } : {})
    };
}
