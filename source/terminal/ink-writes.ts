/**
What one of Ink's writes to stdout carries. Ink 6.8 (standard, not incremental, rendering) writes
each frame whole: the sequences that erase the previous frame (`eraseLines`, or a `clearTerminal`
when the frame was as tall as the terminal), then the frame's lines. Around it come its cursor
hiding and synchronized-output brackets, each a write of its own. The screen diff (screen-diff.ts)
takes over all of that; only the frame, cursor visibility and other sequences the app sends (OSC 52)
go on.
*/
export type InkWrite = {
	/** The frame's lines, if this write is a frame. */
	readonly frame: readonly string[] | undefined;
	/** What goes to the terminal as it is: cursor visibility, an OSC. */
	readonly passThrough: string;
};

/** Ink's erasing and bracketing: `CSI 2K`, `CSI 1A`, `CSI G`, `CSI 2J`, `CSI 3J`, `CSI H`, `CSI ? 2026 h/l`. */
const inkControl = /^\u001B\[(?:2K|1A|G|2J|3J|H|\?2026[hl])/v;
const cursorVisibility = /^\u001B\[\?25[hl]/v;

export const readInkWrite = (text: string): InkWrite => {
	if (text.startsWith('\u001B]')) {
		return {frame: undefined, passThrough: text};
	}

	let rest = text;
	let passThrough = '';
	for (;;) {
		const control = inkControl.exec(rest) ?? cursorVisibility.exec(rest);
		if (control === null) {
			break;
		}

		if (cursorVisibility.test(control[0])) {
			passThrough += control[0];
		}

		rest = rest.slice(control[0].length);
	}

	if (rest === '') {
		return {frame: undefined, passThrough};
	}

	const lines = rest.split('\n');
	if (rest.endsWith('\n')) {
		lines.pop();
	}

	return {frame: lines, passThrough};
};
