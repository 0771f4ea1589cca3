import type {Action} from '../store/actions.js';
import type {AppState} from '../store/state.js';
import {
	isPickerMode, neighbourScope, pickedScope, pickerEntries,
} from '../select/picker.js';
import {contextCommandActions} from './context-command.js';
import type {Command} from './keymap.js';
import type {ActionsAvailability} from './job-action-rules.js';
import {planAnswer, planAsk, type JobActionEffect} from './plan-job-action.js';

/** What a key does besides changing the store. */
export type Effect
	// `interrupted`: Ctrl-C rather than `q` (quit is bound to those two keys only).
	= | {readonly type: 'quit'; readonly interrupted: boolean}
		| {readonly type: 'refresh'}
		| {readonly type: 'copy-id'}
		| {readonly type: 'scroll-events'; readonly to: number | 'first' | 'last'}
		| {readonly type: 'scroll-help'; readonly to: number | 'first' | 'last'}
		| {readonly type: 'load-collections'}
		| {readonly type: 'load-databases'}
		| JobActionEffect;

export type Plan = {readonly actions: readonly Action[]; readonly effects: readonly Effect[]};

export type CommandContext = {
	readonly now: number;
	readonly pageSize: number;
	/** Whether commit/abort may be sent (default: available). */
	readonly jobActions?: ActionsAvailability;
};

/** Refresh steps for `+`/`-`. */
export const intervalSteps = [500, 1000, 2000, 5000, 10_000, 30_000, 60_000, 300_000] as const;

export const stepInterval = (ms: number, direction: 1 | -1): number => {
	if (direction === 1) {
		return intervalSteps.find(step => step > ms) ?? intervalSteps.at(-1)!;
	}

	return intervalSteps.findLast(step => step < ms) ?? intervalSteps[0];
};

const toggledStates: Readonly<Record<ToggleCommand, string>> = {
	'toggle-pending': 'Pending',
	'toggle-importing': 'Importing',
	'toggle-completed': 'Completed',
	'toggle-failed': 'Failed',
	'toggle-uncommitted': 'Uncommitted',
	'toggle-committing': 'Committing',
};

type ToggleCommand = Extract<Command, `toggle-${string}`>;
const isToggle = (command: Command): command is ToggleCommand => command.startsWith('toggle-');

const act = (...actions: Action[]): Plan => ({actions, effects: []});
const effect = (...effects: Effect[]): Plan => ({actions: [], effects});

/** Moves in the list, the event log or a picker, by mode. */
const move = (state: AppState, delta: number | 'first' | 'last'): Plan => {
	if (state.mode === 'events') {
		return effect({type: 'scroll-events', to: delta});
	}

	if (state.mode === 'help') {
		return effect({type: 'scroll-help', to: delta});
	}

	if (isPickerMode(state.mode)) {
		const count = pickerEntries(state, state.mode).length;
		const step = delta === 'first' ? -count : (delta === 'last' ? count : delta);
		return act({type: 'picker-move', delta: step});
	}

	return typeof delta === 'number' ? act({type: 'move', delta}) : act({type: 'move-to', where: delta});
};

/** What one command means in the current state: actions for the reducer, effects for the app. Pure. */
export const planCommand = (command: Command, input: string, state: AppState, context: CommandContext): Plan => {
	if (isToggle(command)) {
		return act({type: 'toggle-state', state: toggledStates[command]});
	}

	switch (command) {
		case 'move-up': {
			return move(state, -1);
		}

		case 'move-down': {
			return move(state, 1);
		}

		case 'page-up': {
			return move(state, -context.pageSize);
		}

		case 'page-down': {
			return move(state, context.pageSize);
		}

		case 'first': {
			return move(state, 'first');
		}

		case 'last': {
			return move(state, 'last');
		}

		case 'filter': {
			return act({type: 'set-mode', mode: 'filter'});
		}

		case 'filter-type': {
			return act({type: 'set-filter', text: state.filter.text + input});
		}

		case 'filter-backspace': {
			return act({type: 'set-filter', text: [...state.filter.text].slice(0, -1).join('')});
		}

		case 'filter-accept': {
			return act({type: 'set-mode', mode: 'list'});
		}

		case 'filter-cancel': {
			return act({type: 'set-filter', text: ''}, {type: 'set-mode', mode: 'list'});
		}

		case 'clear-filter': {
			return act({type: 'set-filter', text: ''}, {type: 'set-states', states: []});
		}

		case 'only-failed': {
			const onlyFailed = state.filter.states.length === 1 && state.filter.states[0] === 'Failed';
			return act({type: 'set-states', states: onlyFailed ? [] : ['Failed']});
		}

		case 'all-states': {
			return act({type: 'set-states', states: []});
		}

		case 'collections': {
			return {actions: [{type: 'set-mode', mode: 'collections'}], effects: [{type: 'load-collections'}]};
		}

		case 'databases': {
			return {actions: [{type: 'set-mode', mode: 'databases'}], effects: [{type: 'load-databases'}]};
		}

		case 'contexts': {
			return act({type: 'set-mode', mode: 'contexts'});
		}

		case 'prev-collection': {
			return act({type: 'set-scope', scope: neighbourScope(state, -1)});
		}

		case 'next-collection': {
			return act({type: 'set-scope', scope: neighbourScope(state, 1)});
		}

		case 'command-type': {
			return act({type: 'set-command', text: state.screen.command + input});
		}

		case 'command-backspace': {
			return act({type: 'set-command', text: [...state.screen.command].slice(0, -1).join('')});
		}

		case 'pick': {
			if (state.mode === 'contexts' && state.screen.command !== '') {
				return {actions: contextCommandActions(state), effects: []};
			}

			const scope = pickedScope(state);
			return scope === undefined ? act({type: 'set-mode', mode: 'list'}) : act({type: 'set-scope', scope}, {type: 'set-mode', mode: 'list'});
		}

		case 'sort-next': {
			return act({type: 'sort-next'});
		}

		case 'sort-reverse': {
			return act({type: 'sort-reverse'});
		}

		case 'pause': {
			return act({type: 'toggle-pause', at: context.now});
		}

		case 'refresh': {
			return effect({type: 'refresh'});
		}

		case 'interval-up': {
			return act({type: 'set-interval', ms: stepInterval(state.intervalMs, 1)});
		}

		case 'interval-down': {
			return act({type: 'set-interval', ms: stepInterval(state.intervalMs, -1)});
		}

		case 'copy-id': {
			return effect({type: 'copy-id'});
		}

		case 'events': {
			return act({type: 'set-mode', mode: state.mode === 'events' ? 'list' : 'events'});
		}

		case 'history-rows': {
			const count = state.journal.entries.length;
			const text = state.journal.shown
				? 'jobs from history hidden'
				: (count === 0 ? 'the journal knows no other job here (--no-journal, or a first run)' : 'jobs the server forgot shown from the journal, after the others');
			return act({type: 'toggle-history'}, {type: 'set-notice', text});
		}

		case 'help': {
			// Opened at the top each time.
			return state.mode === 'help'
				? act({type: 'set-mode', mode: state.previousMode})
				: {actions: [{type: 'set-mode', mode: 'help'}], effects: [{type: 'scroll-help', to: 'first'}]};
		}

		case 'detail': {
			return state.selectedJobId === undefined ? act() : act({type: 'set-mode', mode: 'detail'});
		}

		case 'back': {
			return act({type: 'set-mode', mode: state.mode === 'help' ? state.previousMode : 'list'});
		}

		case 'quit': {
			return effect({type: 'quit', interrupted: input !== 'q'});
		}

		case 'commit':
		case 'abort': {
			return planAsk(command, state, context.jobActions ?? 'available');
		}

		case 'confirm-yes':
		case 'confirm-no': {
			return planAnswer(command === 'confirm-yes', state);
		}
	}
};
