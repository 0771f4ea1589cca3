import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {expect, test} from 'vitest';
import {importCycles} from '../../scripts/lib/import-cycles.js';

const tree = (files: Readonly<Record<string, string>>): string => {
	const directory = mkdtempSync(path.join(tmpdir(), 'cycles-'));
	for (const [name, text] of Object.entries(files)) {
		mkdirSync(path.dirname(path.join(directory, name)), {recursive: true});
		writeFileSync(path.join(directory, name), text);
	}

	return directory;
};

test('a cycle through a type-only import is found, with every file on it', () => {
	const directory = tree({
		'a.ts': 'import {b} from \'./b.js\';\nexport const a = b;\n',
		'b.ts': 'import type {C} from \'./sub/c.js\';\nexport const b = 1 as C;\n',
		'sub/c.tsx': 'import type {a} from \'../a.js\';\nexport type C = typeof a;\n',
		'd.ts': 'import {a} from \'./a.js\';\nexport {a};\n',
	});
	expect(importCycles(directory)).toEqual([['a.ts', 'b.ts', 'sub/c.tsx']]);
});

test('re-exports, dynamic imports and self-imports count', () => {
	const directory = tree({
		'a.ts': 'export {b} from \'./b.js\';\n',
		'b.ts': 'export const b = async () => import(\'./a.js\');\n',
		'self.ts': 'import \'./self.js\';\n',
	});
	expect(importCycles(directory)).toEqual([['a.ts', 'b.ts'], ['self.ts']]);
});

test('a tree without cycles has none; the project source has none', () => {
	expect(importCycles(tree({
		'a.ts': 'import {b} from \'./b.js\';\nimport {c} from \'./c.js\';\nexport const a = b + c;\n',
		'b.ts': 'import {c} from \'./c.js\';\nexport const b = c;\n',
		'c.ts': 'export const c = 1;\n',
	}))).toEqual([]);
	expect(importCycles(path.join(import.meta.dirname, '..', '..', 'source'))).toEqual([]);
});
