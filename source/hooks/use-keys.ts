import {useInput, useStdin} from 'ink';
import type {Mode} from '../model/actions.js';
import {resolveKey, type Command, type KeyContext} from '../model/keymap.js';

export type KeysOptions = {
	readonly mode: Mode;
	readonly keyContext: KeyContext;
	/** `input` is the typed text, for `filter-type`. */
	readonly onCommand: (command: Command, input: string) => void;
};

/**
The only useInput in the app: every key goes through the keymap, routed by mode. Without a TTY on
stdin (piped input), Ink cannot enter raw mode and useInput would throw, so keys are off then.
*/
export const useKeys = ({mode, keyContext, onCommand}: KeysOptions): void => {
	const {isRawModeSupported} = useStdin();
	useInput((input, key) => {
		const command = resolveKey(mode, input, key, keyContext);
		if (command !== undefined) {
			onCommand(command, input);
		}
	}, {isActive: isRawModeSupported});
};
