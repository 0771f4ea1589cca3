import {useStdout} from 'ink';
import type {Command} from '../model/keys/keymap.js';
import {planCommand, type Effect} from '../model/keys/plan-command.js';
import {selectedJob} from '../model/select/select.js';
import type {Action} from '../model/store/actions.js';
import type {AppState} from '../model/store/state.js';
import {helpLayout} from '../render/help-layout.js';
import {tableHeight} from '../render/layout.js';
import {osc52} from '../terminal/osc52.js';
import {shownJobId} from '../model/jobs/job-id.js';
import {useKeys} from './use-keys.js';

export type CommandsOptions = {
	readonly current: () => AppState;
	readonly dispatch: (action: Action) => void;
	readonly refresh: () => void;
	/** `q` or Ctrl-C (`interrupted`): the app decides the exit code (README "Exit codes"). */
	readonly onQuit: (interrupted: boolean) => void;
	readonly now: () => number;
	readonly columns: number;
	readonly rows: number;
};

/**
Keys → commands (the keymap) → a plan (model/keys/plan-command.ts: actions for the store, effects for
the world) → run here. The one effect runner: effects are what a reducer cannot do (quit, poll now,
write to the terminal) or what needs the screen's size.
*/
export function useCommands({
	current, dispatch, refresh, onQuit, now, columns, rows,
}: CommandsOptions): void {
	const {stdout} = useStdout();
	const run = (effect: Effect, state: AppState): void => {
		switch (effect.type) {
			case 'quit': {
				onQuit(effect.interrupted);
				break;
			}

			case 'refresh': {
				refresh();
				break;
			}

			case 'copy-id': {
				const job = selectedJob(state);
				if (job !== undefined) {
					// The server's id, not the `context/id` rows are keyed by: what another tool will be given.
					const id = shownJobId(job);
					stdout.write(osc52(id));
					dispatch({type: 'set-notice', text: `copied ${id}`});
				}

				break;
			}

			case 'scroll-events': {
				dispatch({
					type: 'scroll', pane: 'events', to: effect.to, max: Math.max(0, state.events.length - 1),
				});
				break;
			}

			case 'scroll-help': {
				const {maxOffset} = helpLayout({databases: state.databases !== undefined}, columns, tableHeight(rows));
				dispatch({
					type: 'scroll', pane: 'help', to: effect.to, max: maxOffset,
				});
				break;
			}

			case 'load-collections':
			case 'load-databases': {
				dispatch({type: 'reload', list: effect.type === 'load-collections' ? 'collections' : 'databases'});
				break;
			}
		}
	};

	useKeys({
		current() {
			const {mode, databases} = current();
			return {mode, keyContext: {databases: databases !== undefined}};
		},
		// Keys can arrive faster than frames (a paste, a PTY burst): each key is planned against the state
		// the previous keys led to (the store's, not the last rendered one), so no typed character is lost.
		onCommand(command: Command, input: string) {
			const state = current();
			const plan = planCommand(command, input, state, {now: now(), pageSize: Math.max(1, tableHeight(rows) - 2)});
			dispatch({type: 'set-notice', text: undefined});
			for (const action of plan.actions) {
				dispatch(action);
			}

			for (const effect of plan.effects) {
				run(effect, state);
			}
		},
	});
}
