// The .vsix that `npm run package` made (the one the other e2e files install): what it carries and how
// it names itself. Run by `npm run test:e2e`, after packaging.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { SAMPLE_FILE } from '../../src/extension/sample-model.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const VSIX = path.join(ROOT, 'efp.vsix');

function entries(): { name: string; size: number }[] {
    const listing = execFileSync('unzip', ['-l', VSIX], { encoding: 'utf8' });
    return [...listing.matchAll(/^\s*(\d+)\s+\S+\s+\S+\s+(\S.*)$/gm)]
        .map(m => ({ size: Number(m[1]), name: m[2] }))
        .filter(e => e.name !== 'Name');
}

describe('efp.vsix', () => {
    test('carries what the extension runs and nothing else: no source, test, source map or raw data', () => {
        const names = entries().map(e => e.name).sort();
        expect(names).toEqual([
            '[Content_Types].xml', 'extension.vsixmanifest',
            'extension/LICENSE.txt', 'extension/changelog.md', 'extension/examples/quickstart.efp', 'extension/language-configuration.json',
            'extension/media/icon.png',
            'extension/media/walkthrough/dashboard.md', 'extension/media/walkthrough/diagnostics.md',
            'extension/media/walkthrough/graph.md', 'extension/media/walkthrough/model.md', 'extension/media/walkthrough/template.md',
            'extension/out/THIRD-PARTY-NOTICES.md', 'extension/out/extension.cjs', 'extension/out/language-server.cjs',
            'extension/out/webview/dashboard.css', 'extension/out/webview/dashboard.js',
            'extension/out/webview/diff.css', 'extension/out/webview/diff.js',
            'extension/out/webview/graph.css', 'extension/out/webview/graph.js',
            'extension/package.json', 'extension/readme.md',
            'extension/syntaxes/efp.tmLanguage.json',
            'extension/templates/cloud-instances/model.efp', 'extension/templates/edge-fleet/model.efp',
            'extension/templates/genai-feature/model.efp', 'extension/templates/ml-training-codecarbon/emissions.csv',
            'extension/templates/ml-training-codecarbon/model.efp', 'extension/templates/video-streaming/model.efp',
            'extension/templates/web-application/model.efp'
        ]);
        // 4.9 MB of files (1.6 MB compressed) when this was written; it was 6.4 MB with raw data and README images
        const unpacked = entries().reduce((s, e) => s + e.size, 0);
        expect(unpacked).toBeLessThan(5_500_000);
    });

    test('carries every page of its walkthrough, and the sample model its buttons open, as in the repository', () => {
        const names = new Set(entries().map(e => e.name));
        const manifest = JSON.parse(execFileSync('unzip', ['-p', VSIX, 'extension/package.json'], { encoding: 'utf8' })) as {
            contributes: { walkthroughs: { steps: { media: { markdown: string }; description: string }[] }[] };
        };
        const steps = manifest.contributes.walkthroughs.flatMap(w => w.steps);
        expect(steps.length).toBeGreaterThan(0);
        for (const step of steps) expect(names.has(`extension/${step.media.markdown}`), step.media.markdown).toBe(true);
        // efp: Open Sample Model (src/extension/sample-model-command.ts) reads examples/quickstart.efp beside the bundles
        expect(steps[0].description).toContain('command:efp.openSampleModel');
        expect(execFileSync('unzip', ['-p', VSIX, `extension/examples/${SAMPLE_FILE}`], { encoding: 'utf8' })).toBe(fs.readFileSync(path.join(ROOT, 'examples', SAMPLE_FILE), 'utf8'));
    });

    test("names its publisher, icon and repository, and links the README's images absolutely", () => {
        const manifest = JSON.parse(execFileSync('unzip', ['-p', VSIX, 'extension/package.json'], { encoding: 'utf8' })) as Record<string, unknown>;
        expect(manifest).toMatchObject({ name: 'efp', publisher: 'efp-lang', icon: 'media/icon.png', repository: { url: 'https://github.com/efp-lang/efp.git' } });
        const readme = execFileSync('unzip', ['-p', VSIX, 'extension/readme.md'], { encoding: 'utf8' });
        const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map(m => m[1]);
        expect(images.length).toBeGreaterThan(0);
        for (const image of images) expect(image).toMatch(/^https:\/\//);
        // the walkthrough's example is the one efp's tests evaluate, and so are the templates (test/templates/)
        expect(execFileSync('unzip', ['-p', VSIX, 'extension/examples/quickstart.efp'], { encoding: 'utf8' })).toBe(fs.readFileSync(path.join(ROOT, 'examples/quickstart.efp'), 'utf8'));
        expect(execFileSync('unzip', ['-p', VSIX, 'extension/templates/edge-fleet/model.efp'], { encoding: 'utf8' })).toBe(fs.readFileSync(path.join(ROOT, 'templates/edge-fleet/model.efp'), 'utf8'));
    });
});
