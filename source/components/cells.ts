import stringWidth from 'string-width';

/**
Fitting text into columns by what the terminal shows, not by `String.length`: a CJK collection name
takes two cells per character, an emoji one grapheme of several code units.
*/

const segmenter = new Intl.Segmenter();

export const width = (text: string): number => stringWidth(text);

/** The widest of `texts`, in cells. */
export const maxWidth = (texts: Iterable<string>): number => {
	let max = 0;
	for (const text of texts) {
		max = Math.max(max, stringWidth(text));
	}

	return max;
};

/** Cuts `text` to at most `max` cells, ending in `ellipsis` when something was cut. */
export const truncate = (text: string, max: number, ellipsis = '…'): string => {
	if (max <= 0) {
		return '';
	}

	if (stringWidth(text) <= max) {
		return text;
	}

	const room = max - stringWidth(ellipsis);
	let out = '';
	let used = 0;
	for (const {segment} of segmenter.segment(text)) {
		const w = stringWidth(segment);
		if (used + w > room) {
			break;
		}

		out += segment;
		used += w;
	}

	return room < 0 ? ellipsis.slice(0, max) : out + ellipsis;
};

/** Truncates, then pads with spaces to exactly `max` cells. */
export const fit = (text: string, max: number, align: 'left' | 'right' = 'left', ellipsis = '…'): string => {
	const cut = truncate(text, max, ellipsis);
	const pad = ' '.repeat(Math.max(0, max - stringWidth(cut)));
	return align === 'left' ? cut + pad : pad + cut;
};
