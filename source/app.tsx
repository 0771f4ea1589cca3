import {useCallback, useMemo, useSyncExternalStore} from 'react';
import type {ContextsHub} from './api/contexts-hub.js';
import type {JobActions} from './api/job-actions.js';
import type {ImportClient} from './api/types.js';
import {Screen} from './components/screen.js';
import {ThemeContext} from './components/theme-context.js';
import type {Config} from './config/config.js';
import {useAppStore, type FirstList} from './hooks/use-app-store.js';
import {useBell} from './hooks/use-bell.js';
import {useJournal} from './hooks/use-journal.js';
import type {JournalSnapshot} from './journal/to-model.js';
import {ClockContext, createClock} from './hooks/use-clock.js';
import {useCommands} from './hooks/use-commands.js';
import {useDetailLoader, useListLoaders} from './hooks/use-loaders.js';
import {useDetailFacts} from './hooks/use-detail-facts.js';
import {usePoll} from './hooks/use-poll.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import {useWait, type WaitOptions} from './hooks/use-wait.js';
import {useServerWeights} from './hooks/use-server-weights.js';
import {interruptedReport, type ReportLine} from './modes/wait-report.js';
import {exitCodes} from './modes/exit-codes.js';
import {makeTheme} from './render/theme.js';
import {waitLine} from './render/wait-line.js';
import {actionTarget} from './model/keys/plan-job-action.js';

export type AppProps = {
	readonly client: ImportClient;
	/** Commit and abort. Undefined when off: then `actionsOff` says why (and nothing can send them). */
	readonly actions?: JobActions;
	readonly actionsOff?: 'read-only' | 'unsupported';
	/** Several contexts: why commit/abort are off for this row's context (api/contexts-actions.ts); it replaces `actionsOff`. */
	readonly actionsOffFor?: (jobId: string | undefined) => 'read-only' | 'unsupported' | undefined;
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
	The first list, when it arrived before the screen mounted (cli/main.ts sends the request while Ink loads):
	the first frame shows it and the next poll is one interval after it. Ignored for another scope.
	*/
	readonly firstList?: FirstList;
	/** Several contexts: each one's state, for the header's line and the CONTEXT cells of stale rows. */
	readonly contexts?: ContextsView;
	/** The journal, once read (issue #14): expired-from-history rows and the event log's earlier events. */
	readonly journal?: Promise<JournalSnapshot>;
};

export type ContextsView = Pick<ContextsHub, 'statuses' | 'version' | 'subscribe' | 'names'> & Partial<Pick<ContextsHub, 'wheres' | 'detectVersion' | 'refresh'>>;

const noSubscription = () => () => undefined;
const noVersion = () => 0;

/** The one stateful component: it wires the store, the poll loop, the loaders and the keys to <Screen/>, and keeps no state of its own. */
export function App({
	client, actions, actionsOff, actionsOffFor, config, serverLabel, onExit, now = Date.now, wait, firstList, journal, contexts,
}: AppProps) {
	// Without a client for them, the keys are off whatever the caller said.
	const off = actions === undefined ? (actionsOff ?? 'unsupported') : actionsOff;
	// The ticking clock lives outside the state: the texts that follow it (ages, time in state) subscribe to it
	// themselves, so a tick re-renders only what it changes and the App not at all.
	const clock = useMemo(() => createClock(now), [now]);
	const contextNames = useMemo(() => contexts?.names, [contexts]);
	const {state, dispatch, current} = useAppStore(config, firstList, clock, {isWaiting: wait !== undefined, contexts: contextNames});
	const {columns, rows, reservedColumns} = useTerminalSize();
	const poll = usePoll({
		client, scope: state.scope, paused: state.paused, intervalMs: state.intervalMs, dispatch, now, firstPollAfter: state.poll.lastOkAt,
	});
	const detailJobId = state.mode === 'detail' ? (state.detail?.jobId ?? state.selectedJobId) : undefined;
	useDetailFacts({
		client, state, screenRows: rows, dispatch,
	});
	useDetailLoader({
		client, jobId: detailJobId, dbName: state.scope.dbName, reloadKey: state.poll.lastOkAt, dispatch, now,
	});
	const {collectionsKey, databasesKey} = state.screen;
	useListLoaders({
		client, dbName: state.scope.dbName, context: state.scope.context, collectionsKey, databasesKey, dispatch,
	});
	// A context turning good or bad redraws its rows' marks, even when the poll changed no job.
	useSyncExternalStore(contexts?.subscribe ?? noSubscription, contexts?.version ?? noVersion);
	const waitProgress = useWait(state, wait, onExit);
	useBell(state.failuresSeen, config.bell);
	useJournal(journal, dispatch, now);
	useServerWeights(client, dispatch, contexts, state.poll.lastOkAt);
	// README "Exit codes": the Ctrl-C key exits as a SIGINT would (130); `q` is a normal end (0) of the live
	// screen, but under --wait it is an abort too (the jobs did not finish): `--wait && deploy` must not deploy.
	const onQuit = (interrupted: boolean): void => {
		if (wait === undefined) {
			onExit(interrupted ? exitCodes.interrupted : exitCodes.ok);
		} else {
			onExit(exitCodes.interrupted, interruptedReport(waitProgress));
		}
	};

	// `r` with several contexts: every shown context is polled at once (the hub), and the screen takes their answers.
	const refresh = useCallback(() => {
		contexts?.refresh?.();
		poll.refresh();
	}, [contexts, poll.refresh]); // eslint-disable-line react-hooks/exhaustive-deps
	useCommands({
		current, dispatch, refresh, onQuit, now, columns, rows, actions, actionsOff: off, actionsOffFor,
	});
	// The keys' state for the row they would act on: its own context's, with several.
	const rowOff = actionsOffFor === undefined ? off : actionsOffFor(actionTarget(state));
	const theme = useMemo(() => makeTheme({color: config.color, ascii: config.ascii}), [config.color, config.ascii]);
	return (
		<ThemeContext.Provider value={theme}>
			<ClockContext.Provider value={clock}>
				<Screen
					state={state} now={clock.current()} pollTime={() => current().poll.lastOkAt}
					columns={columns} reservedColumns={reservedColumns} rows={rows}
					serverLabel={serverLabel}
					contexts={contexts?.statuses()} contextStatuses={contexts?.statuses} contextWheres={contexts?.wheres}
					allCollections={config.collections.length > 1 ? config.collections.join(', ') : undefined}
					retryAt={poll.retryAt} notice={state.screen.notice} eventsOffset={state.screen.eventsOffset}
					helpOffset={state.screen.helpOffset} waitLine={waitLine(wait !== undefined, waitProgress)} actionsOff={rowOff}/>
			</ClockContext.Provider>
		</ThemeContext.Provider>
	);
}
