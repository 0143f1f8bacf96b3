#!/usr/bin/env node
// The efp command of the npm package: the CLI is bundled into dist/cli.cjs.
require('../dist/cli.cjs');
