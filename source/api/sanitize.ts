/**
Makes a server string safe to print in a terminal. Milvus (or whatever answers on its port) is
untrusted: a job `reason` or collection name could carry `ESC ] 52` (clipboard write), a title
change, cursor moves or bidi overrides that reorder what the user reads.

Whole sequences are removed, not just their introducer (control-sequences.ts): CSI, OSC,
DCS/SOS/PM/APC strings, 2-char ESC sequences, and the 8-bit C1 forms. Tab, CR, LF (and U+2028/9)
become one space so a row keeps its layout; every other C0 control, DEL, C1 control and bidi
control (U+202A–202E, U+2066–2069, LRM, RLM, ALM) and zero-width character is dropped. A lone UTF-16 surrogate (JSON may
carry `"\ud800"`) becomes U+FFFD: it is not text, a terminal or a JSON consumer may choke on it when
re-encoded as UTF-8, and string-width miscounts it. Valid pairs (emoji) are kept.

charCodeAt on purpose: the scan works on UTF-16 units (every control is a single unit) and is the
hot path of every poll.
*/
/* eslint-disable unicorn/prefer-code-point */
import {
	csi8, esc, isStringIntroducer8, skipCsi, skipEscape, skipString,
} from './control-sequences.js';

export const defaultMaxLength = 1000;

const ellipsis = '…';

const isBidiControl = (code: number): boolean =>
	(code >= 0x20_2A && code <= 0x20_2E)
	|| (code >= 0x20_66 && code <= 0x20_69)
	|| code === 0x20_0E || code === 0x20_0F || code === 0x06_1C;

/**
Characters that take no cell yet are counted as one by the code that cuts a line to fit (slice-ansi
in Ink's truncation): a title holding them was cut that many cells short. Zero-width space and
joiners, word joiner and invisible operators, BOM, Mongolian vowel separator, soft hyphen and the
variation selectors go. Without its joiner an emoji sequence (`👩‍💻`) is drawn as its parts, and
every terminal and string-width then agree on its width; without VS16 `❤️` is the one cell wide that
terminals draw.
*/
const isInvisible = (code: number): boolean =>
	(code >= 0x20_0B && code <= 0x20_0D)
	|| (code >= 0x20_60 && code <= 0x20_64)
	|| (code >= 0xFE_00 && code <= 0xFE_0F)
	|| code === 0xFE_FF || code === 0x18_0E || code === 0xAD;

const replacement = '\uFFFD';

const isHighSurrogate = (code: number): boolean => code >= 0xD8_00 && code <= 0xDB_FF;
const isLowSurrogate = (code: number): boolean => code >= 0xDC_00 && code <= 0xDF_FF;

const isLayoutSpace = (code: number): boolean =>
	code === 0x09 || code === 0x0A || code === 0x0D || code === 0x20_28 || code === 0x20_29;

/** The fast path: most server strings are ids, states and names in printable ASCII. A loop beats a regex on short strings. */
const isPlainAscii = (text: string): boolean => {
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code < 0x20 || code > 0x7E) {
			return false;
		}
	}

	return true;
};

const truncate = (text: string, maxLength: number): string => {
	if (text.length <= maxLength) {
		return text;
	}

	let end = Math.max(0, maxLength - ellipsis.length);
	if (isHighSurrogate(text.charCodeAt(end - 1))) { // Do not split a surrogate pair.
		end--;
	}

	return text.slice(0, end) + ellipsis;
};

const scan = (text: string, maxLength: number): string => {
	let out = '';
	let runStart = 0;
	let lastWasSpace = false;
	let i = 0;
	// Stop once the output is known to exceed the cap: a hostile 64 MiB reason costs no more than a short one.
	while (i < text.length && out.length + i - runStart <= maxLength) {
		const code = text.charCodeAt(i);
		if (code >= 0xD8_00 && code <= 0xDF_FF) {
			lastWasSpace = false;
			if (isHighSurrogate(code) && isLowSurrogate(text.charCodeAt(i + 1))) {
				i += 2; // A valid pair: one code point, kept.
				continue;
			}

			out += text.slice(runStart, i) + replacement;
			runStart = ++i;
			continue;
		}

		const printable = (code >= 0x20 && code < 0x7F) || (code >= 0xA0 && !isBidiControl(code) && !isLayoutSpace(code) && !isInvisible(code));
		if (printable) {
			i++;
			lastWasSpace = false;
			continue;
		}

		out += text.slice(runStart, i);
		if (code === esc) {
			i = skipEscape(text, i + 1);
		} else if (code === csi8) {
			i = skipCsi(text, i + 1);
		} else if (isStringIntroducer8(code)) {
			i = skipString(text, i + 1);
		} else {
			if (isLayoutSpace(code) && !lastWasSpace) {
				out += ' ';
				lastWasSpace = true;
			}

			i++; // Other C0, DEL, C1 (incl. 8-bit ST), bidi, invisible: dropped.
		}

		runStart = i;
	}

	return truncate(out + text.slice(runStart, i), maxLength);
};

/**
Any server value → printable one-line text of at most `maxLength` UTF-16 units (longer text ends
in '…'). Numbers and booleans become their text; anything else (objects, null) becomes ''.
*/
export const sanitize = (text: unknown, maxLength = defaultMaxLength): string => {
	if (typeof text !== 'string') {
		return typeof text === 'number' || typeof text === 'boolean' || typeof text === 'bigint' ? String(text) : '';
	}

	if (isPlainAscii(text)) {
		return truncate(text, maxLength);
	}

	return scan(text, maxLength);
};
