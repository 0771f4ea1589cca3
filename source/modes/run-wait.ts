import type {Job} from '../model/job.js';
import {compileFilter} from '../model/filter.js';
import {
	startWait, stepWait, waitChanges, waitExitCode, waitVerdict, type WaitVerdict,
} from '../model/wait.js';
import {programPrefix, type ModeContext} from './context.js';
import {exitCodes, type ExitCode} from './exit-codes.js';
import {failureLine, fetchJobs, isFatal} from './fetch-jobs.js';
import {formatProgress} from './plain-table.js';

/** One progress line per change, for logs: ISO time, id, collection, state, progress, reason. */
export const progressLine = (at: number, job: Job): string => {
	const time = new Date(at).toISOString().replace(/\.\d+Z$/v, 'Z');
	const reason = job.reason === '' ? '' : `  ${job.reason}`;
	return `${time}  ${job.jobId}  ${job.collectionName || '-'}  ${job.state}  ${formatProgress(job.progress)}${reason}\n`;
};

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The closing message: stdout for success, stderr for what a person must look at. */
const report = (context: ModeContext, verdict: Exclude<WaitVerdict, {readonly kind: 'waiting'}>, polls: number): void => {
	switch (verdict.kind) {
		case 'completed': {
			context.out(`all ${plural(verdict.jobs.length, 'watched job')} completed\n`);
			break;
		}

		case 'nothing': {
			const ignored = verdict.ignored > 0 ? ` (${plural(verdict.ignored, 'finished job')} ignored; use --job ID to wait for a specific one)` : '';
			context.out(`nothing to wait for: no unfinished import jobs match on ${context.config.uri}${ignored}\n`);
			break;
		}

		case 'failed': {
			for (const job of verdict.failed) {
				context.err(`${programPrefix}job ${job.jobId} (${job.collectionName || 'unknown collection'}) failed: ${job.reason || 'no reason given by the server'}\n`);
			}

			break;
		}

		case 'missing': {
			context.err(`${programPrefix}${verdict.jobIds.length === 1 ? 'job' : 'jobs'} ${verdict.jobIds.join(', ')} not listed by ${context.config.uri} in ${plural(polls, 'poll')}`
				+ ' — check the id and --collection/--db; finished jobs are forgotten after ~3 h (Milvus GC)\n');
			break;
		}
	}
};

/**
`--wait` without a terminal. The verdict logic is model/wait.ts (shared with the live screen);
this loop only polls, prints and maps the verdict to an exit code.
*/
export const runWait = async (context: ModeContext, jobIds: readonly string[]): Promise<ExitCode> => {
	const {config} = context;
	const filter = compileFilter({text: config.initialFilter, states: config.initialStates});
	let state = startWait(jobIds);
	let failures = 0;
	while (!context.signal.aborted) {
		// eslint-disable-next-line no-await-in-loop -- polls never overlap
		const result = await fetchJobs(context);
		if (context.signal.aborted) {
			break;
		}

		if (result.ok) {
			failures = 0;
			const next = stepWait(state, result.value, filter);
			const verdict = waitVerdict(next, context.retries);
			if (next.polls === 1 && verdict.kind === 'waiting') {
				const ignored = next.history.size > 0 ? `; ${plural(next.history.size, 'finished job')} ignored` : '';
				context.out(`waiting for ${plural(verdict.total, 'job')} on ${config.uri}${ignored}\n`);
			}

			const at = context.now();
			for (const job of waitChanges(state, next)) {
				context.out(progressLine(at, job));
			}

			state = next;
			if (verdict.kind !== 'waiting') {
				report(context, verdict, state.polls);
				return waitExitCode(verdict);
			}
		} else {
			failures++;
			context.err(`${programPrefix}${failureLine(result.error, config.uri, failures)}\n`);
			if (isFatal(result.error) || failures > context.retries) {
				return exitCodes.unavailable;
			}
		}

		// eslint-disable-next-line no-await-in-loop
		await context.sleep(config.intervalMs, context.signal);
	}

	return exitCodes.interrupted;
};
