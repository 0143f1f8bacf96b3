import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { CI_CHOICES, templateChoices } from '../../src/extension/template-choices.js';
import { MODEL_TEMPLATES } from '../../src/templates/catalogue.js';

/** "efp: New Model from Template": what it offers, and how VS Code reaches it (the palette, the walkthrough). */
const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
    contributes: {
        commands: { command: string; title: string; category: string }[];
        menus: { commandPalette: { command: string; when?: string }[] };
        walkthroughs: { steps: { id: string; description: string; media: { markdown: string }; completionEvents: string[] }[] }[];
    };
};

describe('New Model from Template', () => {
    it('offers every template with what it models, the default (efp init\'s) first', () => {
        const choices = templateChoices();
        expect(choices.map(c => c.description)).toEqual(['web-application', 'video-streaming', 'genai-feature', 'ml-training-codecarbon', 'edge-fleet', 'cloud-instances']);
        expect(choices[0]).toMatchObject({ label: 'Web application', detail: MODEL_TEMPLATES[0].description });
        expect(choices.find(c => c.description === 'edge-fleet')?.template.files).toEqual(['model.efp']);
        expect(CI_CHOICES.map(c => c.ci)).toEqual(['github', 'gitlab', 'none']);
    });

    it('is an efp command in the palette, whatever is open', () => {
        expect(manifest.contributes.commands).toContainEqual({ command: 'efp.newModelFromTemplate', title: 'New Model from Template', category: 'efp', icon: '$(new-file)' });
        expect(manifest.contributes.menus.commandPalette).toContainEqual({ command: 'efp.newModelFromTemplate' });
        expect(readFileSync('src/extension/main.ts', 'utf8')).toContain('registerCommand(\'efp.newModelFromTemplate\'');
    });

    it('is the walkthrough\'s last step (after the sample model), with a button that runs it and a page that exists', () => {
        const step = manifest.contributes.walkthroughs[0].steps.at(-1)!;
        expect(step.id).toBe('new-from-template');
        expect(step.description).toContain('[New Model from Template](command:efp.newModelFromTemplate)');
        expect(step.completionEvents).toEqual(['onCommand:efp.newModelFromTemplate']);
        expect(existsSync(step.media.markdown)).toBe(true);
        // the page names every template
        const page = readFileSync(step.media.markdown, 'utf8');
        for (const template of MODEL_TEMPLATES) expect(page).toContain(`| ${template.title} |`);
    });
});
