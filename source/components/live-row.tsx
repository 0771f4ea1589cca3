import {memo} from 'react';
import {useClockText} from '../hooks/use-clock.js';
import type {Column} from '../render/columns.js';
import {
	hintText, inStateText, type LiveRowData, type RowTimes,
} from '../render/row-texts.js';
import {JobRow, sameRow} from './job-row.js';

type LiveRowProps = {
	readonly row: LiveRowData;
	readonly columns: readonly Column[];
	readonly isSelected: boolean;
};

const sameTimes = (a: RowTimes | undefined, b: RowTimes | undefined): boolean => {
	if (a === undefined || b === undefined) {
		return a === b;
	}

	return a.stateSince === b.stateSince && a.sinceExact === b.sinceExact && a.lastChange === b.lastChange && a.stallAt === b.stallAt && a.hint === b.hint;
};

/**
A job row whose clock texts follow the ticking clock on their own: at a tick only the rows whose text
changed re-render (and nothing is drawn when none did), instead of the whole screen every second.
Memoized on what it prints and the times its clock texts come from (the table builds every row anew
at each poll): a poll that moves three jobs re-renders three rows, not every row on the screen.
*/
export const LiveRow = memo(({row, columns, isSelected}: LiveRowProps) => {
	const {times} = row;
	const inState = useClockText(now => (times === undefined ? row.inState : inStateText(times, now)));
	const hint = useClockText(now => (times === undefined ? row.hint : hintText(times, now)));
	const shown = inState === row.inState && hint === row.hint ? row : {...row, inState, hint};
	return <JobRow row={shown} columns={columns} selected={isSelected}/>;
}, (before, after) => before.isSelected === after.isSelected && before.columns === after.columns && sameRow(before.row, after.row) && sameTimes(before.row.times, after.row.times));
