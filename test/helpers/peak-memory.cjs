// Preloaded (`node --require`) into a process a test runs: at exit it writes the process's peak resident
// memory (kB) to the file named by EFP_TEST_PEAK_MEMORY_FILE, so the test can hold it to a budget.
'use strict';
const file = process.env.EFP_TEST_PEAK_MEMORY_FILE;
if (file) {
    process.on('exit', () => {
        try {
            require('node:fs').writeFileSync(file, String(process.resourceUsage().maxRSS));
        } catch {
            // the test then reports that it could not read the figure
        }
    });
}
