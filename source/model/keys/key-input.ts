/** What one Ink input event is, as the keymap (keymap.ts) names keys. */

/** The subset of Ink's `Key` that routing reads; tests can pass a partial object. */
export type KeyFlags = Partial<Readonly<Record<
'upArrow' | 'downArrow' | 'pageUp' | 'pageDown' | 'home' | 'end' | 'return' | 'escape' | 'backspace' | 'delete' | 'ctrl' | 'tab', boolean
>>>;

const named: ReadonlyArray<readonly [keyof KeyFlags, string]> = [
	['upArrow', 'up'],
	['downArrow', 'down'],
	['pageUp', 'pageup'],
	['pageDown', 'pagedown'],
	['home', 'home'],
	['end', 'end'],
	['return', 'enter'],
	['escape', 'escape'],
	['backspace', 'backspace'],
	['delete', 'delete'],
	['tab', 'tab'],
];

/** The key id of one Ink input event. */
export const keyId = (input: string, key: KeyFlags): string => {
	for (const [flag, id] of named) {
		if (key[flag]) {
			return id;
		}
	}

	return key.ctrl ? `ctrl+${input}` : input;
};

/** Printable text (typed or pasted), without control characters. */
export const isText = (input: string): boolean => input.length > 0 && !/[\u0000-\u001F\u007F]/v.test(input);
