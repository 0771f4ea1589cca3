import {describe, expect, test} from 'vitest';
import {historyJobs, recordEvent} from '../../source/journal/to-model.js';
import type {JournalRecord} from '../../source/journal/record.js';
import {record} from './helpers.js';

const index = (...records: JournalRecord[]): Map<string, JournalRecord> => new Map(records.map(item => [`${item.cluster}|${item.db}|${item.jobId}`, item]));

describe('the journal on the live screen', () => {
	test('jobs the server no longer lists, in this scope only, as expired or lost', () => {
		const known = index(
			record({
				jobId: '1', event: 'completed', state: 'Completed', progress: 100,
			}),
			record({
				jobId: '2', event: 'expired', state: 'Failed', reason: 'bad row',
			}),
			record({
				jobId: '3', event: 'state', state: 'Importing', progress: 40,
			}),
			record({jobId: '4', event: 'state', state: 'Importing'}),
			record({
				jobId: '5', db: 'sales', event: 'completed', state: 'Completed',
			}),
			record({
				jobId: '6', cluster: 'http://other:19530', event: 'completed', state: 'Completed',
			}),
			record({
				jobId: '7', collection: 'movies', event: 'completed', state: 'Completed',
			}),
		);
		const jobs = historyJobs(known, {cluster: 'http://localhost:19530', db: '', collections: ['books']}, jobId => jobId === '4');
		expect(jobs.map(job => [job.jobId, job.state, job.gone, job.reason])).toEqual([
			['1', 'Completed', 'expired', ''],
			['2', 'Failed', 'expired', 'bad row'],
			['3', 'Importing', 'lost', ''],
		]);
		expect(historyJobs(known, {cluster: 'http://localhost:19530', db: '', collections: []}, () => false)).toHaveLength(5);
	});

	test('records become the event log\'s events, with the model\'s details', () => {
		expect(recordEvent(record({event: 'failed', state: 'Failed', reason: 'x'}))).toEqual({
			at: 1_765_000_000_000, kind: 'failed', jobId: '454891732197474512', collectionName: 'books', detail: 'x',
		});
		expect(recordEvent(record({event: 'state', state: 'Importing'})).detail).toBe('Importing');
		expect(recordEvent(record({event: 'completed', state: 'Completed'})).detail).toBe('');
	});
});
