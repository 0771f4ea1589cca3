import fc from 'fast-check';
import stringWidth from 'string-width';
import {describe, expect, test} from 'vitest';
import {fastStringWidth} from '../../source/terminal/string-width.js';

/** The ranges fastStringWidth sums code point by code point, and some neighbours outside them. */
const ranges = [[0x20, 0x7E], [0xA0, 0x2_FF], [0x20_10, 0x20_27], [0x20_30, 0x20_5E], [0x20_70, 0x20_CF], [0x21_00, 0x2B_FF]] as const;
const near = [0x0, 0x1B, 0xAD, 0x3_01, 0x20_0B, 0x20_0D, 0x20_28, 0x20_60, 0x20_D0, 0x2E_80, 0xFE_0F, 0x1_F3_FB, 0x1_F1_E6, 0x11_00, 0xAC_00];
const samples = ['', 'abc', '█████·····', '…', '◐ Importing', '✓ Completed', '日本語', '👩‍👩‍👧', 'e\u0301', '✔️', '↔\uFE0F', '\u001B[31mred\u001B[39m', 'tab\there', 'a\nb', 'a\u00ADb', '🇫🇷'];
const options = [undefined, {ambiguousIsNarrow: false}, {countAnsiEscapeCodes: true}] as const;

const codePointIn = (from: number, to: number) => fc.integer({min: from, max: to}).map(codePoint => String.fromCodePoint(codePoint));
/** Colour codes as Ink writes them, and near misses strip-ansi cuts differently (long parameters, BEL, bare ESC). */
const escapes = fc.constantFrom('\u001B[31m', '\u001B[39m', '\u001B[1;7m', '\u001B[38;5;208m', '\u001B[38;2;255;0;0m', '\u001B[m', '\u001B[;m', '\u001B[12345m', '\u001B[', '\u001B', '\u0007', '\u001B]8;;x\u0007', '\u001B[2K', '\u009B31m');
const mixed = fc.oneof(...ranges.map(([from, to]) => codePointIn(from, to)), fc.constantFrom(...near.map(codePoint => String.fromCodePoint(codePoint))));

describe('fastStringWidth', () => {
	test('printable ASCII: the length', () => {
		expect(fastStringWidth('454891732197476317  books  Failed  0%')).toBe(37);
		expect(fastStringWidth('')).toBe(0);
	});

	test('every code point it sums alone: the same width as string-width', () => {
		for (const option of options) {
			for (const [from, to] of ranges) {
				for (let codePoint = from; codePoint <= to; codePoint++) {
					const text = String.fromCodePoint(codePoint);
					expect(fastStringWidth(text, option), codePoint.toString(16)).toBe(stringWidth(text, option));
				}
			}
		}
	});

	test('any string: the same width as string-width', () => {
		for (const option of options) {
			for (const text of samples) {
				expect(fastStringWidth(text, option), JSON.stringify(text)).toBe(stringWidth(text, option));
			}

			fc.assert(fc.property(fc.string({unit: mixed, maxLength: 12}), text => fastStringWidth(text, option) === stringWidth(text, option)), {numRuns: 2000});
			fc.assert(fc.property(fc.string({unit: 'binary'}), text => fastStringWidth(text, option) === stringWidth(text, option)));
			fc.assert(fc.property(fc.array(fc.oneof(mixed, escapes), {maxLength: 16}).map(parts => parts.join('')), text => fastStringWidth(text, option) === stringWidth(text, option)), {numRuns: 3000});
		}
	});
});
