import {
	useCallback, useEffect, useMemo, useRef, useState,
} from 'react';
import {useStdout} from 'ink';
import type {ImportClient} from './api/types.js';
import {helpLayout} from './components/help-overlay.js';
import {ThemeContext} from './components/theme-context.js';
import {makeTheme} from './components/theme.js';
import {Screen, tableHeight} from './components/screen.js';
import {isUnseenPoll} from './components/unseen-poll.js';
import type {Config} from './config.js';
import {planCommand, type Effect} from './hooks/command-actions.js';
import {osc52} from './hooks/osc52.js';
import {ClockContext, createClock} from './hooks/clock.js';
import {useKeys} from './hooks/use-keys.js';
import {useDetailLoader, useListLoaders} from './hooks/use-loaders.js';
import {useDetailFacts} from './hooks/use-detail-facts.js';
import {usePoll} from './hooks/use-poll.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import {useQuietReducer} from './hooks/use-quiet-reducer.js';
import {useWait, type WaitOptions} from './hooks/use-wait.js';
import type {Command} from './model/keymap.js';
import type {ReportLine} from './modes/wait-report.js';
import {selectedJob} from './model/select.js';
import {initialState, reducer, type AppState} from './model/state.js';
import type {Action, Scope} from './model/actions.js';
import {firstScope} from './model/first-scope.js';

export type AppProps = {
	readonly client: ImportClient;
	readonly config: Config;
	/** The server as shown in the header: never with credentials. */
	readonly serverLabel: string;
	/** 0 on `q`; in wait mode the verdict's code and its closing lines (printed once the screen is gone). */
	readonly onExit: (code: number, report?: readonly ReportLine[]) => void;
	/** Epoch ms; tests inject a fixed clock. */
	readonly now?: () => number;
	/** `--wait` on a TTY: exit once every watched job has finished. */
	readonly wait?: WaitOptions;
	/**
	The first list, when it arrived before the screen mounted (cli.tsx sends the request while Ink loads):
	the first frame shows it and the next poll is one interval after it. Ignored for another scope.
	*/
	readonly firstList?: Extract<Action, {readonly type: 'poll-ok'}>;
};

const sameScope = (a: Scope, b: Scope): boolean => a.dbName === b.dbName && a.collectionName === b.collectionName;

const init = ({config, firstList}: Pick<AppProps, 'config' | 'firstList'>): AppState => {
	const scope = firstScope(config);
	const state = initialState({
		scope,
		intervalMs: config.intervalMs,
		filter: {text: config.initialFilter, states: config.initialStates},
		sort: config.initialSort,
		stallAfterMs: config.stallAfterMs,
	});
	return firstList !== undefined && sameScope(firstList.scope, scope) ? reducer(state, firstList) : state;
};

/** The one stateful component: one reducer, the poll loop and the keys, rendered by <Screen/>. */
export function App({
	client, config, serverLabel, onExit, now = Date.now, wait, firstList,
}: AppProps) {
	// The ticking clock lives outside the state: the texts that follow it (ages, time in state) subscribe to it
	// themselves, so a tick re-renders only what it changes and the App not at all.
	const clock = useMemo(() => createClock(now), [now]);
	// Wait mode counts every poll (useWait), so there each one is rendered.
	const isUnseen = useCallback((shown: AppState, next: AppState, previous: AppState) =>
		wait === undefined && isUnseenPoll(shown, next, previous, clock.current()), [wait, clock]);
	const {state, dispatch, current: currentState} = useQuietReducer(reducer, () => init({config, firstList}), isUnseen);
	const {stdout} = useStdout();
	const {columns, rows} = useTerminalSize();
	const [notice, setNotice] = useState<string | undefined>(undefined);
	const [eventsOffset, setEventsOffset] = useState(0);
	const [helpOffset, setHelpOffset] = useState(0);
	const [collectionsKey, setCollectionsKey] = useState(0);
	const [databasesKey, setDatabasesKey] = useState(0);
	const poll = usePoll({
		client, scope: state.scope, paused: state.paused, intervalMs: state.intervalMs, dispatch, now,
		firstPollAfter: state.poll.lastOkAt,
	});
	const detailJobId = state.mode === 'detail' ? (state.detail?.jobId ?? state.selectedJobId) : undefined;
	useDetailFacts({
		client, state, screenRows: rows, dispatch,
	});
	useDetailLoader({
		client, jobId: detailJobId, dbName: state.scope.dbName, reloadKey: state.poll.lastOkAt, dispatch, now,
	});
	useListLoaders({
		client, dbName: state.scope.dbName, collectionsKey, databasesKey, dispatch,
	});
	const waitProgress = useWait(state, wait, onExit);
	// Says why the screen will close by itself.
	const waitLine = wait === undefined ? undefined : (waitProgress === undefined ? '--wait: waiting for the first poll' : `--wait: ${waitProgress.done} of ${waitProgress.total} done, exits when all finish`);

	const failuresRef = useRef(state.failuresSeen);
	useEffect(() => {
		if (state.failuresSeen > failuresRef.current && config.bell) {
			stdout.write('\u0007');
		}

		failuresRef.current = state.failuresSeen;
	}, [state.failuresSeen, config.bell, stdout]);

	const run = (effect: Effect, current: AppState) => {
		switch (effect.type) {
			case 'quit': {
				onExit(0);
				break;
			}

			case 'refresh': {
				poll.refresh();
				break;
			}

			case 'copy-id': {
				const job = selectedJob(current);
				if (job !== undefined) {
					stdout.write(osc52(job.jobId));
					setNotice(`copied ${job.jobId}`);
				}

				break;
			}

			case 'scroll-events': {
				const {to} = effect;
				const last = Math.max(0, current.events.length - 1);
				setEventsOffset(offset => to === 'first' ? 0 : (to === 'last' ? last : Math.min(last, Math.max(0, offset + to))));
				break;
			}

			case 'scroll-help': {
				const {to} = effect;
				const {maxOffset} = helpLayout({databases: current.databases !== undefined}, columns, tableHeight(rows));
				setHelpOffset(offset => to === 'first' ? 0 : (to === 'last' ? maxOffset : Math.min(maxOffset, Math.max(0, offset + to))));
				break;
			}

			case 'load-collections': {
				setCollectionsKey(key => key + 1);
				break;
			}

			case 'load-databases': {
				setDatabasesKey(key => key + 1);
				break;
			}
		}
	};

	// Keys can arrive faster than frames (a paste, a PTY burst): each key is planned against the state
	// the previous keys led to (the reducer store's, not the last rendered one), so no typed character is lost.
	const onCommand = (command: Command, input: string) => {
		const current = currentState();
		const plan = planCommand(command, input, current, {now: now(), pageSize: Math.max(1, tableHeight(rows) - 2)});
		setNotice(undefined);
		for (const action of plan.actions) {
			dispatch(action);
		}

		for (const effect of plan.effects) {
			run(effect, current);
		}
	};

	useKeys({
		current() {
			const {mode, databases} = currentState();
			return {mode, keyContext: {databases: databases !== undefined}};
		},
		onCommand,
	});
	const theme = useMemo(() => makeTheme({color: config.color, ascii: config.ascii}), [config.color, config.ascii]);
	return (
		<ThemeContext.Provider value={theme}>
			<ClockContext.Provider value={clock}>
				<Screen
					state={state} now={clock.current()} pollTime={() => currentState().poll.lastOkAt}
					columns={columns}
					rows={rows} serverLabel={serverLabel}
					allCollections={config.collections.length > 1 ? config.collections.join(', ') : undefined}
					retryAt={poll.retryAt} notice={notice} eventsOffset={eventsOffset}
					helpOffset={helpOffset} waitLine={waitLine}/>
			</ClockContext.Provider>
		</ThemeContext.Provider>
	);
}

