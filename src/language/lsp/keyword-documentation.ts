/**
 * What the grammar's keywords other than declarations mean, for their completion items (each item says
 * what it writes). Keyed by the keyword and the grammar rule it belongs to: `source` cites a source after a
 * value, and declares one at the top of a file (declaration-items.ts).
 */
const KEYWORDS: Record<string, { readonly detail: string; readonly documentation: string }> = {
    'from ObjectDecl': { detail: 'archetype', documentation: 'Start from an object of the same kind (an e-footprint archetype such as `ssd`, or one of the model\'s): its inputs are this one\'s unless written here.' },
    'on ObjectDecl': { detail: 'runs on', documentation: 'What the object runs on: a job\'s server, a service\'s server, a video streaming job\'s service.' },
    'in Conversion': { detail: 'display unit', documentation: 'Show the value in this unit (`300 W in kW`); the value itself is unchanged.' },
    'source SourceAnnotation': { detail: 'cite a source', documentation: 'Cite a source declared with `source name "Title" "link"`: hovers and reports show where the value comes from.' },
    'confidence ConfidenceAnnotation': { detail: 'confidence level', documentation: 'How sure the value is: `low`, `medium` or `high`.' },
    'comment CommentAnnotation': { detail: 'comment', documentation: 'A note on the value, in quotes, kept with it in reports and exports.' },
    'at ScenarioDecl': { detail: 'from a date', documentation: 'The date the scenario\'s changes start from (e-footprint\'s simulation_date); without it, from the start of the period.' },
    'per Argument': { detail: 'rate', documentation: 'The time a builder\'s amount is counted over (`73000 per year`).' }
};

/** The detail and documentation of keyword `keyword` of grammar rule `rule`, if known. */
export function keywordDocumentation(keyword: string, rule: string | undefined): { detail: string; documentation: string } | undefined {
    return KEYWORDS[`${keyword} ${rule ?? ''}`];
}
