import {describe, expect, test} from 'vitest';
import {layoutColumns} from '../../source/render/columns.js';
import {JobTable} from '../../source/components/job-table.js';
import type {JobRowData} from '../../source/render/row-texts.js';
import {percentWidth} from '../../source/render/format.js';
import {renderFrame} from '../helpers/render.js';

/** Cells of the bar itself: the progress column less a space and the percent. */
const barCells = (total: number, content: {jobId: number; collection: number}): number => {
	const progress = layoutColumns(total, content).find(column => column.id === 'progress');
	return (progress?.width ?? 0) - percentWidth - 1;
};

describe('the progress bar has room from 100 columns on', () => {
	// Milvus ids are 18 digits; collection names from short to the 32-cell cap.
	const contents = [{jobId: 18, collection: 5}, {jobId: 18, collection: 11}, {jobId: 18, collection: 32}, {jobId: 24, collection: 32}];

	test.each(contents)('at least 10 cells at 100–140 columns (%o)', content => {
		for (let total = 100; total <= 140; total++) {
			expect(barCells(total, content), `${total} columns`).toBeGreaterThanOrEqual(10);
		}
	});

	test('below 100 columns the narrow layout stands: required columns first, a 5-cell bar', () => {
		expect(barCells(90, {jobId: 18, collection: 11})).toBe(5);
		const ids = layoutColumns(100, {jobId: 24, collection: 32}).map(column => column.id);
		expect(ids.slice(0, 4)).toEqual(['state', 'jobId', 'collection', 'progress']);
	});

	test('the reason still grows first once the bar has its 10 cells', () => {
		const reason = (total: number) => layoutColumns(total, {jobId: 18, collection: 11}).find(column => column.id === 'reason')?.width;
		expect(reason(120)).toBeGreaterThan(reason(100)!);
		expect(barCells(120, {jobId: 18, collection: 11})).toBe(10);
	});

	test('a rendered row at 110 columns draws a 10-cell bar', () => {
		const row: JobRowData = {
			jobId: '454891732197474512', collectionName: 'books', state: 'Importing', progress: 50, hint: '', inState: '1s', reason: 'x', changed: false, gone: undefined,
		};
		const frame = renderFrame(<JobTable rows={[row]} selectedIndex={0} height={2} width={110} sort={{column: 'jobId', reverse: false}} emptyText=''/>);
		expect(frame.split('\n')[1]).toContain('█████·····  50%');
	});
});
