import type {KeyFlags} from '../model/keys/keymap.js';

export type KeyEvent = {readonly input: string; readonly key: KeyFlags};

const segmenter = new Intl.Segmenter();

const named: ReadonlyArray<keyof KeyFlags> = [
	'upArrow', 'downArrow', 'pageUp', 'pageDown', 'home', 'end', 'return', 'escape', 'backspace', 'delete', 'ctrl', 'tab',
];

/** One character of a burst as the key it is when typed alone (what Ink's parseKeypress makes of it). */
function single(character: string): KeyEvent {
	switch (character) {
		case '\r':
		case '\n': {
			return {input: '', key: {return: true}};
		}

		case '\t': {
			return {input: '', key: {tab: true}};
		}

		case '\b':
		case '\u007F': {
			return {input: '', key: {backspace: true}};
		}

		default: {
			const code = character.codePointAt(0) ?? 0;
			// Ctrl+A … Ctrl+Z arrive as 0x01 … 0x1A.
			return code >= 1 && code <= 26 ? {input: String.fromCodePoint(code + 96), key: {ctrl: true}} : {input: character, key: {}};
		}
	}
}

/**
The keys in one input event. Ink hands over everything that arrived in one read as one event (escape
sequences are split off, text is not): typing fast over SSH, or pasting, gives `/movies` at once, which
no binding matches in list mode. Plain input of more than one character is split into its characters
(graphemes, so an emoji or a combining accent stays whole), each the key it would be alone; anything
else (an arrow, a Ctrl key, a single character) is passed on as it came.
*/
export function splitKeys(input: string, key: KeyFlags & {readonly meta?: boolean}): readonly KeyEvent[] {
	if (key.meta === true || named.some(flag => key[flag] === true) || input.length < 2) {
		return [{input, key}];
	}

	const keys: KeyEvent[] = [];
	for (const {segment} of segmenter.segment(input)) {
		keys.push(single(segment));
	}

	return keys.length === 1 ? [{input, key}] : keys;
}
