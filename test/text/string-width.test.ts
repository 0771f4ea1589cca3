import fc from 'fast-check';
import stringWidth from 'string-width';
import {describe, expect, test} from 'vitest';
import {fastStringWidth} from '../../source/text/string-width.js';

const samples = ['', 'abc', 'JOB ID  COLLECTION', '█████·····', '…', '日本語', '👩‍👩‍👧', 'e\u0301', '\u001B[31mred\u001B[39m', 'tab\there', 'a\nb', '\u0000'];

describe('fastStringWidth', () => {
	test('printable ASCII: the length, without asking string-width', () => {
		expect(fastStringWidth('454891732197476317  books  Failed  0%')).toBe(37);
		expect(fastStringWidth('')).toBe(0);
	});

	test('the same answer as string-width, with and without options', () => {
		for (const options of [undefined, {ambiguousIsNarrow: false}, {countAnsiEscapeCodes: true}]) {
			for (const text of samples) {
				expect(fastStringWidth(text, options), JSON.stringify(text)).toBe(stringWidth(text, options));
			}

			fc.assert(fc.property(fc.string({unit: 'binary'}), text => fastStringWidth(text, options) === stringWidth(text, options)));
			fc.assert(fc.property(fc.string({unit: fc.integer({min: 0, max: 0x7F}).map(code => String.fromCodePoint(code))}), text => fastStringWidth(text, options) === stringWidth(text, options)));
		}
	});
});
