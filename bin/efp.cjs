#!/usr/bin/env node
// The efp command line; the code is bundled into out/cli.cjs by `npm run build`.
require('../out/cli.cjs');
