import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {defaultMaxLength, sanitize} from '../../source/api/sanitize.js';

/** C0, DEL, C1, and the bidi controls: none may reach the terminal. */
/* eslint-disable no-misleading-character-class -- invisible code points listed one by one, none combines with another here */
const forbidden = /[\u0000-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFE00-\uFE0F\uFEFF]/v;
const forbiddenAll = new RegExp(forbidden.source, 'gv');
/* eslint-enable no-misleading-character-class */
/** A surrogate that is not half of a pair: in `v` mode a lone one is its own code point, a pair is not. */
const loneSurrogate = /\p{Cs}/v;
/** The oracle: what String#toWellFormed does (ES2024, past this project's lib). */
const wellFormed = (text: string): string => text.replaceAll(/\p{Cs}/gv, '\uFFFD');

describe('sanitize: table', () => {
	test.each([
		['OSC 52 clipboard write (BEL)', 'a\u001B]52;c;ZWNobyBwd25lZA==\u0007b', 'ab'],
		['OSC 52 clipboard write (ST)', 'a\u001B]52;c;ZWNobyBwd25lZA==\u001B\\b', 'ab'],
		['OSC 0 title', '\u001B]0;you have been owned\u0007job failed', 'job failed'],
		['OSC 8 hyperlink keeps its text', '\u001B]8;;http://evil\u001B\\click\u001B]8;;\u001B\\', 'click'],
		['cursor moves', 'x\u001B[10;20Hy\u001B[2Az\u001B[?25l', 'xyz'],
		['clear screen', 'before\u001B[2Jafter', 'beforeafter'],
		['SGR colours', '\u001B[1;31mred\u001B[0m', 'red'],
		['8-bit CSI', 'a\u009B2Jb', 'ab'],
		['8-bit OSC ended by 8-bit ST', 'a\u009D0;title\u009Cb', 'ab'],
		['DCS', 'a\u001BP1$r0m\u001B\\b', 'ab'],
		['APC / PM / SOS', '\u001B_apc\u001B\\\u001B^pm\u001B\\\u001BXsos\u001B\\ok', 'ok'],
		['charset designation (ESC ( B) and ESC 7', '\u001B(Ba\u001B7b', 'ab'],
		['lone ESC at end', 'abc\u001B', 'abc'],
		['unterminated OSC swallows the rest, like a terminal', 'ok\u001B]0;title without end', 'ok'],
		['CAN aborts a sequence', 'a\u001B[12\u0018b', 'ab'],
		['tab, CR, LF become one space', 'line1\r\nline2\tend', 'line1 line2 end'],
		['bell, backspace, NUL, DEL dropped', 'a\u0007\b\u0000\u007Fb', 'ab'],
		['bidi override (Trojan Source)', 'admin\u202E\u2066txt.exe\u2069\u202C', 'admintxt.exe'],
		['LRM / RLM / ALM', '\u200Ea\u200Fb\u061C', 'ab'],
		['other C1 (NEL, IND)', 'a\u0085b\u0084c', 'abc'],
		['unicode and emoji survive', 'コレクション 📦 naïve', 'コレクション 📦 naïve'],
		['plain ASCII unchanged', 'import timeout', 'import timeout'],
		['lone high surrogate', 'a\uD83Db', 'a\uFFFDb'],
		['lone low surrogate', 'a\uDCE6b', 'a\uFFFDb'],
		['high surrogate at the end', 'job \uD83D', 'job \uFFFD'],
		['low surrogate at the start', '\uDCE6job', '\uFFFDjob'],
		['two highs, then a pair: the first is lone', '\uD83D\uD83D\uDCE6', '\uFFFD📦'],
		['reversed pair: both lone', '\uDCE6\uD83D', '\uFFFD\uFFFD'],
		['lone surrogate beside a control', 'a\u0007\uD800\u001B[0m\uDFFFz', 'a\uFFFD\uFFFDz'],
		['emoji pairs survive beside a lone one', '📦\uD800🚀', '📦\uFFFD🚀'],
		['zero-width characters (they would cut a title short)', 'bo\u200Bok\u2060s\uFEFF\u00AD', 'books'],
		['an emoji ZWJ sequence becomes its parts, VS16 goes', 'dev👩\u200D💻 ❤\uFE0F', 'dev👩💻 ❤'],
	])('%s', (_name, input, expected) => {
		expect(sanitize(input)).toBe(expected);
	});

	test('non-strings', () => {
		expect(sanitize(undefined)).toBe('');
		expect(sanitize(null)).toBe('');
		expect(sanitize({a: 1})).toBe('');
		expect(sanitize(42)).toBe('42');
		expect(sanitize(true)).toBe('true');
	});

	test('caps length with an ellipsis', () => {
		const long = 'x'.repeat(5000);
		const out = sanitize(long);
		expect(out).toHaveLength(defaultMaxLength);
		expect(out.endsWith('…')).toBe(true);
		expect(sanitize('abcdef', 4)).toBe('abc…');
		expect(sanitize('abcd', 4)).toBe('abcd');
	});

	test('caps non-ASCII text without splitting a surrogate pair', () => {
		const out = sanitize('📦'.repeat(100) + '\u0007', 10);
		expect(out).toBe('📦📦📦📦…');
		expect(sanitize('a' + '📦'.repeat(100), 10)).toBe('a📦📦📦📦…');
		expect(sanitize('\uD800'.repeat(100), 10)).toBe('\uFFFD'.repeat(9) + '…');
	});

	test('a huge hostile string costs no more than the cap', () => {
		const huge = '\u001B[31mé'.repeat(2_000_000);
		const started = performance.now();
		const out = sanitize(huge, 50);
		expect(out).toBe('é'.repeat(49) + '…');
		expect(performance.now() - started).toBeLessThan(1000); // Generous: it stops after ~50 units.
	});
});

const escapeSequence = fc.oneof(
	fc.constantFrom('\u001B[2J', '\u001B[0m', '\u001B[1;31m', '\u001B[10;20H', '\u001B[?1049h', '\u009B2J', '\u001B7', '\u001B(B', '\u001Bc'),
	fc.string({unit: 'grapheme-ascii'}).map(payload => `\u001B]${payload.replaceAll(/[\u0000-\u001F\u007F]/gv, '')}\u0007`),
	fc.string({unit: 'grapheme-ascii'}).map(payload => `\u001B]52;c;${payload.replaceAll(/[\u0000-\u001F\u007F]/gv, '')}\u001B\\`),
	fc.string({unit: 'grapheme-ascii'}).map(payload => `\u001BP${payload.replaceAll(/[\u0000-\u001F\u007F]/gv, '')}\u001B\\`),
	fc.constantFrom('\u0000', '\u0007', '\b', '\u007F', '\u0085', '\u202E', '\u2066', '\u200F', '\u061C'),
);

/** Printable pieces: no controls, no bidi, no whitespace controls (so the pieces survive verbatim). */
const printablePiece = fc.string({unit: 'grapheme', maxLength: 8}).map(text => text.replaceAll(forbiddenAll, '').replaceAll(/[\u2028\u2029]/gv, '')).filter(text => text.length > 0);

/** Any UTF-16 unit, surrogates weighted up so lone halves, pairs and reversed pairs all turn up often. */
const utf16Unit = fc.oneof(
	fc.integer({min: 0, max: 0xFF_FF}),
	fc.integer({min: 0xD8_00, max: 0xDF_FF}),
	fc.integer({min: 0, max: 0x7F}),
).map(code => String.fromCharCode(code)); // eslint-disable-line unicorn/prefer-code-point -- single units, lone surrogates wanted.

/** Valid text cut at any UTF-16 index (as a proxy or a byte-limited log line may cut it). */
const cutText = fc.tuple(fc.string({unit: 'grapheme', maxLength: 20}), fc.nat(), fc.nat()).map(([text, from, to]) => {
	const start = from % (text.length + 1);
	return text.slice(start, to % (text.length + 1)) + text.slice(0, start);
});

describe('sanitize: generated input', () => {
	test('no lone surrogate survives, valid pairs do, and the cap never splits a pair', () => {
		const anyUnits = fc.oneof(
			fc.string({unit: utf16Unit, maxLength: 60}),
			fc.array(fc.oneof(fc.string({unit: utf16Unit, maxLength: 5}), cutText, escapeSequence, fc.string({unit: 'binary', maxLength: 5})), {maxLength: 20}).map(parts => parts.join('')),
		);
		fc.assert(fc.property(anyUnits, fc.integer({min: 1, max: 200}), (text, max) => {
			const out = sanitize(text, max);
			expect(out).not.toMatch(loneSurrogate);
			expect(out).not.toMatch(forbidden);
			expect(out.length).toBeLessThanOrEqual(max);
			// Only lone halves change: the same input with them replaced beforehand comes out the same.
			expect(sanitize(wellFormed(text), max)).toBe(out);
		}), {numRuns: 3000});
	});

	test('every valid pair survives: only lone surrogates become U+FFFD', () => {
		fc.assert(fc.property(fc.string({unit: utf16Unit, maxLength: 60}).map(text => text.replaceAll(forbiddenAll, '').replaceAll(/[\u2028\u2029]/gv, '')), text => {
			expect(sanitize(text, 100_000)).toBe(wellFormed(text));
		}), {numRuns: 2000});
	});

	test('no control, DEL or bidi character survives any input', () => {
		const anyText = fc.oneof(
			fc.string({unit: 'binary'}),
			fc.array(fc.oneof(escapeSequence, fc.string({unit: 'binary', maxLength: 5})), {maxLength: 30}).map(parts => parts.join('')),
		);
		fc.assert(fc.property(anyText, fc.integer({min: 1, max: 2000}), (text, max) => {
			const out = sanitize(text, max);
			expect(out).not.toMatch(forbidden);
			expect(out.length).toBeLessThanOrEqual(max);
		}), {numRuns: 2000});
	});

	test('printable pieces survive, in order, between escape sequences', () => {
		fc.assert(fc.property(fc.array(fc.tuple(printablePiece, escapeSequence), {maxLength: 20}), pairs => {
			const input = pairs.map(([piece, sequence]) => piece + sequence).join('');
			expect(sanitize(input, 100_000)).toBe(pairs.map(([piece]) => piece).join(''));
		}), {numRuns: 1000});
	});

	test('text without controls is returned unchanged', () => {
		fc.assert(fc.property(fc.string({unit: 'grapheme', maxLength: 200}).map(text => text.replaceAll(forbiddenAll, '').replaceAll(/[\u2028\u2029]/gv, '')), text => {
			expect(sanitize(text, 100_000)).toBe(text);
		}));
	});
});
