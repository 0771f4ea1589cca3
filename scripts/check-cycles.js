// `npm test` step: fails when any import cycle exists in source/ (type-only imports count).
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {importCycles} from './lib/import-cycles.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const cycles = importCycles(path.join(root, 'source'));
for (const cycle of cycles) {
	console.error(`import cycle: ${cycle.join(' ↔ ')}`);
}

if (cycles.length > 0) {
	console.error(`${cycles.length} import cycle(s) in source/: move the shared piece into a file both can import.`);
	process.exitCode = 1;
}
