import '../src/platform/node20-polyfills.js';
