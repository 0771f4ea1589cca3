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

// Characters of every width Ink handles, colour and style codes (set and reset), and line breaks.
const characters = ['a', 'b', 'Z', ' ', '7', '…', '█', '░', 'é', '漢', '字', '👍', '✓', '\n'];
const styles = ['\u001B[31m', '\u001B[39m', '\u001B[1m', '\u001B[22m', '\u001B[7m', '\u001B[27m', '\u001B[2m', '\u001B[0m'];
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

	test('a line written as in the last frame is taken from it, not rebuilt', () => {
		let tokenized = 0;
		const counting = {
			...tools,
			tokenize(line: string) {
				tokenized++;
				return tools.tokenize(line);
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
