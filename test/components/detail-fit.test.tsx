import {describe, expect, test} from 'vitest';
import {DetailView} from '../../source/components/detail-view.js';
import type {JobDetail} from '../../source/model/jobs/job.js';
import {renderFrame} from '../helpers/render.js';

const files = Array.from({length: 3}, (_, index) => ({
	fileName: `part-${index}.parquet`, fileSize: 1024, state: 'Failed', progress: 0, importedRows: 0, totalRows: 100_000, completeTime: '', reason: 'dimension mismatch',
}));

const failed = (reason: string, collectionName = 'books'): JobDetail => ({
	jobId: '454891732197474598',
	collectionName,
	state: 'Failed',
	progress: 0,
	reason,
	importedRows: 0,
	totalRows: 0,
	fileSize: 3 * 1024 * 1024,
	createTime: '2026-11-28T10:00:00Z',
	completeTime: '',
	files,
});

const view = (detail: JobDetail, width: number, height: number): string[] =>
	renderFrame(<DetailView jobId={detail.jobId} job={undefined} detail={detail} isLoading={false} error={undefined} width={width} height={height}/>).split('\n');

describe('the detail view fits its height, line by line', () => {
	test('a reason of thousands of characters stops at 6 lines, ends in …, and the Files table below is whole', () => {
		const lines = view(failed(`failed to read s3://bucket/${'part-0001/'.repeat(400)}x.parquet`), 100, 40);
		const reasonStart = lines.findIndex(line => line.startsWith('Reason'));
		const filesTitle = lines.findIndex(line => line.startsWith('Files (3)'));
		expect(filesTitle - reasonStart).toBe(6);
		expect(lines[filesTitle - 1]!.trimEnd().endsWith('…')).toBe(true);
		expect(lines.filter(line => line.includes('part-2.parquet'))).toHaveLength(1);
	});

	// The body of a 64×10 … 64×13 terminal is 5 … 8 lines.
	test.each([5, 6, 7, 8])('%i lines: the title stays whole on the first line, no two fields share a line, the reason is shown', height => {
		const lines = view(failed('the dim (512) of field \'embedding\' does not match the schema'), 64, height);
		expect(lines.length).toBeLessThanOrEqual(height);
		expect(lines[0]).toBe('Job 454891732197474598  books  ·  Esc to go back');
		expect(lines[1]).toMatch(/^State +✗ Failed$/v);
		expect(lines.some(line => line.startsWith('Reason     the dim (512)'))).toBe(true);
		for (const line of lines.slice(1)) {
			const labels = ['State', 'Progress', 'Rows', 'File size', 'Created', 'Completed', 'Reason', 'Files'].filter(label => line.includes(`${label} `));
			expect(labels.length, line).toBeLessThanOrEqual(1);
		}
	});
});
