import {useStdout} from 'ink';
import {describeOutcome} from '../api/action-text.js';
import type {JobActions} from '../api/job-actions.js';
import {availabilityOf} from '../model/keys/job-action-rules.js';
import {sendingText} from '../render/job-action-prompt.js';
import type {Command} from '../model/keys/keymap.js';
import {planCommand, type Effect} from '../model/keys/plan-command.js';
import {actionTarget} from '../model/keys/plan-job-action.js';
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
	/** Commit/abort; undefined when off, and then `actionsOff` says why. */
	readonly actions?: JobActions;
	readonly actionsOff?: 'read-only' | 'unsupported';
	/** Several contexts: the row's own context says (api/contexts-actions.ts); a 404 is then that context's, not the session's. */
	readonly actionsOffFor?: (jobId: string | undefined) => 'read-only' | 'unsupported' | undefined;
};

/**
Keys → commands (the keymap) → a plan (model/keys/plan-command.ts: actions for the store, effects for
the world) → run here. The one effect runner: effects are what a reducer cannot do (quit, poll now,
write to the terminal) or what needs the screen's size.
*/
export function useCommands({
	current, dispatch, refresh, onQuit, now, columns, rows, actions, actionsOff, actionsOffFor,
}: CommandsOptions): void {
	const {stdout} = useStdout();
	// With several contexts the row the keys act on says (its context's readOnly, routes).
	const offFor = (state: AppState) => actionsOffFor === undefined ? actionsOff : actionsOffFor(actionTarget(state));
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
				const keyContext = {databases: state.databases !== undefined, contexts: state.contexts !== undefined, jobActions: availabilityOf(offFor(state), state.jobActionsMissing)};
				const {maxOffset} = helpLayout(keyContext, columns, tableHeight(rows));
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

			case 'send-job-action': {
				if (actions === undefined) { // The planner never gets here without them; if it did, nothing may be sent.
					break;
				}

				const {action, jobId} = effect;
				dispatch({type: 'set-notice', text: sendingText(action, jobId)});
				void actions.send(action, {jobId, dbName: state.scope.dbName}).then(outcome => {
					dispatch({type: 'set-notice', text: describeOutcome(action, jobId, outcome)});
					if (outcome.kind === 'no-route' && actionsOffFor === undefined) {
						dispatch({type: 'job-actions-missing'});
					}

					if (outcome.kind === 'accepted') {
						refresh(); // The row moves on the next poll: make that one now.
					}
				});
				break;
			}
		}
	};

	useKeys({
		current() {
			const {mode, databases, contexts, screen} = current();
			return {mode, keyContext: {databases: databases !== undefined, contexts: contexts !== undefined, typing: screen.command !== ''}};
		},
		// Keys can arrive faster than frames (a paste, a PTY burst): each key is planned against the state
		// the previous keys led to (the store's, not the last rendered one), so no typed character is lost.
		onCommand(command: Command, input: string) {
			const state = current();
			const plan = planCommand(command, input, state, {
				now: now(), pageSize: Math.max(1, tableHeight(rows) - 2), jobActions: availabilityOf(offFor(state), state.jobActionsMissing),
			});
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
