import type {Job} from '../model/jobs/job.js';
import {
	startWait, stepWait, waitChanges, waitExitCode, waitVerdict,
} from '../model/jobs/wait.js';
import {compileFilter} from '../model/select/filter.js';
import {retryDelay} from '../api/retry-policy.js';
import {
	pollContexts, reportFailures, type ContextsModeContext, type ContextsPoll,
} from './contexts.js';
import {exitCodes, type ExitCode} from './exit-codes.js';
import {failureExitCode, isFatal} from './fetch-jobs.js';
import {contextsJsonDocument} from './json-document.js';
import {progressLine} from './run-wait.js';
import {selectJobs} from './view.js';
import {verdictReport} from './wait-report.js';

/**
The loop of the watching script modes over several contexts: every context polled at once each round (one
slow cluster costs its own timeout), a failed context one stderr line; refused credentials, or more than
--retries failures in a row of any one context, end it with exit 3 (its jobs could no longer be vouched for).
*/
const pollLoopContexts = async (context: ContextsModeContext, onPoll: (poll: ContextsPoll) => ExitCode | undefined): Promise<ExitCode> => {
	let poll: ContextsPoll | undefined;
	while (!context.signal.aborted) {
		// eslint-disable-next-line no-await-in-loop -- rounds never overlap
		poll = await pollContexts(context, poll, false);
		if (context.signal.aborted) {
			break;
		}

		reportFailures(context, poll);
		const fatal = poll.statuses.find(status => status.error !== undefined && (isFatal(status.error) || status.failures > context.retries));
		if (fatal?.error !== undefined) {
			return failureExitCode(fatal.error);
		}

		const code = onPoll(poll);
		if (code !== undefined) {
			return code;
		}

		// eslint-disable-next-line no-await-in-loop -- the round waits as long as its most struggling context asks (api/retry-policy.ts)
		await context.sleep(Math.max(...poll.statuses.map(status => retryDelay(context.config.intervalMs, status.struggles, status.error))), context.signal);
	}

	return exitCodes.interrupted;
};

/** `--json --watch` over several contexts: one line per round, each job with its context, each context's status. */
export const runJsonWatchContexts = async (context: ContextsModeContext): Promise<ExitCode> => pollLoopContexts(context, poll => {
	const at = context.now();
	context.out(`${JSON.stringify(contextsJsonDocument(selectJobs(poll.jobs, context.config, at), poll, at))}\n`);
	return undefined;
});

/** A job of several contexts as `--wait` names it: `context/jobId` (the same id on two clusters is two jobs). */
export const waitName = (job: Job): Job => ({...job, jobId: `${job.context ?? ''}/${job.jobId}`});

/** `--wait` over several contexts: waits for the watched jobs of all of them; `--job` ids are `context/jobId`. */
export const runWaitContexts = async (context: ContextsModeContext, jobIds: readonly string[]): Promise<ExitCode> => {
	const {config} = context;
	const filter = compileFilter({text: config.initialFilter, states: config.initialStates});
	const where = `contexts ${context.contexts.map(server => server.name).join(', ')}`;
	let state = startWait(jobIds);
	return pollLoopContexts(context, poll => {
		const next = stepWait(state, poll.jobs.map(job => waitName(job)), filter);
		const verdict = waitVerdict(next, context.retries);
		if (next.polls === 1 && verdict.kind === 'waiting') {
			context.out(`waiting for ${verdict.total} job${verdict.total === 1 ? '' : 's'} on ${where}\n`);
		}

		const at = context.now();
		for (const job of waitChanges(state, next)) {
			context.out(progressLine(at, job));
		}

		state = next;
		if (verdict.kind === 'waiting') {
			return undefined;
		}

		for (const line of verdictReport(verdict, state.polls, where)) {
			context[line.stream](line.text);
		}

		return waitExitCode(verdict);
	});
};
