import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
// Ink's own Output and the pieces it builds lines with, from where Ink resolves them (none is exported).
import {
	styledCharsFromTokens, styledCharsToString, tokenize,
} from '../../node_modules/@alcalzone/ansi-tokenize/build/index.js';
import InkOutput from '../../node_modules/ink/build/output.js';
import stringWidth from '../../node_modules/ink/node_modules/string-width/index.js';
import {withFrameCache, type OutputTools, type OutputTransformer} from '../../source/terminal/ink-output.js';

type Operation
	= | {readonly kind: 'write'; readonly x: number; readonly y: number; readonly text: string; readonly upper: boolean}
		| {readonly kind: 'clip'; readonly x1: number; readonly x2: number; readonly y1: number; readonly y2: number}
		| {readonly kind: 'unclip'};

type Frame = {readonly width: number; readonly height: number; readonly operations: readonly Operation[]};

const tools: OutputTools = {
	tokenize, styledCharsFromTokens, styledCharsToString, stringWidth,
};

// Characters of every width Ink handles (and ones that join the one before: a combining accent, a joiner,
// an emoji variation selector, Hangul jamo, a soft hyphen; a one-cell spacing mark and a prepended
// character, which join the one before and after though string-width counts them one cell), colour and style codes (set, reset, compound,
// 256 and true colour), a code that is not a colour, and line breaks.
const characters = ['a', 'b', 'Z', ' ', '7', '…', '█', '░', '▏', '·', '≥', '⚠', 'é', '漢', '字', '👍', '✓', '\u0301', '\u200D', '\uFE0F', 'ᄀ', 'ᅡ', '\u00AD', '\u0903', '\u0D4E', '\n'];
const styles = [
	'\u001B[31m',
	'\u001B[39m',
	'\u001B[1m',
	'\u001B[22m',
	'\u001B[7m',
	'\u001B[27m',
	'\u001B[2m',
	'\u001B[0m',
	'\u001B[m',
	'\u001B[1;32m',
	'\u001B[38;5;208m',
	'\u001B[48;2;1;2;3m',
	'\u001B[42m',
	'\u001B[49m',
	'\u001B[K',
];
const piece = fc.constantFrom(...characters, ...styles);
const text = fc.array(piece, {minLength: 1, maxLength: 30}).map(pieces => pieces.join(''));
const write = fc.record({
	kind: fc.constant('write' as const),
	x: fc.integer({min: -2, max: 30}),
	y: fc.integer({min: -2, max: 9}),
	text,
	upper: fc.boolean(),
});
const clip = fc.record({
	kind: fc.constant('clip' as const), x1: fc.integer({min: 0, max: 10}), x2: fc.integer({min: 5, max: 30}), y1: fc.integer({min: 0, max: 3}), y2: fc.integer({min: 2, max: 8}),
});
const frame = (withClips: boolean): fc.Arbitrary<Frame> => fc.record({
	width: fc.integer({min: 0, max: 30}),
	height: fc.integer({min: 0, max: 8}),
	operations: fc.array(withClips ? fc.oneof(write, write, write, clip, fc.constant({kind: 'unclip' as const})) : write, {maxLength: 12}),
});

// What the job rows are made of (ASCII, bar blocks, marks, colour codes), written several to a line; now
// and then a character that joins its neighbours (a spacing mark, a prepended one), or a negative gap that
// overlaps the write before or starts left of the line: Ink's way then, with the same output.
const simpleText = fc.array(fc.constantFrom('a', 'Z', ' ', '7', '…', '█', '▏', '·', '≥', '✓', 'é', ...styles.filter(code => code !== '\u001B[K')), {minLength: 1, maxLength: 20})
	.map(pieces => pieces.join(''));
const joining = fc.constantFrom('\u0903', '\u0D4E');
const rowText = fc.oneof({arbitrary: simpleText, weight: 4}, {arbitrary: fc.tuple(simpleText, joining, simpleText).map(parts => parts.join('')), weight: 1});
const simpleLine = fc.array(fc.record({gap: fc.integer({min: -2, max: 3}), text: rowText}), {minLength: 1, maxLength: 4});
const allSimple = (writes: ReadonlyArray<{gap: number; text: string}>): boolean => writes.every(({gap, text}) => gap >= 0 && !/[\u0903\u0D4E]/v.test(text));
const onlyCodes = /^(?:\u001B\[[\d;]*m)* $/v;

const upper: OutputTransformer = (line, index) => `${index}${line.toUpperCase()}`;

type OutputLike = {
	write(x: number, y: number, text: string, options: {transformers: OutputTransformer[]}): void;
	clip(clip: {x1: number; x2: number; y1: number; y2: number}): void;
	unclip(): void;
	get(): {output: string; height: number};
};

const draw = (output: OutputLike, {operations}: Frame): {output: string; height: number} => {
	for (const operation of operations) {
		if (operation.kind === 'write') {
			output.write(operation.x, operation.y, operation.text, {transformers: operation.upper ? [upper] : []});
		} else if (operation.kind === 'clip') {
			output.clip(operation);
		} else {
			output.unclip();
		}
	}

	return output.get();
};

/** Each frame drawn by Ink's Output and by the cached one, in order (so later frames meet a warm cache). */
const both = (frames: readonly Frame[]) => {
	const Cached = withFrameCache(InkOutput, tools);
	return frames.map(each => ({
		ink: draw(new InkOutput(each), each),
		cached: draw(new Cached(each), each),
	}));
};

describe('withFrameCache', () => {
	test('writes the same frames as Ink, frame after frame, for any writes (wide characters, styles, breaks, transforms)', () => {
		// Each sequence repeats and varies its frames, so lines are both reused and rebuilt.
		const sequence = fc.array(frame(false), {minLength: 1, maxLength: 4}).chain(frames => fc.shuffledSubarray([...frames, ...frames]));
		fc.assert(fc.property(sequence, frames => {
			for (const {ink, cached} of both(frames)) {
				expect(cached).toEqual(ink);
			}
		}), {numRuns: 400});
	});

	test('a frame that clips is left to Ink and still matches', () => {
		fc.assert(fc.property(fc.array(frame(true), {minLength: 1, maxLength: 3}), frames => {
			for (const {ink, cached} of both(frames)) {
				expect(cached).toEqual(ink);
			}
		}), {numRuns: 300});
	});

	test('a line of colour codes and one-cell characters is built from runs (Ink tokenizes its codes only), the same as Ink builds it', () => {
		fc.assert(fc.property(fc.array(simpleLine, {minLength: 1, maxLength: 6}), lines => {
			const tokenized: string[] = [];
			const Cached = withFrameCache(InkOutput, {
				...tools,
				tokenize(text: string) {
					tokenized.push(text);
					return tools.tokenize(text);
				},
			});
			const frame = {width: 100, height: lines.length};
			const ink = new InkOutput(frame);
			const cached = new Cached(frame);
			for (const [y, writes] of lines.entries()) {
				let x = 0;
				for (const {gap, text} of writes) {
					x += gap;
					ink.write(x, y, text, {transformers: []});
					cached.write(x, y, text, {transformers: []});
					x += stringWidth(text);
				}
			}

			expect(cached.get()).toEqual(ink.get());
			if (lines.every(writes => allSimple(writes))) {
				// Each call was for a run's codes followed by one blank: no line went the slow way.
				expect(tokenized.filter(text => !onlyCodes.test(text))).toEqual([]);
			}
		}), {numRuns: 300});
	});

	test('a line written as in the last frame is taken from it, not rebuilt', () => {
		let tokenized = 0;
		const counting = {
			...tools,
			styledCharsToString(chars: Parameters<typeof tools.styledCharsToString>[0]) {
				tokenized++;
				return tools.styledCharsToString(chars);
			},
		};
		const Cached = withFrameCache(InkOutput, counting);
		const rows = Array.from({length: 40}, (_, index) => `\u001B[32mrow ${index}\u001B[39m ${'x'.repeat(index)}`);
		const drawRows = (changed: number) => {
			const output = new Cached({width: 120, height: 40});
			for (const [index, row] of rows.entries()) {
				output.write(0, index, index === changed ? `${row}!` : row, {transformers: []});
			}

			return output.get().output;
		};

		const first = drawRows(-1);
		expect(tokenized).toBe(40);
		const second = drawRows(5);
		expect(tokenized).toBe(41);
		expect(second.split('\n')[5]).toBe(`${first.split('\n')[5]}!`);
		expect(second.split('\n').filter((line, index) => line !== first.split('\n')[index])).toHaveLength(1);
	});
});
