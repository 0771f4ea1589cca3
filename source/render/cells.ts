import stringWidth from 'string-width';
import {boundedCache} from '../terminal/bounded-cache.js';

/**
Fitting text into columns by what the terminal shows, not by `String.length`: a CJK collection name
takes two cells per character, an emoji one grapheme of several code units.
*/

const segmenter = new Intl.Segmenter();

/** Printable ASCII is one cell per character; string-width costs ~0.3 µs per call even for those (10k rows × 2 columns). */
const isPrintableAscii = (text: string): boolean => {
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index); // eslint-disable-line unicorn/prefer-code-point -- UTF-16 units are what is checked
		if (code < 0x20 || code > 0x7E) {
			return false;
		}
	}

	return true;
};

/**
Widths of other texts, remembered: the same few (state labels with their glyph, bar cells, a CJK
collection name) are measured for every row of every frame. Bounded.
*/
const measured = boundedCache<number>(1024);

export const width = (text: string): number => {
	if (isPrintableAscii(text)) {
		return text.length;
	}

	let cells = measured.get(text);
	if (cells === undefined) {
		cells = stringWidth(text);
		measured.set(text, cells);
	}

	return cells;
};

/** The widest of `texts`, in cells. */
export const maxWidth = (texts: Iterable<string>): number => {
	let max = 0;
	for (const text of texts) {
		max = Math.max(max, width(text));
	}

	return max;
};

/** `text` (`cells` wide) cut to `max` cells, ending in `ellipsis` when something was cut. */
const cutTo = (text: string, cells: number, max: number, ellipsis: string): string => {
	if (max <= 0) {
		return '';
	}

	if (cells <= max) {
		return text;
	}

	const room = max - width(ellipsis);
	if (room < 0) {
		return ellipsis.slice(0, max);
	}

	if (isPrintableAscii(text)) {
		return text.slice(0, room) + ellipsis;
	}

	let out = '';
	let used = 0;
	for (const {segment} of segmenter.segment(text)) {
		const w = width(segment);
		if (used + w > room) {
			break;
		}

		out += segment;
		used += w;
	}

	return out + ellipsis;
};

/**
Cuts `text` to at most `max` cells by taking out its middle: paths in one folder differ at the end
(`…/part-00017.parquet`), so the end keeps the larger share. The ellipsis marks the cut.
*/
export const truncateMiddle = (text: string, max: number, ellipsis = '…'): string => {
	const cells = width(text);
	const room = max - width(ellipsis);
	if (cells <= max || room < 2) {
		return cutTo(text, cells, max, ellipsis);
	}

	const segments = Array.from(segmenter.segment(text), ({segment}) => segment);
	const headRoom = Math.floor(room * 0.4);
	let head = '';
	let used = 0;
	let first = 0;
	for (; first < segments.length && used + width(segments[first]!) <= headRoom; first++) {
		head += segments[first]!;
		used += width(segments[first]!);
	}

	let tail = '';
	for (let last = segments.length - 1; last >= first && used + width(segments[last]!) <= room; last--) {
		tail = segments[last]! + tail;
		used += width(segments[last]!);
	}

	return head + ellipsis + tail;
};

/** Cuts `text` to at most `max` cells, ending in `ellipsis` when something was cut. */
export const truncate = (text: string, max: number, ellipsis = '…'): string => cutTo(text, width(text), max, ellipsis);

/** Truncates, then pads with spaces to exactly `max` cells. */
export const fit = (text: string, max: number, align: 'left' | 'right' = 'left', ellipsis = '…'): string => {
	const cells = width(text);
	const cut = cutTo(text, cells, max, ellipsis);
	const pad = ' '.repeat(Math.max(0, max - (cut === text ? cells : width(cut))));
	return align === 'left' ? cut + pad : pad + cut;
};
