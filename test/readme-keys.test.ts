import {readFileSync} from 'node:fs';
import {expect, test} from 'vitest';
import {bindings} from '../source/model/keys/keymap.js';
import {keysBlock, keysEnd, keysStart} from '../scripts/keys-table.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

test('the README key table is the one generated from the keymap (scripts/keys-table.ts)', () => {
	const start = readme.indexOf(keysStart);
	const end = readme.indexOf(keysEnd);
	expect(start, 'README.md has the keys marker').toBeGreaterThanOrEqual(0);
	expect(end, 'README.md has the closing keys marker').toBeGreaterThan(start);
	expect(readme.slice(start, end + keysEnd.length)).toBe(keysBlock());
});

test('the generated table has a row for every binding', () => {
	const rows = keysBlock().split('\n').filter(line => line.startsWith('| ') && !line.startsWith('| Where') && !line.startsWith('| ---'));
	expect(rows).toHaveLength(bindings.length);
	for (const binding of bindings) {
		expect(rows.some(line => line.endsWith(`| ${binding.description.replaceAll('|', String.raw`\|`)} |`)), binding.description).toBe(true);
	}
});
