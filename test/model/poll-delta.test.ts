import {expect, test} from 'vitest';
import {mergePoll} from '../../source/model/jobs/history.js';
import {deltaOf} from '../../source/model/jobs/poll-delta.js';
import type {Job} from '../../source/model/jobs/job.js';

const job = (jobId: string, progress: number): Job => ({
	jobId, collectionName: 'books', state: 'Importing', progress, reason: '',
});
const options = (at: number) => ({
	at, previousAt: at - 1000, stallAfterMs: 600_000, goneKeepMs: 300_000,
});

test('only the newest map keeps its delta, so maps do not keep every earlier map alive', () => {
	const first = mergePoll(new Map(), [job('1', 10), job('2', 10)], {...options(1000), previousAt: undefined}).jobs;
	const second = mergePoll(first, [job('1', 11), job('2', 10)], options(2000)).jobs;
	expect(deltaOf(second)?.from).toBe(first);
	const third = mergePoll(second, [job('1', 12), job('2', 10)], options(3000)).jobs;
	expect(deltaOf(third)?.from).toBe(second);
	expect(deltaOf(second)).toBeUndefined();
});
