import type {ApiError} from '../api/types.js';
import type {WaitVerdict} from '../model/jobs/wait.js';
import {programPrefix} from './context.js';
import {failureLine} from './fetch-jobs.js';

/**
The closing lines of `--wait`, shared by the script mode (printed as it ends) and the live screen
(printed after the terminal is restored, so the reason is not lost with the alternate screen).
stdout for success, stderr for what a person must look at.
*/
export type ReportLine = {readonly stream: 'out' | 'err'; readonly text: string};

export type FinishedVerdict = Exclude<WaitVerdict, {readonly kind: 'waiting'}>;

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

export const verdictReport = (verdict: FinishedVerdict, polls: number, uri: string): readonly ReportLine[] => {
	switch (verdict.kind) {
		case 'completed': {
			return [{stream: 'out', text: `all ${plural(verdict.jobs.length, 'watched job')} completed\n`}];
		}

		case 'nothing': {
			const ignored = verdict.ignored > 0 ? ` (${plural(verdict.ignored, 'finished job')} ignored; use --job ID to wait for a specific one)` : '';
			return [{stream: 'out', text: `nothing to wait for: no unfinished import jobs match on ${uri}${ignored}\n`}];
		}

		case 'failed': {
			return verdict.failed.map(job => ({
				stream: 'err',
				text: `${programPrefix}job ${job.jobId} (${job.collectionName || 'unknown collection'}) failed: ${job.reason || 'no reason given by the server'}\n`,
			}));
		}

		case 'missing': {
			return [{
				stream: 'err',
				text: `${programPrefix}${verdict.jobIds.length === 1 ? 'job' : 'jobs'} ${verdict.jobIds.join(', ')} not listed by ${uri} in ${plural(polls, 'poll')}`
					+ ' — check the id and --collection/--db; finished jobs are forgotten after ~3 h (Milvus GC)\n',
			}];
		}
	}
};

/** Why the wait gave up on the server (exit 3): the last error, what was tried, how often. */
export const unavailableReport = (error: ApiError, uri: string, failures: number): readonly ReportLine[] => [
	{stream: 'err', text: `${programPrefix}${failureLine(error, uri, failures)}\n`},
];

/** `q` or Ctrl-C during --wait on a terminal (exit 130): what was left unfinished. */
export const interruptedReport = (progress: {readonly done: number; readonly total: number} | undefined): readonly ReportLine[] => [{
	stream: 'err',
	text: `${programPrefix}interrupted${progress === undefined ? ' before the first poll' : `: ${progress.done} of ${plural(progress.total, 'watched job')} finished`}\n`,
}];
