import {Box, Text} from 'ink';
import {fit} from '../render/cells.js';
import {formatDuration, formatInterval} from '../render/format.js';
import {updatedText} from '../render/header-age.js';
import {countsLayout} from '../render/header-counts.js';
import {headerHeight} from '../render/layout.js';
import {ProgressBar} from './progress-bar.js';
import {useTheme} from './theme-context.js';

export type StateCount = {readonly state: string; readonly count: number};

export type HeaderProps = {
	readonly width: number;
	/** The server URL, without credentials (the CLI builds it). */
	readonly serverLabel: string;
	readonly dbName: string | undefined;
	/** Undefined: all collections. */
	readonly collectionName: string | undefined;
	readonly intervalMs: number;
	/** Since the last good poll; undefined before the first. */
	readonly lastOkAgeMs: number | undefined;
	readonly isPaused: boolean;
	/** One line from describeError when the last poll failed: the rows below are stale. */
	readonly error: string | undefined;
	/** The next try, while failing (back-off). */
	readonly retryInMs: number | undefined;
	readonly counts: readonly StateCount[];
	readonly overallProgress: number | undefined;
	/** The overall progress covers only some jobs (their progress is still being fetched): how many. */
	readonly overallCoverage?: {readonly known: number; readonly of: number};
	readonly failuresSeen: number;
	/** Line 3 when all is well: what is shown, filter, states, sort. */
	readonly summary: string;
};

/** Three lines: where and how often; counts and overall progress; then either the error or what is shown. */
export function Header(props: HeaderProps) {
	const theme = useTheme();
	const {width} = props;
	// Before any good poll: "waiting" only while nothing has failed yet; after a failure the line below says why.
	const firstPoll = props.error === undefined ? 'waiting for first poll' : 'no good poll yet';
	const updated = props.lastOkAgeMs === undefined ? firstPoll : updatedText(props.lastOkAgeMs, props.intervalMs, props.error !== undefined);
	const scope = props.collectionName ?? 'all collections';
	const where = `${props.serverLabel}  db ${props.dbName ?? 'default'}  ${scope}  every ${formatInterval(props.intervalMs)}  ${updated}`;
	const banner = props.isPaused ? ' PAUSED ' : '';
	const failures = `failures seen ${props.failuresSeen}`;
	const none = props.lastOkAgeMs === undefined ? 'no data yet' : 'no jobs';
	const countsText = (labels: boolean): string => props.counts.length === 0
		? none
		: props.counts.map(({state, count}) => {
			const look = theme.state(state);
			return labels ? `${look.glyph} ${look.label} ${count}` : `${look.glyph} ${count}`;
		}).join('  ');
	// The overall progress covers only some jobs while their progress is being fetched: it says how many.
	const coverage = props.overallCoverage === undefined ? '' : ` (${props.overallCoverage.known} of ${props.overallCoverage.of} known)`;
	const layout = countsLayout(countsText(true), countsText(false), failures, width - coverage.length);
	const stale = ` STALE ${props.lastOkAgeMs === undefined ? '' : formatDuration(props.lastOkAgeMs) + ' '}`;
	const retry = props.retryInMs === undefined ? '' : ` retry in ${formatDuration(props.retryInMs)} ·`;
	return (
		<Box flexDirection='column' height={headerHeight}>
			<Text wrap='truncate'>
				<Text bold color={theme.tone('header')}>{fit(where, Math.max(0, width - banner.length))}</Text>
				<Text inverse bold color={theme.tone('paused')}>{banner}</Text>
			</Text>
			<Text wrap='truncate'>
				{fit(layout.counts, Math.max(0, width - 10 - layout.barWidth - coverage.length - (layout.showFailures ? failures.length + 2 : 0)), 'left', theme.ellipsis)}
				{'  overall '}
				<ProgressBar progress={props.overallProgress} width={layout.barWidth}/>
				<Text color={theme.tone('muted')}>{coverage}</Text>
				{layout.showFailures ? '  ' : ''}
				{layout.showFailures ? <Text color={props.failuresSeen > 0 ? theme.tone('error') : undefined}>{failures}</Text> : null}
			</Text>
			{props.error === undefined
				? <Text wrap='truncate' color={theme.tone('muted')}>{fit(props.summary, width, 'left', theme.ellipsis)}</Text>
				: (
					<Text wrap='truncate'>
						<Text inverse bold color={theme.tone('stale')}>{stale}</Text>
						<Text color={theme.tone('error')}>{fit(retry + ' ' + props.error, width - stale.length, 'left', theme.ellipsis)}</Text>
					</Text>
				)}
		</Box>
	);
}
