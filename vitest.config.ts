import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['test/**/*.test.ts'],
        exclude: ['test/e2e/**'],
        setupFiles: ['test/setup.ts'],
        // the JSON report feeds the one-line summary CI prints (scripts/test-summary.mjs); the runs under
        // other Node versions (scripts/test-node-versions.sh) name their own
        reporters: ['default', ['json', { outputFile: process.env.EFP_TEST_REPORT ?? 'test-results/unit.json' }]],
        testTimeout: 60_000
    }
});
