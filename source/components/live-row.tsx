import {useClockText} from '../hooks/use-clock.js';
import type {Column} from '../render/columns.js';
import {hintText, inStateText, type LiveRowData} from '../render/row-texts.js';
import {JobRow} from './job-row.js';

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
