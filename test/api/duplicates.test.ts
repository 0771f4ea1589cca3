import {expect, test} from 'vitest';
import {mergeDuplicates} from '../../source/api/duplicates.js';
import type {Job} from '../../source/model/jobs/job.js';

const job = (jobId: string, state: string, progress: number | undefined): Job => ({
	jobId, collectionName: 'books', state, progress, reason: '',
});

test('one record per id: the one further along wins, wherever it sits in the reply', () => {
	const stale = job('1', 'Importing', 80);
	const done = job('1', 'Completed', 100);
	expect(mergeDuplicates([stale, job('2', 'Pending', 0), done])).toEqual([done, job('2', 'Pending', 0)]);
	expect(mergeDuplicates([done, job('2', 'Pending', 0), stale])).toEqual([done, job('2', 'Pending', 0)]);
});

test.each([
	[job('1', 'Pending', 5), job('1', 'Importing', 12)],
	[job('1', 'Importing', 40), job('1', 'Importing', 41)],
	[job('1', 'Importing', undefined), job('1', 'Importing', 0)],
	[job('1', 'Importing', 99), job('1', 'Uncommitted', 99)],
	[job('1', 'Uncommitted', 99), job('1', 'Committing', 99)],
	[job('1', 'Committing', 99), job('1', 'Failed', 0)],
	[job('1', 'None', 0), job('1', 'Pending', 0)],
	[job('1', 'Failed', 0), job('1', 'Completed', 100)],
])('%j loses to %j, in either order', (behind, ahead) => {
	expect(mergeDuplicates([behind, ahead])).toEqual([ahead]);
	expect(mergeDuplicates([ahead, behind])).toEqual([ahead]);
});

test('a full tie keeps the first; no duplicates: the same list', () => {
	const first = {...job('1', 'Importing', 50), reason: 'first'};
	expect(mergeDuplicates([first, {...first, reason: 'second'}])).toEqual([first]);
	const distinct = [job('1', 'Importing', 1), job('2', 'Importing', 2)];
	expect(mergeDuplicates(distinct)).toEqual(distinct);
});
