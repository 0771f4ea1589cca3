import type {SortColumn} from '../model/jobs/types.js';

/**
How the job table's width is shared out. Pure, so the layout at every terminal width is testable.
Required columns come first (from 100 columns on, the bar at 10 cells counts as required: a 5-cell bar
says little); reason (why a job failed), hint and age are added while there is room, in that order;
what is left widens collection, the reason (to 40), the bar (to 30), then the reason.
*/

export type ColumnId = 'context' | 'state' | 'jobId' | 'collection' | 'progress' | 'hint' | 'age' | 'reason';
export type Column = {readonly id: ColumnId; readonly width: number};

/** Pointer + changed mark before the first column. */
export const prefixWidth = 2;
export const gap = 1;
/** `✗ Uncommitted`: glyph, space, the longest known state. */
export const stateWidth = 13;
const minCollection = 10;
const maxCollection = 32;
/** Narrow terminals: a 5-cell bar and the percent. */
const minProgress = 10;
/** From `roomyFrom` columns on the bar gets at least 10 cells (plus a space and the percent), before any optional column. */
const roomyProgress = 15;
const roomyFrom = 100;
const maxProgress = 30;
/** The reason grows to this first (it says why a job failed), then the bar to its max, then the reason again. */
const firstReason = 40;
const hintWidth = 14;
const ageWidth = 8;
const minReason = 12;

/** `context`: the longest context name; 0 when one server is watched (no CONTEXT column). */
export type ContentWidths = {readonly jobId: number; readonly collection: number; readonly context?: number};

export const layoutColumns = (total: number, content: ContentWidths): readonly Column[] => {
	// 25: a Zilliz Cloud id (`job-` and 21 characters) whole; Milvus' are 18–19 digits.
	const idWidth = Math.min(Math.max(content.jobId, 7), 25);
	const context = content.context ?? 0;
	const widths = new Map<ColumnId, number>([
		// Room for ` stale` after the name (a context whose poll failed).
		...(context > 0 ? [['context', Math.min(Math.max(context + 6, 7), 22)] as const] : []),
		['state', stateWidth],
		['jobId', idWidth],
		['collection', minCollection],
		['progress', total >= roomyFrom ? roomyProgress : minProgress],
	]);
	const used = () => prefixWidth + [...widths.values()].reduce((sum, w) => sum + w + gap, 0) - gap;
	for (const [id, width] of [['reason', minReason], ['hint', hintWidth], ['age', ageWidth]] as const) {
		if (used() + gap + width <= total) {
			widths.set(id, width);
		}
	}

	const grow = (id: ColumnId, limit: number) => {
		const current = widths.get(id);
		if (current !== undefined) {
			widths.set(id, current + Math.max(0, Math.min(limit - current, total - used())));
		}
	};

	grow('collection', Math.min(maxCollection, Math.max(minCollection, content.collection)));
	grow('reason', firstReason);
	grow('progress', maxProgress);
	grow('reason', Number.POSITIVE_INFINITY);
	grow('progress', Number.POSITIVE_INFINITY);
	const order: readonly ColumnId[] = ['context', 'state', 'jobId', 'collection', 'progress', 'hint', 'age', 'reason'];
	return order.flatMap(id => {
		const width = widths.get(id);
		return width === undefined ? [] : [{id, width}];
	});
};

export const columnTitles: Readonly<Record<ColumnId, string>> = {
	context: 'CONTEXT',
	state: 'STATE',
	jobId: 'JOB ID',
	collection: 'COLLECTION',
	progress: 'PROGRESS',
	hint: 'RATE/ETA',
	age: 'IN STATE',
	reason: 'REASON',
};

/** Which column shows the sort key. */
export const sortColumnId: Readonly<Record<SortColumn, ColumnId>> = {
	state: 'state',
	progress: 'progress',
	jobId: 'jobId',
	collection: 'collection',
	rate: 'hint',
	age: 'age',
};
