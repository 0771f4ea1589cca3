import {describe, expect, test} from 'vitest';
import {JobTable} from '../../source/components/job-table.js';
import type {JobRowData} from '../../source/render/row-texts.js';
import {ProgressBar} from '../../source/components/progress-bar.js';
import {width} from '../../source/render/cells.js';
import {renderFrame} from '../helpers/render.js';

const row = (jobId: string, more: Partial<JobRowData> = {}): JobRowData => ({
	jobId,
	collectionName: 'books',
	state: 'Importing',
	progress: 50,
	hint: '2.0%/m 10m00s',
	inState: '2m',
	reason: '',
	changed: false,
	gone: undefined,
	...more,
});

const table = (rows: readonly JobRowData[], selectedIndex = 0, cols = 100) => (
	<JobTable rows={rows} selectedIndex={selectedIndex} height={rows.length + 1} width={cols} sort={{column: 'progress', reverse: true}} emptyText='no import jobs'/>
);

describe('ProgressBar', () => {
	test('bar and right-aligned percent in exactly the width', () => {
		expect(renderFrame(<ProgressBar progress={47} width={15}/>)).toBe('████▋·····  47%');
		expect(renderFrame(<ProgressBar progress={47} width={15}/>, {ascii: true})).toBe('####------  47%');
		expect(renderFrame(<ProgressBar progress={undefined} width={10}/>)).toBe('·····   ?%');
	});
});

describe('JobTable', () => {
	test('one dense line per row, no rules, titles with the sort arrow', () => {
		const lines = renderFrame(table([row('454891732197474512'), row('454891732197474580', {
			state: 'Failed', progress: 0, reason: 'import timeout', hint: '',
		})])).split('\n');
		expect(lines).toHaveLength(3);
		expect(lines[0]).toMatch(/^ {2}STATE +JOB ID +COLLECTION +PROGRESS▼ +RATE\/ETA +IN STATE +REASON/v);
		expect(lines[1]).toMatch(/^► ◐ Importing +454891732197474512 books +[█▌·]+ +50% 2\.0%\/m 10m00s +2m/v);
		expect(lines[2]).toMatch(/^ {2}✗ Failed +454891732197474580 books +·+ +0% +2m import timeout/v);
	});

	test('ASCII mode: no character outside ASCII', () => {
		const frame = renderFrame(table([row('1', {state: 'Completed', progress: 100, changed: true}), row('2')], 1), {ascii: true});
		expect(frame).toMatch(/^[\u0000-\u007F]*$/v);
		expect(frame).toContain(' *+ Completed');
		expect(frame).toContain('> > Importing');
	});

	test('a row whose state just changed is marked', () => {
		expect(renderFrame(table([row('1', {changed: true})], -1))).toMatch(/\n •◐ Importing/v);
	});

	test('wide characters and long texts are cut to the cell, every line fits the width', () => {
		const rows = [
			row('1', {collectionName: '书籍收藏集合书籍收藏集合书籍收藏集合书籍收藏集合', reason: '失败'.repeat(50)}),
			row('2', {collectionName: 'a'.repeat(80), reason: 'x'.repeat(300)}),
		];
		for (const cols of [64, 80, 120]) {
			for (const line of renderFrame(table(rows, 0, cols)).split('\n')) {
				expect(width(line)).toBeLessThanOrEqual(cols);
			}
		}

		expect(renderFrame(table(rows, 0, 100))).toContain('…');
	});

	test('gone jobs say so in the hint column', () => {
		expect(renderFrame(table([row('1', {gone: 'expired', state: 'Completed'})]))).toMatch(/Completed .* expired/v);
	});

	test('empty', () => {
		expect(renderFrame(<JobTable rows={[]} selectedIndex={-1} height={3} width={80} sort={{column: 'jobId', reverse: false}} emptyText='no jobs match the filter'/>))
			.toContain('no jobs match the filter');
	});
});
