import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['test/**/*.test.ts'],
        exclude: ['test/e2e/**'],
        setupFiles: ['test/setup.ts'],
        // the JSON report feeds the one-line summary CI prints (scripts/test-summary.mjs)
        reporters: ['default', ['json', { outputFile: 'test-results/unit.json' }]],
        testTimeout: 60_000
    }
});
