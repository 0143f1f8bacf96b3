// End-to-end tests in a real VS Code (code-server + headless Chromium); run by `npm run test:e2e`.
// Kept apart from vitest.config.ts because they need the installed code-server and a packaged .vsix.
import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['test/e2e/**/*.e2e.ts'],
        reporters: ['default', ['json', { outputFile: 'test-results/e2e.json' }]],
        // One VS Code at a time: two cores are already busy with one code-server and one browser
        fileParallelism: false,
        // Starting code-server, installing the .vsix and loading the workbench takes ~30 s on 2 cores;
        // every wait inside is bounded more tightly, these only stop a test that hangs regardless
        hookTimeout: 300_000,
        testTimeout: 180_000,
        teardownTimeout: 60_000
    }
});
