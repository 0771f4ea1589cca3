import {pickedScope, pickerEntries} from '../select/picker.js';
import type {Action} from '../store/actions.js';
import type {AppState} from '../store/state.js';

/**
The context picker's command line (k9s' `:ctx`): with the picker (`:`) open, typing a command and Enter
picks by name instead of by moving the highlight. `ctx` alone keeps the picker open; `ctx prod`, `prod`
and `all` pick (`all`: every context, as `--context all`); a leading `:` is allowed (`:ctx prod`, as typed
in k9s). A context may be named by a prefix only one context has. Pure: the keys' plan reads it.
*/

export type ContextCommand
	= | {readonly kind: 'highlighted'} // Nothing typed: Enter picks the highlighted line, as before
		| {readonly kind: 'stay'} // `ctx`: the picker stays open, the command line is cleared
		| {readonly kind: 'pick'; readonly context: string | undefined} // Undefined: all contexts
		| {readonly kind: 'unknown'; readonly message: string};

const commandWords: ReadonlySet<string> = new Set(['ctx', 'context', 'contexts']);

export const allWord = 'all';

const named = (name: string, names: readonly string[]): ContextCommand => {
	if (name === allWord) {
		return {kind: 'pick', context: undefined};
	}

	if (names.includes(name)) {
		return {kind: 'pick', context: name};
	}

	const matches = names.filter(one => one.startsWith(name));
	if (matches.length === 1) {
		return {kind: 'pick', context: matches[0]};
	}

	return {
		kind: 'unknown',
		message: matches.length > 1
			? `"${name}" could be ${matches.join(', ')}: type more of it`
			: `no context "${name}" (${[allWord, ...names].join(', ')})`,
	};
};

export const parseContextCommand = (text: string, names: readonly string[]): ContextCommand => {
	const [first, second, ...rest] = text.trim().replace(/^:/v, '').trim().split(/\s+/v).filter(word => word !== '');
	if (first === undefined) {
		return {kind: 'highlighted'};
	}

	if (commandWords.has(first)) {
		if (second === undefined) {
			return {kind: 'stay'};
		}

		return rest.length === 0 ? named(second, names) : {kind: 'unknown', message: `one context name after ${first}, not ${rest.length + 1}`};
	}

	return second === undefined ? named(first, names) : {kind: 'unknown', message: `not a command: ${text.trim()} (ctx NAME, NAME or all)`};
};

/** Enter on the command line: what it does to the store (the keys' plan, plan-command.ts). */
export const contextCommandActions = (state: AppState): readonly Action[] => {
	const command = parseContextCommand(state.screen.command, state.contexts?.items ?? []);
	switch (command.kind) {
		case 'stay': {
			return [{type: 'set-command', text: ''}];
		}

		case 'unknown': {
			return [{type: 'set-notice', text: command.message}];
		}

		case 'pick':
		case 'highlighted': {
			const entry = command.kind === 'pick' ? pickerEntries(state, 'contexts').find(one => one.scope.context === command.context) : undefined;
			const scope = entry?.scope ?? pickedScope(state);
			return scope === undefined ? [{type: 'set-mode', mode: 'list'}] : [{type: 'set-scope', scope}, {type: 'set-mode', mode: 'list'}];
		}
	}
};
