import { readFileSync } from 'node:fs';

/** The examples the mutators start from: every model the repository ships. */
export const EXAMPLE_FILES = [
    'examples/quickstart.efp', 'examples/scenarios.efp', 'examples/services.efp', 'examples/edge_device_group.efp',
    'examples/reference/simple_system.efp', 'examples/reference/simple_edge_system.efp',
    'examples/reference/machine_learning_workflow.efp', 'examples/reference/video_streaming.efp'
];

export const EXAMPLES: ReadonlyArray<{ readonly file: string; readonly text: string }> = EXAMPLE_FILES.map(file => ({ file, text: readFileSync(file, 'utf8') }));
