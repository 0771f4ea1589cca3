/**
Makes a server string safe to print in a terminal. Milvus (or whatever answers on its port) is
untrusted: a job `reason` or collection name could carry `ESC ] 52` (clipboard write), a title
change, cursor moves or bidi overrides that reorder what the user reads.

The scanner follows the DEC/ECMA-48 parser (vt100.net/emu/dec_ansi_parser) so a whole sequence is
removed, not just its introducer: CSI, OSC, DCS/SOS/PM/APC strings, 2-char ESC sequences, and the
8-bit C1 forms. A string sequence without a terminator swallows the rest of the text, as a terminal
would. Tab, CR and LF become one space so a row keeps its layout; every other C0 control, DEL, C1
control and bidi control is dropped.

charCodeAt on purpose: the scan works on UTF-16 units (every control is a single unit) and is the
hot path of every poll.
*/
/* eslint-disable unicorn/prefer-code-point */

export const defaultMaxLength = 1000;

const ellipsis = '…';
const plainAscii = /^[\u0020-\u007E]*$/v;

const esc = 0x1B;
const csi8 = 0x9B;
const osc8 = 0x9D;

const isBidiControl = (code: number): boolean =>
	(code >= 0x20_2A && code <= 0x20_2E)
	|| (code >= 0x20_66 && code <= 0x20_69)
	|| code === 0x20_0E || code === 0x20_0F || code === 0x06_1C;

const isLayoutSpace = (code: number): boolean =>
	code === 0x09 || code === 0x0A || code === 0x0D || code === 0x20_28 || code === 0x20_29;

/** 8-bit introducers of string sequences: DCS, SOS, OSC, PM, APC. */
const isStringIntroducer8 = (code: number): boolean =>
	code === 0x90 || code === 0x98 || code === osc8 || code === 0x9E || code === 0x9F;

/** Second byte after ESC that opens a string sequence: P (DCS), X (SOS), ] (OSC), ^ (PM), _ (APC). */
const isStringIntroducer7 = (code: number): boolean =>
	code === 0x50 || code === 0x58 || code === 0x5D || code === 0x5E || code === 0x5F;

/** Returns the index after a string sequence body starting at `index`. ESC and C1 end it without being consumed (they start the next sequence, e.g. ESC \ = ST). */
const skipString = (text: string, index: number): number => {
	let i = index;
	while (i < text.length) {
		const code = text.charCodeAt(i);
		if (code === 0x07 || code === 0x18 || code === 0x1A) { // BEL ends OSC; CAN and SUB abort any sequence.
			return i + 1;
		}

		if (code === esc || (code >= 0x80 && code <= 0x9F)) {
			return i;
		}

		i++;
	}

	return i;
};

/** Returns the index after a CSI body (parameters 0x30–0x3F, intermediates 0x20–0x2F, C0 inside are dropped) and its final byte 0x40–0x7E, if any. */
const skipCsi = (text: string, index: number): number => {
	let i = index;
	while (i < text.length) {
		const code = text.charCodeAt(i);
		if (code >= 0x40 && code <= 0x7E) {
			return i + 1;
		}

		if (code === 0x18 || code === 0x1A) {
			return i + 1;
		}

		if (code === esc || code > 0x7E) {
			return i;
		}

		i++;
	}

	return i;
};

/** `index` points just after an ESC. Returns where the sequence ends. */
const skipEscape = (text: string, index: number): number => {
	if (index >= text.length) {
		return index;
	}

	const code = text.charCodeAt(index);
	if (code === 0x5B) {
		return skipCsi(text, index + 1);
	}

	if (isStringIntroducer7(code)) {
		return skipString(text, index + 1);
	}

	let i = index;
	while (i < text.length && text.charCodeAt(i) >= 0x20 && text.charCodeAt(i) <= 0x2F) { // Intermediates, e.g. ESC ( B
		i++;
	}

	if (i < text.length && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x7E) {
		return i + 1;
	}

	return i; // A lone ESC (or ESC + control/non-ASCII): drop the ESC, keep what follows.
};

const truncate = (text: string, maxLength: number): string => {
	if (text.length <= maxLength) {
		return text;
	}

	let end = Math.max(0, maxLength - ellipsis.length);
	const last = text.charCodeAt(end - 1);
	if (last >= 0xD8_00 && last <= 0xDB_FF) { // Do not split a surrogate pair.
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
		const printable = (code >= 0x20 && code < 0x7F) || (code >= 0xA0 && !isBidiControl(code) && !isLayoutSpace(code));
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

			i++; // Other C0, DEL, C1 (incl. 8-bit ST), bidi: dropped.
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

	if (plainAscii.test(text)) {
		return truncate(text, maxLength);
	}

	return scan(text, maxLength);
};
