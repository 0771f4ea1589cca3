/**
`--ascii` (and a non-UTF-8 LANG): the symbols the screen draws, each as the one ASCII character that
takes its cell. The views pick ASCII glyphs from the theme, but arrows, dots, ellipses, blocks and box
drawing also come from key hints, summaries, truncation and Ink; here, below all of them, none of
them reaches the terminal. Text that is not a symbol (a CJK collection name) is the server's data and
stays.
*/
const symbols: Readonly<Record<string, string>> = {
	'↑': '^',
	'↓': 'v',
	'←': '<',
	'→': '>',
	'↕': '|',
	'·': '-',
	'…': '.',
	'—': '-',
	'–': '-',
	'•': '*',
	'►': '>',
	'▶': '>',
	'◀': '<',
	'○': '.',
	'◐': '>',
	'◇': 'u',
	'◆': 'c',
	'✓': '+',
	'✔': '+',
	'✗': 'X',
	'✘': 'X',
	'≥': '>',
	'≤': '<',
	'×': 'x',
	'░': '-',
	'▒': ':',
	'▓': '#',
	'─': '-',
	'━': '-',
	'│': '|',
	'┃': '|',
	'“': '"',
	'”': '"',
	'‘': '\'',
	'’': '\'',
};

/** Block elements (full and partial bars), box corners and junctions, braille (spinners). */
const isBlock = (code: number): boolean => code >= 0x25_80 && code <= 0x25_9F;
const isBoxJunction = (code: number): boolean => code >= 0x25_00 && code <= 0x25_7F;
const isBraille = (code: number): boolean => code >= 0x28_00 && code <= 0x28_FF;

/** The ASCII character for a one-cell symbol; the grapheme itself when it is not one. */
export const asciiSymbol = (grapheme: string): string => {
	const mapped = symbols[grapheme];
	if (mapped !== undefined) {
		return mapped;
	}

	const code = grapheme.length === 1 ? grapheme.codePointAt(0)! : 0;
	if (isBlock(code)) {
		return '#';
	}

	if (isBoxJunction(code)) {
		return '+';
	}

	return isBraille(code) ? '*' : grapheme;
};
