import { describe, expect, it } from 'vitest';
import { completionsAt, openWorkspace } from '../helpers/language-workspace.js';

/**
 * GenAI APIs written in .efp (e-footprint's EcoLogitsGenAIExternalAPI and its jobs): `genai_api` with a
 * provider and a model of EcoLogits' repository, `genai_job x on api` with its output tokens. The engine's
 * values are checked by hand in test/engine/genai/; here the language: parsing, diagnostics, completion.
 */
const MODEL = `
model { start_date: 2025-01-01  modeling_duration: 1 day }
genai_api llm "LLM API" {
  provider: mistralai
  model_name: "ministral-8b-latest"
}
genai_job ask "Ask the assistant" on llm { output_token_count: 500 }
usage_journey_step chat { user_time_spent: 2 min  jobs: [ask] }
usage_journey assistant { uj_steps: [chat] }
usage_pattern users {
  usage_journey: assistant  devices: [laptop]  network: wifi_network  country: France
  hourly_usage_journey_starts: constant(100)
}
system app { usage_patterns: [users] }
`;

/** Completion items at the `<|>` marker. */
const complete = completionsAt;

describe('genai_api and genai_job', () => {
    it('parse and validate without errors, the job naming its API with `on`', async () => {
        const { documents: [document] } = await openWorkspace({ 'model.efp': MODEL });
        expect(document.parseResult.parserErrors.map(e => e.message)).toEqual([]);
        const errors = (document.diagnostics ?? []).filter(d => d.severity === 1).map(d => d.message);
        expect(errors).toEqual([]);
    });

    it('reports an unknown model with a did-you-mean, and an unknown provider', async () => {
        const typo = await openWorkspace({ 'model.efp': MODEL.replace('"ministral-8b-latest"', '"ministral-8b-lates"') });
        const errors = (typo.documents[0].diagnostics ?? []).filter(d => d.severity === 1).map(d => String(d.message));
        expect(errors.some(m => m.includes("unknown mistralai model 'ministral-8b-lates'"))).toBe(true);
        const provider = await openWorkspace({ 'model.efp': MODEL.replace('provider: mistralai', 'provider: mistral') });
        expect((provider.documents[0].diagnostics ?? []).some(d => d.severity === 1)).toBe(true);
    });

    it('completes the model names of the provider from EcoLogits\' repository (0.11.2), with their measured speed, and the APIs a job can call', async () => {
        const openai = await complete('genai_api llm {\n  provider: openai\n  model_name: <|>\n}\n');
        // EcoLogits 0.11.2: gpt-4o is moe 440 B, 44–132 B active (→ 88), measured at 41 tokens/s and 0.65 s to the first token
        expect(openai.find(i => i.label === '"gpt-4o"')?.detail).toBe('440 B parameters, 88 B active · 41 tokens/s, 0.65 s to first token · openai (EcoLogits)');
        expect(openai.find(i => i.label === '"gpt-35-turbo"')?.detail).toContain('alias of gpt-3.5-turbo');
        expect(openai.map(i => i.label)).not.toContain('"ministral-8b-latest"');
        const mistral = await complete('genai_api llm {\n  provider: mistralai\n  model_name: <|>\n}\n');
        // dense 8.02 B, no deployment figures
        expect(mistral.find(i => i.label === '"ministral-8b-latest"')?.detail).toBe('8.02 B parameters · mistralai (EcoLogits)');
        const apis = (await complete('genai_api llm {}\nserver web {}\ngenai_job ask on <|> {}\n')).map(i => i.label);
        expect(apis).toContain('llm');
        expect(apis).not.toContain('web');
    });
});
