import {Buffer} from 'node:buffer';

/**
The stdout Ink draws on while the app owns the alternate screen.

Ink 6.8's incremental renderer moves the cursor up one line too few before each frame when the frame
ends in a newline (any frame shorter than the terminal), so every frame lands one line lower than the
last. Keeping the frame shorter than the terminal is required (a full-height frame makes Ink clear the
screen on every render), so instead each write starts with "cursor home": in the alternate screen
the frame always starts at the top-left, and Ink's relative moves then start from the right place
(`cursorUp` stops at the top line).

Bytes matter over SSH: runs of Ink's line-by-line cursor moves are written as one move (compressMoves).

A resize clears the screen and makes Ink repaint the whole frame: Ink only does that itself when the
width shrinks, so the stream reports one column less while Ink handles the resize event.
*/
export type ScreenStream = {
	readonly stream: NodeJS.WriteStream;
	/** Call right after Ink's render(): ends the one-column shrink once Ink has seen the resize. */
	readonly afterInkListeners: () => void;
	readonly dispose: () => void;
};

const home = '\u001B[H';
/** Runs of Ink's "cursor to the next line", one per unchanged line of an incremental frame (3 bytes each). */
const nextLines = /(?:\u001B\[E){2,}/gv;

/**
Ink's incremental renderer steps over each unchanged line with its own CNL (`ESC [ E`): 44 of them,
132 bytes, when one row of the table changed. CNL takes a count (ECMA-48), so a run is one sequence.
*/
export const compressMoves = (text: string): string => text.replaceAll(nextLines, run => `\u001B[${run.length / 3}E`);
const clearScreen = '\u001B[2J';

export const screenStream = (stdout: NodeJS.WriteStream): ScreenStream => {
	let shrink = false;
	// Ink writes whole strings, one argument each.
	const write = (chunk: string | Uint8Array): boolean => {
		const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
		return stdout.write(text === '' ? text : home + compressMoves(text));
	};

	const stream = new Proxy(stdout, {
		get(target, property) {
			if (property === 'write') {
				return write;
			}

			if (property === 'columns') {
				return Math.max(1, target.columns - (shrink ? 1 : 0));
			}

			const value: unknown = Reflect.get(target, property, target);
			return typeof value === 'function' ? value.bind(target) : value; // eslint-disable-line @typescript-eslint/no-unsafe-return
		},
	});
	const before = () => {
		shrink = true;
		stdout.write(clearScreen);
	};

	const after = () => {
		shrink = false;
	};

	stdout.on('resize', before);
	return {
		stream,
		afterInkListeners() {
			stdout.on('resize', after);
		},
		dispose() {
			stdout.off('resize', before);
			stdout.off('resize', after);
		},
	};
};
