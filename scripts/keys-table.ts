import process from 'node:process';
import {pathToFileURL} from 'node:url';
import {helpSections} from '../source/model/keys/key-help.js';

/**
The README's key list, generated from the keymap (the same rows as the `?` help overlay, on a server
with databases, watching several contexts). `test/readme-keys.test.ts` checks README.md's block between the markers against it.
Run: npx esbuild scripts/keys-table.ts --bundle --platform=node --format=esm --packages=external --outfile=scripts/.out/keys-table.mjs && node scripts/.out/keys-table.mjs
*/

export const keysStart = '<!-- keys -->';
export const keysEnd = '<!-- /keys -->';

const code = (keys: string): string => keys.split(' ').map(key => `\`${key}\``).join(' ');
const cell = (text: string): string => text.replaceAll('|', String.raw`\|`);

/** The markdown table, one row per binding, grouped by where the binding works. */
export const keysTable = (): string => {
	const lines = ['| Where | Keys | What |', '| --- | --- | --- |'];
	for (const section of helpSections({databases: true, contexts: true})) {
		for (const row of section.rows) {
			lines.push(`| ${section.title} | ${cell(code(row.keys))} | ${cell(row.description)} |`);
		}
	}

	return lines.join('\n');
};

/** The whole block as it stands in README.md, markers included. */
export const keysBlock = (): string => `${keysStart}\n${keysTable()}\n${keysEnd}`;

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
	console.log(keysBlock());
}
