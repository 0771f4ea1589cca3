import {fastStringWidth, standalone} from './string-width.js';
import {asciiSymbol} from './ascii.js';
import {
	applySgr, plain, styleKey, type Style,
} from './sgr.js';

/**
One terminal cell: the grapheme drawn there, how many columns it takes (2 for a wide character,
whose second column is a `continuation` cell), and its rendition.
*/
export type Cell = {
	readonly text: string;
	/** 1 or 2; 0 for the right half of a wide character. */
	readonly width: number;
	readonly style: Style;
	/** `styleKey(style)`: cells compare by it. */
	readonly key: string;
};

/** A line of a frame as cells, trailing default blanks left out (the terminal's erased cells look the same). */
export type Row = {
	/** The line as Ink wrote it: two rows with the same key are the same cells. */
	readonly key: string;
	readonly cells: readonly Cell[];
};

const plainKey = styleKey(plain);
export const blank: Cell = {
	text: ' ', width: 1, style: plain, key: plainKey,
};
export const emptyRow: Row = {key: '', cells: []};

export const sameCell = (a: Cell, b: Cell): boolean => a.text === b.text && a.key === b.key && a.width === b.width;

const printableAscii = /^[\u0020-\u007E]*$/v;
const control = /^[\u0000-\u001F\u007F-\u009F]/v;
const segmenter = new Intl.Segmenter();
/** An SGR sequence, or any other escape sequence (which the diff does not model). */
const escapes = /\u001B\[([\d;]*)m|\u001B/gv;

/**
The columns a grapheme takes on the screen, and the text that is sure to take them. string-width
(what Ink lays out with) counts an emoji sequence (`👩‍💻`, `❤️`, `👍🏽`) as 2 columns; terminals
that measure code point by code point draw it in 4 or 1, which shifts the rest of the line. Such a
grapheme is drawn as its first code point, padded to the 2 columns Ink gave it.
*/
const measure = (grapheme: string): {text: string; width: number; pad: boolean} => {
	const width = fastStringWidth(grapheme);
	if (width < 2 || grapheme.length <= 2) {
		return {text: grapheme, width, pad: false};
	}

	let sum = 0;
	for (const codePoint of grapheme) {
		sum += fastStringWidth(codePoint);
	}

	if (sum === width) {
		return {text: grapheme, width, pad: false};
	}

	const first = String.fromCodePoint(grapheme.codePointAt(0)!);
	const firstWidth = fastStringWidth(first);
	return firstWidth === 2 ? {text: first, width: 2, pad: false} : {text: first, width: 1, pad: true};
};

/**
A line of Ink's frame as the cells it puts on a terminal `columns` wide (what does not fit is cut);
undefined when it holds an escape sequence other than SGR, whose effect the diff cannot know. With
`ascii`, symbols are drawn as ASCII (ascii.ts).
*/
export const parseRow = (line: string, columns: number, ascii = false): Row | undefined => {
	const cells: Cell[] = [];
	let style = plain;
	let key = plainKey;
	let full = false;
	const push = (cell: Cell): boolean => {
		if (cells.length + cell.width > columns) {
			full = true;
			return false;
		}

		cells.push(cell);
		if (cell.width === 2) {
			cells.push({
				text: '', width: 0, style: cell.style, key: cell.key,
			});
		}

		return true;
	};

	const addText = (text: string) => {
		if (printableAscii.test(text)) {
			for (const character of text) {
				if (!push({
					text: character, width: 1, style, key,
				})) {
					return;
				}
			}

			return;
		}

		// Code points that are graphemes of their own (bars, dots, arrows, Latin letters): no segmenter needed.
		let simple = true;
		for (const character of text) {
			if (!standalone(character.codePointAt(0)!)) {
				simple = false;
				break;
			}
		}

		const graphemes = simple ? text : Array.from(segmenter.segment(text), ({segment}) => segment);
		for (const segment of graphemes) {
			if (control.test(segment)) {
				continue;
			}

			const measured = measure(segment);
			const {width, pad} = measured;
			const drawn = ascii && width === 1 ? asciiSymbol(measured.text) : measured.text;
			if (width === 0) {
				// A zero-width character on its own: the terminal joins it to the cell before.
				const last = cells.at(-1);
				if (last?.width === 1) {
					cells[cells.length - 1] = {...last, text: last.text + segment};
				}

				continue;
			}

			if (!push({
				text: drawn, width, style, key,
			}) || (pad && !push({
				text: ' ', width: 1, style, key,
			}))) {
				return;
			}
		}
	};

	let last = 0;
	for (const match of line.matchAll(escapes)) {
		if (!full) {
			addText(line.slice(last, match.index));
		}

		if (match[1] === undefined) {
			return undefined;
		}

		const next = applySgr(style, match[1]);
		if (next === undefined) {
			return undefined;
		}

		style = next;
		key = styleKey(style);
		last = match.index + match[0].length;
	}

	if (!full) {
		addText(line.slice(last));
	}

	let end = cells.length;
	while (end > 0 && sameCell(cells[end - 1]!, blank)) {
		end--;
	}

	cells.length = end;
	return {key: line, cells};
};
