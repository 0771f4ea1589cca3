import {useCallback, useLayoutEffect, useRef} from 'react';
import {useInput, useStdin, type Key} from 'ink';
import type {Mode} from '../model/store/actions.js';
import {resolveKey, type Command, type KeyContext} from '../model/keys/keymap.js';
import {splitKeys} from '../terminal/split-keys.js';

export type KeysOptions = {
	/** Read at each key press, so a key typed right after a mode change is routed by the new mode. */
	readonly current: () => {readonly mode: Mode; readonly keyContext: KeyContext};
	/** `input` is the typed text, for `filter-type`. */
	readonly onCommand: (command: Command, input: string) => void;
};

/**
The only useInput in the app: every key goes through the keymap, routed by mode. Without a TTY on
stdin (piped input), Ink cannot enter raw mode and useInput would throw, so keys are off then.

The handler given to useInput never changes: useInput re-subscribes in a passive effect, which can
run after the next key arrives (keys typed in one burst); the latest callbacks are kept in a ref set
during commit (layout effect) instead.
*/
export const useKeys = ({current, onCommand}: KeysOptions): void => {
	const {isRawModeSupported} = useStdin();
	const latest = useRef({current, onCommand});
	useLayoutEffect(() => {
		latest.current = {current, onCommand};
	});
	const handler = useCallback((input: string, key: Key) => {
		// Each key of a burst is routed by the mode the previous ones led to (`/` opens the filter, then
		// `movies` is typed into it). Consecutive filter text goes in as one command: one filter pass per burst.
		let typed = '';
		const flush = () => {
			if (typed !== '') {
				latest.current.onCommand('filter-type', typed);
				typed = '';
			}
		};

		// A [y/N] opened by a key of this same burst is not answered by the next key of it: `Xy` pasted, or a
		// key held down, must not abort a job. Such a key answers no; only a key typed after the prompt shows says yes.
		let promptedInBurst = false;
		for (const event of splitKeys(input, key)) {
			const {mode, keyContext} = latest.current.current();
			const resolved = resolveKey(mode, event.input, event.key, keyContext);
			const command = promptedInBurst && resolved === 'confirm-yes' ? 'confirm-no' : resolved;
			if (command === 'filter-type') {
				typed += event.input;
				continue;
			}

			flush();
			if (command !== undefined) {
				latest.current.onCommand(command, event.input);
				promptedInBurst ||= mode !== 'confirm' && latest.current.current().mode === 'confirm';
			}
		}

		flush();
	}, []);
	useInput(handler, {isActive: isRawModeSupported});
};
