import stringWidth, {type Options} from 'string-width';

/** Only printable ASCII: every character its own grapheme, one column wide. */
const printableAscii = /^[\u0020-\u007E]*$/v;

/**
Code points that are a grapheme of their own next to any other code point of this set: printable
ASCII, Latin-1 and Latin Extended letters, general punctuation, superscripts and currency, and
U+2100–U+2BFF (arrows, technical and math symbols, box drawing, blocks, geometric shapes, dingbats).
None is a combining mark, joiner, variation selector, emoji modifier, regional indicator, Hangul
jamo, prepend or control character (checked for every pair with Intl.Segmenter), so the width of a
string made only of them is the sum of their widths.
*/
export const standalone = (codePoint: number): boolean =>
	(codePoint >= 0x20 && codePoint <= 0x7E)
	|| (codePoint >= 0xA0 && codePoint <= 0x2_FF && codePoint !== 0xAD) // U+00AD soft hyphen is a control
	|| (codePoint >= 0x20_10 && codePoint <= 0x20_27)
	|| (codePoint >= 0x20_30 && codePoint <= 0x20_5E)
	|| (codePoint >= 0x20_70 && codePoint <= 0x20_CF)
	|| (codePoint >= 0x21_00 && codePoint <= 0x2B_FF);

/** A colour or style sequence (CSI … m), which strip-ansi's CSI pattern takes whole. */
const sgr = /\u001B\[[\d;]*m/gv;

/** string-width's answer per code point, for narrow and for wide ambiguous characters. */
const narrow = new Map<number, number>();
const wide = new Map<number, number>();

/**
string-width 7, faster on what a table, a frame and the help text measure. string-width runs a
grapheme segmenter and two Unicode regexps on every character: ~35 ms of `--help` (yargs measures
each cell several times) and ~10 ms of the live screen's first frame (progress bars, borders, `…`).
Printable ASCII is its length; a string of `standalone` code points is the sum of their widths, each
asked of string-width once; anything else goes to string-width. The answers are the same (a test
compares them). scripts/bundle.js gives this to every `string-width` import in the bundle.
*/
export const fastStringWidth = (text: string, options?: Options): number => {
	if (printableAscii.test(text)) {
		return text.length;
	}

	// Ink measures its lines with their colours in (every row of the live table): take the SGR
	// sequences out as string-width's strip-ansi would, then measure what is left the fast way. A text
	// with any other escape sequence goes to string-width whole.
	if (options?.countAnsiEscapeCodes !== true && text.includes('\u001B')) {
		const plain = text.replaceAll(sgr, '');
		if (!plain.includes('\u001B')) {
			return fastStringWidth(plain, options);
		}
	}

	const known = options?.ambiguousIsNarrow === false ? wide : narrow;
	let width = 0;
	for (const character of text) {
		const codePoint = character.codePointAt(0)!;
		if (!standalone(codePoint)) {
			return stringWidth(text, options);
		}

		let characterWidth = known.get(codePoint);
		if (characterWidth === undefined) {
			characterWidth = stringWidth(character, options);
			known.set(codePoint, characterWidth);
		}

		width += characterWidth;
	}

	return width;
};
