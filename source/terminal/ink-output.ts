/**
Ink 6 turns its tree into a frame with a new `Output` per render: every character of every line is
tokenized into an object, placed on a grid and joined back into a string, every frame, even when a
line is what it was a frame ago. With 40 rows of 120 columns that was ~15 ms of a 10k-job poll's
~25 ms (bench/screen.ts), for a frame in which one row changed.

`withFrameCache` wraps Ink's class (scripts/lib/bundle-plugins.js swaps it in when bundling) so that
each frame line is built the way Ink builds it, from the writes that land on it, and kept until the
next frame: a line whose writes are the same as a frame ago costs one map lookup. What comes out is
Ink's own output (a test compares the two on generated frames). A frame that clips (overflow hidden:
the detail view, the help overlay) is left to Ink whole.

A line that is built is built cheaply when it can be (`fastLine`): Ink tokenizes it one grapheme at a
time (Intl.Segmenter), gives every character an object and an array of its styles, and compares the
styles of each character with the last one's (three Sets a character). A line made only of colour codes
and characters that are one cell and a grapheme each (printable ASCII, Latin, punctuation, symbols, box
drawing, blocks: `standalone`) is the same string when built from runs of characters that share a
style: Ink's own `styledCharsToString` joins a run of one style without a code between its characters,
so it is handed runs, and the style of each run is Ink's own, read once per sequence of codes. A 13-job
screen in its first half-minute spent ~22 % of its CPU building lines the slow way (README › Over SSH).
Any other line (wide characters, emoji, combining marks, a non-colour escape, writes that overlap or
leave the line) is built as Ink builds it.
*/
import {standalone} from './string-width.js';

export type OutputTransformer = (line: string, index: number) => string;

type Write = {
	readonly type: 'write';
	readonly x: number;
	readonly y: number;
	readonly text: string;
	readonly transformers: readonly OutputTransformer[];
};

type StyledChar = {readonly type: 'char'; readonly value: string; readonly fullWidth: boolean; readonly styles: unknown};

type InkOutput = {
	readonly width: number;
	readonly height: number;
	get(): {output: string; height: number};
};

// TypeScript's mixin pattern: a class can extend a generic constructor only if it takes any[].

type Constructor<T> = new (...arguments_: any[]) => T;

/** The pieces of Ink's own output code, handed over by the bundle so both build lines alike. */
export type OutputTools = {
	// Methods, so the tokenizer's own types (tokens, characters) fit the loose ones here.
	tokenize(text: string): unknown;
	styledCharsFromTokens(tokens: unknown): readonly StyledChar[];
	styledCharsToString(chars: readonly StyledChar[]): string;
	stringWidth(text: string): number;
};

const isWrite = (operation: unknown): operation is Write =>
	typeof operation === 'object' && operation !== null && Reflect.get(operation, 'type') === 'write';

/** The writes that land on each line of the frame, as Ink's Output.get places them; undefined if the frame clips. */
function linesOf(operations: readonly unknown[], height: number): Array<Array<{x: number; line: string}>> | undefined {
	const rows: Array<Array<{x: number; line: string}>> = Array.from({length: height}, () => []);
	for (const operation of operations) {
		if (!isWrite(operation)) {
			return undefined; // A clip
		}

		const {x, y, text, transformers} = operation;
		const lines = text.split('\n');
		for (const [index, line] of lines.entries()) {
			// Ink skips a line whose row is missing without moving on to the next row: a write that starts
			// above the frame (or between rows) lands nowhere, one that runs below it is cut there.
			const row = rows[y + index];
			if (row === undefined) {
				break;
			}

			let transformed = line;
			for (const transform of transformers) {
				transformed = transform(transformed, index);
			}

			row.push({x, line: transformed});
		}
	}

	return rows;
}

export function withFrameCache<T extends Constructor<InkOutput>>(Base: T, tools: OutputTools): T {
	const styledChars = (line: string): readonly StyledChar[] => tools.styledCharsFromTokens(tools.tokenize(line));

	/** One line of the frame, exactly as Ink's Output.get builds it from the same writes. */
	const build = (width: number, writes: ReadonlyArray<{x: number; line: string}>): string => {
		const cells: Array<StyledChar | undefined> = Array.from({length: width}, () => ({
			type: 'char', value: ' ', fullWidth: false, styles: [],
		}));
		for (const {x, line} of writes) {
			let offsetX = x;
			for (const character of styledChars(line)) {
				cells[offsetX] = character;
				const characterWidth = Math.max(1, tools.stringWidth(character.value));
				for (let index = 1; index < characterWidth; index++) {
					const covered: StyledChar = {
						type: 'char', value: '', fullWidth: false, styles: character.styles,
					};
					cells[offsetX + index] = covered;
				}

				offsetX += characterWidth;
			}
		}

		return tools.styledCharsToString(cells.filter(cell => cell !== undefined)).trimEnd();
	};

	/** Ink's styles for the characters after a write's colour codes so far (the codes joined), read with its own tokenizer. */
	const stylesAfter = new Map<string, unknown>();
	const stylesOf = (codes: string): unknown => {
		let styles = stylesAfter.get(codes);
		if (styles === undefined) {
			if (stylesAfter.size >= 1000) {
				stylesAfter.clear(); // A handful of sequences recur; a bound for a screen that shows ever new ones.
			}

			styles = tools.styledCharsFromTokens(tools.tokenize(`${codes} `))[0]!.styles;
			stylesAfter.set(codes, styles);
		}

		return styles;
	};

	/** Whether a code point is a character the fast path places as one cell (asked of string-width once each). */
	const oneCell = new Map<number, boolean>();
	const isOneCell = (code: number): boolean => {
		if (code >= 0x20 && code <= 0x7E) {
			return true;
		}

		let known = oneCell.get(code);
		if (known === undefined) {
			known = standalone(code) && tools.stringWidth(String.fromCodePoint(code)) === 1; // No surrogate, nothing astral
			oneCell.set(code, known);
		}

		return known;
	};

	const colourCode = /\u001B\[[\d;]*m/vy;

	type Run = {readonly text: string; readonly codes: string};

	/** A write's text as runs of one style, and its width in cells; undefined if it holds anything but colour codes and one-cell characters. */
	const runsOf = (line: string): {runs: Run[]; width: number} | undefined => {
		const runs: Run[] = [];
		let codes = '';
		let start = 0;
		let width = 0;
		for (let index = 0; index < line.length;) {
			const code = line.codePointAt(index)!;
			if (code === 0x1B) {
				colourCode.lastIndex = index;
				if (!colourCode.test(line)) {
					return undefined;
				}

				if (index > start) {
					runs.push({text: line.slice(start, index), codes});
				}

				codes += line.slice(index, colourCode.lastIndex);
				index = colourCode.lastIndex;
				start = index;
			} else if (isOneCell(code)) {
				width++;
				index++;
			} else {
				return undefined;
			}
		}

		if (line.length > start) {
			runs.push({text: line.slice(start), codes});
		}

		return {runs, width};
	};

	const blank = (width: number): StyledChar => ({
		type: 'char', value: ' '.repeat(width), fullWidth: false, styles: [],
	});

	/**
	The line Ink would build from these writes, built from runs; undefined when the writes overlap, leave
	the line or hold anything `runsOf` does not take (then Ink's way decides).
	*/
	const fastLine = (width: number, writes: ReadonlyArray<{x: number; line: string}>): string | undefined => {
		const placed: Array<{x: number; runs: Run[]; width: number}> = [];
		for (const {x, line} of writes) {
			const read = runsOf(line);
			if (read === undefined || !Number.isInteger(x) || x < 0 || x + read.width > width) {
				return undefined;
			}

			if (read.width > 0) { // A write of codes alone places nothing.
				placed.push({x, ...read});
			}
		}

		placed.sort((a, b) => a.x - b.x);
		const cells: StyledChar[] = [];
		let at = 0;
		for (const write of placed) {
			if (write.x < at) {
				return undefined; // Overlaps the one before: Ink lets the later write win, cell by cell.
			}

			if (write.x > at) {
				cells.push(blank(write.x - at));
			}

			for (const {text, codes} of write.runs) {
				cells.push({
					type: 'char', value: text, fullWidth: false, styles: stylesOf(codes),
				});
			}

			at = write.x + write.width;
		}

		if (at < width) {
			cells.push(blank(width - at));
		}

		return tools.styledCharsToString(cells).trimEnd();
	};

	// The lines of the last frame and of this one: a two-frame window, so memory stays one frame's worth.
	let previous = new Map<string, string>();
	let current = new Map<string, string>();

	return class FrameCachedOutput extends Base {
		override get(): {output: string; height: number} {
			const operations: unknown = Reflect.get(this, 'operations');
			const rows = Array.isArray(operations) ? linesOf(operations, this.height) : undefined;
			if (rows === undefined) {
				return super.get();
			}

			const output = rows.map(writes => {
				if (writes.length === 0) {
					return '';
				}

				let key = String(this.width);
				for (const {x, line} of writes) {
					key += `\u0000${x}\u0000${line}`;
				}

				let line = current.get(key) ?? previous.get(key);
				line ??= fastLine(this.width, writes) ?? build(this.width, writes);

				current.set(key, line);
				return line;
			});
			previous = current;
			current = new Map();
			return {output: output.join('\n'), height: rows.length};
		}
	};
}
