import {useState} from 'react';
import {Box} from 'ink';
import {describeError} from '../api/errors.js';
import type {KeyContext} from '../model/keys/keymap.js';
import {availabilityOf, blockedKeys} from '../model/keys/job-action-rules.js';
import {confirmPrompt} from '../render/job-action-prompt.js';
import {footerLines} from '../render/notice-lines.js';
import {
	countsByState, historyJob, overallCoverage, overallProgress, pickerEntries, selectedIndex, visibleJobs, visibleWindow,
} from '../model/select/select.js';
import type {AppState} from '../model/store/state.js';
import {contentWidths} from '../render/content-widths.js';
import {detailError} from '../render/detail-error.js';
import {emptyText} from '../render/empty-text.js';
import {minColumns, minRows, tableHeight} from '../render/layout.js';
import {toRow} from '../render/row-texts.js';
import {summaryLine} from '../render/summary-line.js';
import type {HubStatus} from '../api/contexts-hub.js';
import {contextsLine, staleContexts} from '../render/contexts-line.js';
import {whereShown, type ContextWhere} from '../render/contexts-where.js';
import {DetailView} from './detail-view.js';
import {EventLog} from './event-log.js';
import {Footer} from './footer.js';
import {HelpOverlay} from './help-overlay.js';
import {JobTable} from './job-table.js';
import {LiveHeader} from './live-header.js';
import {Picker} from './picker.js';
import {ContextsPicker} from './contexts-picker.js';
import {useTheme} from './theme-context.js';
import {TooSmall} from './too-small.js';

export type ScreenProps = {
	readonly state: AppState;
	readonly now: number;
	readonly columns: number;
	readonly rows: number;
	/** Columns the terminal has beyond `columns` that the screen never draws in (tui-stream.ts): the size check is the terminal's. */
	readonly reservedColumns?: number;
	readonly serverLabel: string;
	/** Several contexts: their states, for the header's line (render/contexts-line.ts) and the stale rows' CONTEXT cells. */
	readonly contexts?: readonly HubStatus[];
	/** Several contexts: their states as of now, for the context picker (`:`), which reads them at every clock tick. */
	readonly contextStatuses?: () => readonly HubStatus[];
	/** Several contexts: each one's own database and collections, for the header (render/contexts-where.ts). */
	readonly contextWheres?: readonly ContextWhere[];
	/** What "all collections" means with several --collection: their names. */
	readonly allCollections?: string;
	/** When the next try is due while polls fail. */
	readonly retryAt: number | undefined;
	readonly notice: string | undefined;
	readonly eventsOffset: number;
	/** First line of the help overlay (it scrolls when the keys do not fit). */
	readonly helpOffset?: number;
	/** `--wait` on a TTY: how far the wait is, shown before the summary. */
	readonly waitLine?: string;
	/** The newest good poll, which may be newer than `state`'s when a poll changed nothing shown (use-quiet-reducer). */
	readonly pollTime?: () => number | undefined;
	/** Commit/abort switched off for the session: `--read-only`, or a connection without those routes. */
	readonly actionsOff?: 'read-only' | 'unsupported';
};

/** The whole frame for one state: header, the view of the current mode, footer. */
export function Screen({
	state, now, columns, reservedColumns = 0, rows, serverLabel, contexts, contextStatuses, contextWheres, allCollections,
	retryAt, notice, eventsOffset, helpOffset = 0, waitLine, pollTime, actionsOff,
}: ScreenProps) {
	const theme = useTheme();
	const all = visibleJobs(state);
	const widths = contentWidths(state.jobs);
	// The first visible row, remembered so the page only scrolls when the selection leaves it.
	const [top, setTop] = useState(0);
	const selected = selectedIndex(state);
	const bodyHeight = tableHeight(rows, footerLines(state.mode === 'confirm' ? undefined : notice, columns));
	const window = visibleWindow(all.length, selected, bodyHeight - 1, top);
	if (window.start !== top) {
		setTop(window.start);
	}

	if (columns + reservedColumns < minColumns || rows < minRows) {
		return <TooSmall columns={columns + reservedColumns} rows={rows} minColumns={minColumns} minRows={minRows}/>;
	}

	const jobActions = availabilityOf(actionsOff, state.jobActionsMissing);
	const keyContext: KeyContext = {databases: state.databases !== undefined, contexts: state.contexts !== undefined, jobActions};
	const view = state.mode === 'confirm' ? state.previousMode : state.mode;
	const target = view === 'detail' ? state.jobs.get(state.detail?.jobId ?? state.selectedJobId ?? '') : state.jobs.get(state.selectedJobId ?? '');
	const {confirm} = state;
	const {poll} = state;
	const failing = poll.lastError !== undefined && poll.consecutiveFailures > 0;
	// Several contexts: each shown one's own database and collections, or that they differ.
	const where = contextWheres === undefined ? undefined : whereShown(contextWheres, state.scope);
	const header = (
		<LiveHeader
			width={columns}
			serverLabel={state.scope.context === undefined ? serverLabel : `context ${state.scope.context} (${serverLabel})`}
			dbName={where === undefined ? state.scope.dbName : where.db}
			collectionName={where === undefined ? (state.scope.collectionName ?? allCollections) : where.collections}
			intervalMs={state.intervalMs}
			lastOkAt={pollTime ?? (() => poll.lastOkAt)}
			isPaused={state.paused}
			error={failing ? describeError(poll.lastError.error) : undefined}
			retryAt={failing ? retryAt : undefined}
			counts={countsByState(state)}
			overallProgress={overallProgress(state)}
			overallCoverage={overallCoverage(state)}
			failuresSeen={state.failuresSeen}
			summary={at => [contexts === undefined ? undefined : contextsLine(contexts, at), waitLine, summaryLine(state, all.length, at)].filter(part => part !== undefined).join(' · ')}
		/>
	);
	const body = () => {
		switch (view) {
			case 'detail': {
				const {detail} = state;
				const jobId = detail?.jobId ?? state.selectedJobId ?? '';
				const error = detail?.result?.ok === false ? detailError(detail.result.error, state.jobs.get(jobId) ?? historyJob(state, jobId)) : undefined;
				return (
					<DetailView
						jobId={jobId} job={state.jobs.get(jobId)} tracked={state.jobs.get(jobId)}
						detail={detail?.lastGood}
						isLoading={detail?.result === undefined}
						error={error} width={columns} height={bodyHeight}/>
				);
			}

			case 'help': {
				return <HelpOverlay keyContext={keyContext} width={columns} height={bodyHeight} offset={helpOffset}/>;
			}

			case 'events': {
				return <EventLog events={state.events} offset={eventsOffset} width={columns} height={bodyHeight} earlierBefore={state.journal.earlierBefore}/>;
			}

			case 'collections':
			case 'databases': {
				const picker = view === 'collections' ? state.collections : state.databases;
				const entries = pickerEntries(state, view);
				const current = view === 'collections' ? (state.scope.collectionName ?? entries[0]?.label) : state.scope.dbName;
				return (
					<Picker
						title={view === 'collections' ? 'Collections' : 'Databases'}
						items={entries.map(entry => entry.label)} isLoading={picker?.items === undefined && picker?.error === undefined}
						error={picker?.error === undefined ? undefined : describeError(picker.error)}
						highlighted={picker?.highlighted ?? 0} current={current} width={columns}
						height={bodyHeight}/>
				);
			}

			case 'contexts': {
				return (
					<ContextsPicker
						statuses={contextStatuses ?? (() => contexts ?? [])} highlighted={state.contexts?.highlighted ?? 0}
						current={state.scope.context} width={columns} height={bodyHeight}
						command={state.screen.command}/>
				);
			}

			case 'list':
			case 'filter':
			case 'confirm': {
				const stale = staleContexts(contexts);
				const windowRows = all.slice(window.start, window.end).map(job => {
					const row = toRow(job, state, now);
					return job.context !== undefined && stale.has(job.context) ? {...row, stale: true} : row;
				});
				return (
					<JobTable
						rows={windowRows} selectedIndex={selected - window.start} height={bodyHeight}
						width={columns}
						sort={state.sort} contentWidths={widths}
						emptyText={emptyText(state, theme.loading)}/>
				);
			}
		}
	};

	return (
		<Box flexDirection='column' height={rows - 1} width={columns}>
			{header}
			{body()}
			<Footer
				mode={state.mode} keyContext={keyContext} width={columns}
				filterText={state.filter.text}
				notice={state.mode === 'confirm' ? undefined : notice}
				prompt={confirm === undefined ? undefined : confirmPrompt(confirm.action, confirm.jobId, confirm.collectionName, columns)}
				disabled={blockedKeys(target, jobActions)}/>
		</Box>
	);
}
