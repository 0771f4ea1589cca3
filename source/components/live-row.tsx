import {useClockText} from '../hooks/clock.js';
import type {Column} from './columns.js';
import {JobRow, type JobRowData} from './job-row.js';
import {hintText, inStateText} from './rows.js';

/** What a row's clock texts (time in state, "stalled for") are derived from. */
export type RowTimes = {
	readonly stateSince: number;
	/** False: `stateSince` is only a lower bound (the job was there at the first poll), shown `≥12s`. */
	readonly sinceExact: boolean;
	readonly lastChange: number;
	/** When the job counts as stalled; undefined when it cannot stall. */
	readonly stallAt: number | undefined;
	/** The hint while not stalled. */
	readonly hint: string;
};

/** A row as the table is given it: its texts, and the times to keep its clock texts current (none in tests of the bare table). */
export type LiveRowData = JobRowData & {readonly times?: RowTimes};

type LiveRowProps = {
	readonly row: LiveRowData;
	readonly columns: readonly Column[];
	readonly isSelected: boolean;
};

/**
A job row whose clock texts follow the ticking clock on their own: at a tick only the rows whose text
changed re-render (and nothing is drawn when none did), instead of the whole screen every second.
*/
export function LiveRow({row, columns, isSelected}: LiveRowProps) {
	const {times} = row;
	const inState = useClockText(now => (times === undefined ? row.inState : inStateText(times, now)));
	const hint = useClockText(now => (times === undefined ? row.hint : hintText(times, now)));
	const shown = inState === row.inState && hint === row.hint ? row : {...row, inState, hint};
	return <JobRow row={shown} columns={columns} selected={isSelected}/>;
}
