/**
Where a terminal control sequence ends, following the DEC/ECMA-48 parser
(vt100.net/emu/dec_ansi_parser), so `sanitize` removes a whole sequence, not just its introducer.
Each `skip…` takes the index just after the introducer and returns the index after the sequence.
A string sequence without a terminator runs to the end of the text, as it would in a terminal.
*/
/* eslint-disable unicorn/prefer-code-point -- UTF-16 units on purpose: every control is one unit. */

export const esc = 0x1B;
export const csi8 = 0x9B;
const osc8 = 0x9D;

/** 8-bit introducers of string sequences: DCS, SOS, OSC, PM, APC. */
export const isStringIntroducer8 = (code: number): boolean =>
	code === 0x90 || code === 0x98 || code === osc8 || code === 0x9E || code === 0x9F;

/** Second byte after ESC that opens a string sequence: P (DCS), X (SOS), ] (OSC), ^ (PM), _ (APC). */
const isStringIntroducer7 = (code: number): boolean =>
	code === 0x50 || code === 0x58 || code === 0x5D || code === 0x5E || code === 0x5F;

/** Returns the index after a string sequence body starting at `index`. ESC and C1 end it without being consumed (they start the next sequence, e.g. ESC \ = ST). */
export const skipString = (text: string, index: number): number => {
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
export const skipCsi = (text: string, index: number): number => {
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
export const skipEscape = (text: string, index: number): number => {
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
