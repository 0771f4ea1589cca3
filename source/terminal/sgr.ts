/**
Graphic rendition (SGR, `CSI … m`) as a value: which attributes are on and which colours are set.
The screen diff (screen-diff.ts) keeps the terminal's current rendition and moves it to each cell's
with the shortest sequence: only what differs, or a reset and what is set when that is shorter.
*/
export type Style = {
	/** Attribute bits (see `flagCodes`). */
	readonly flags: number;
	/** The colour's own parameters (`31`, `38;5;208`, `38;2;1;2;3`); '' for the default. */
	readonly fg: string;
	readonly bg: string;
};

export const plain: Style = {flags: 0, fg: '', bg: ''};

/** Each attribute: its bit, the code that sets it and the one that clears it (bold and dim share 22). */
const flagCodes: ReadonlyArray<readonly [bit: number, on: number, off: number]> = [
	[1, 1, 22], [2, 2, 22], [4, 3, 23], [8, 4, 24], [16, 5, 25], [32, 7, 27], [64, 8, 28], [128, 9, 29], [256, 53, 55],
];
const boldOrDim = 3;

export const styleKey = (style: Style): string => `${style.flags};${style.fg};${style.bg}`;

const isColor = (code: number, base: number): boolean => (code >= base && code <= base + 7) || (code >= base + 60 && code <= base + 67);

/* eslint-disable no-bitwise -- attribute bits */
/** Attribute bits after SGR `code` if it sets or clears attributes; undefined for another code. */
const applyFlag = (flags: number, code: number): number | undefined => {
	const on = flagCodes.find(entry => entry[1] === code);
	if (on !== undefined) {
		return flags | on[0];
	}

	const off = flagCodes.filter(entry => entry[2] === code);
	return off.length === 0 ? undefined : off.reduce((result, entry) => result & ~entry[0], flags);
};
/* eslint-enable no-bitwise */

/** The rendition after `CSI <parameters> m` on top of `style`; undefined for parameters it does not model. */
export const applySgr = (style: Style, parameters: string): Style | undefined => {
	const codes = parameters === '' ? [0] : parameters.split(';').map(Number);
	let {flags, fg, bg} = style;
	for (let index = 0; index < codes.length; index++) {
		const code = codes[index]!;
		if (code === 38 || code === 48) {
			// An extended colour: 38;5;n or 38;2;r;g;b.
			const kind = codes[index + 1];
			const length = kind === 5 ? 3 : (kind === 2 ? 5 : 0);
			if (length === 0 || index + length > codes.length) {
				return undefined;
			}

			const color = codes.slice(index, index + length).join(';');
			index += length - 1;
			fg = code === 38 ? color : fg;
			bg = code === 48 ? color : bg;
		} else if (code === 0) {
			flags = 0;
			fg = '';
			bg = '';
		} else if (code === 39 || isColor(code, 30)) {
			fg = code === 39 ? '' : String(code);
		} else if (code === 49 || isColor(code, 40)) {
			bg = code === 49 ? '' : String(code);
		} else {
			const changed = applyFlag(flags, code);
			if (changed === undefined) {
				return undefined;
			}

			flags = changed;
		}
	}

	return {flags, fg, bg};
};

const sequence = (codes: readonly string[]): string => `\u001B[${codes.join(';')}m`;

/* eslint-disable no-bitwise -- attribute bits */
/** The shortest SGR sequence that turns rendition `from` into `to` ('' when they are the same). */
export const transition = (from: Style, to: Style): string => {
	if (from.flags === to.flags && from.fg === to.fg && from.bg === to.bg) {
		return '';
	}

	const full: string[] = [];
	for (const [bit, on] of flagCodes) {
		if ((to.flags & bit) !== 0) {
			full.push(String(on));
		}
	}

	if (to.fg !== '') {
		full.push(to.fg);
	}

	if (to.bg !== '') {
		full.push(to.bg);
	}

	const reset = full.length === 0 ? '\u001B[m' : sequence(['', ...full]);
	const codes: string[] = [];
	// Bold and dim are cleared together: after a 22, whichever of them stays on is set again.
	const clearsBoldOrDim = (from.flags & ~to.flags & boldOrDim) !== 0;
	const kept = clearsBoldOrDim ? from.flags & ~boldOrDim : from.flags;
	for (const [bit, on, off] of flagCodes) {
		if ((kept & bit) !== 0 && (to.flags & bit) === 0) {
			codes.push(String(off));
		}

		if ((kept & bit) === 0 && (to.flags & bit) !== 0) {
			codes.push(String(on));
		}
	}

	if (clearsBoldOrDim) {
		codes.unshift('22');
	}

	if (from.fg !== to.fg) {
		codes.push(to.fg === '' ? '39' : to.fg);
	}

	if (from.bg !== to.bg) {
		codes.push(to.bg === '' ? '49' : to.bg);
	}

	const incremental = sequence(codes);
	return incremental.length <= reset.length ? incremental : reset;
};
/* eslint-enable no-bitwise */
