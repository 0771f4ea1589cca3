import fc from 'fast-check';
import {expect, test} from 'vitest';
// Ink's own sanitizer, from where Ink resolves it (not exported).
import inkSanitize from '../../node_modules/ink/build/sanitize-ansi.js';
import {withColourFastPath} from '../../source/terminal/sanitize-colours.js';

// Text, colour codes of every shape, and what Ink removes or keeps otherwise: cursor moves, a title
// (OSC), a hyperlink, C1 controls, a lone ESC, a code with a colon or an intermediate byte.
const pieces = [
	'a',
	'Z',
	' ',
	'█',
	'漢',
	'👍',
	'\u001B[31m',
	'\u001B[39m',
	'\u001B[m',
	'\u001B[1;32m',
	'\u001B[38;5;208m',
	'\u001B[48;2;1;2;3m',
	'\u001B[2K',
	'\u001B[H',
	'\u001B]0;title\u0007',
	'\u001B]8;;https://x\u0007',
	'\u009B31m',
	'\u0085',
	'\u001B',
	'\u001B[38:5:1m',
	'\u001B[ m',
	'[31m',
];

test('gives what Ink\'s sanitizer gives, for any text', () => {
	const sanitize = withColourFastPath(inkSanitize);
	fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 25}).map(parts => parts.join('')), text => {
		expect(sanitize(text)).toBe(inkSanitize(text));
	}), {numRuns: 2000});
});

test('does not call Ink\'s sanitizer for text whose only escapes are colours, and does for any other escape', () => {
	const calls: string[] = [];
	const sanitize = withColourFastPath(text => {
		calls.push(text);
		return inkSanitize(text);
	});
	const row = '  \u001B[32m✓ Completed  \u001B[39m 454891732197031676 clicks  \u001B[38;5;208m██████\u001B[39m\u001B[m';
	expect(sanitize(row)).toBe(row);
	expect(sanitize('plain')).toBe('plain');
	expect(calls).toEqual([]);
	expect(sanitize('a\u001B[2Kb')).toBe('ab');
	expect(sanitize('a\u009Bb')).toBe(inkSanitize('a\u009Bb'));
	expect(calls).toEqual(['a\u001B[2Kb', 'a\u009Bb']);
});
