/**
Ink 6.8's incremental renderer moves the cursor up one line too few before redrawing a frame that
ends with a newline, which every frame shorter than the terminal does: each frame lands one row lower
than the last, and lines of earlier frames stay on screen (a second header, stacked footers).
Fixed upstream in Ink 7.0 (vadimdemedes/ink#910: `cursorUp(previousLines.length - 1)`), which needs
Node 22, so until then the stream given to Ink adds the missing line.

Only a write that starts with a cursor-up is a redraw of an earlier frame: the first frame starts with
its text, a shrinking frame with an erase-line, a full-screen frame with clear-screen; synchronized-update
markers, OSC 52 and the bell are separate writes.
*/
const redraw = /^\u001B\[(?<lines>\d+)A/v;

/** The frame write as Ink 7 would send it. Pure. */
export const fixRedraw = (chunk: string): string =>
	chunk.replace(redraw, (_match, lines: string) => `\u001B[${Number(lines) + 1}A`);

/** `stream` with every frame write corrected; everything else (rows, columns, isTTY, resize events) passes through. */
export const withInkCursorFix = <Stream extends NodeJS.WritableStream>(stream: Stream): Stream => new Proxy(stream, {
	get(target, property) {
		if (property === 'write') {
			return (chunk: unknown, ...rest: unknown[]): boolean => {
				const written: unknown = Reflect.apply(target.write, target, [typeof chunk === 'string' ? fixRedraw(chunk) : chunk, ...rest]);
				return written !== false;
			};
		}

		const value: unknown = Reflect.get(target, property, target);
		if (typeof value !== 'function') {
			return value;
		}

		const bound: unknown = value.bind(target);
		return bound;
	},
});
