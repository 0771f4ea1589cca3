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
*/

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
				line ??= build(this.width, writes);

				current.set(key, line);
				return line;
			});
			previous = current;
			current = new Map();
			return {output: output.join('\n'), height: rows.length};
		}
	};
}
