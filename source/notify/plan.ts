import {isTerminal, type Job} from '../model/jobs/job.js';
import type {JournalRecord} from '../journal/record.js';

export type Notification = {readonly title: string; readonly body: string};

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
When `--notify` speaks: once per watched job that fails, and once when every watched job has
finished, if one was seen unfinished in this run (a start among finished jobs is not news). Watched: the `--wait --job` ids, else every
job the poll listed.
*/
export const createNotifyPlan = (watchedIds: readonly string[] = []) => {
	const watched = (jobId: string): boolean => watchedIds.length === 0 || watchedIds.includes(jobId);
	let armed = false;
	return (records: readonly JournalRecord[], jobs: readonly Job[]): Notification[] => {
		const notes: Notification[] = [];
		for (const record of records) {
			if (record.event === 'failed' && watched(record.jobId)) {
				const collection = record.collection === '' ? '' : ` (${record.collection})`;
				notes.push({title: 'Import job failed', body: `${record.jobId}${collection}: ${record.reason || 'no reason given'}`});
			}
		}

		const mine = jobs.filter(job => watched(job.jobId));
		const finished = mine.length > 0 && mine.every(job => isTerminal(job.state));
		if (!finished) {
			armed = mine.length > 0;
		} else if (armed) {
			armed = false;
			const failed = mine.filter(job => job.state === 'Failed').length;
			notes.push({
				title: 'Import jobs finished',
				body: `all ${plural(mine.length, 'watched job')} finished: ${mine.length - failed} completed, ${failed} failed`,
			});
		}

		return notes;
	};
};
