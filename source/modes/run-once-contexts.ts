import {programPrefix} from './context.js';
import {
	pollContexts, reportFailures, type ContextsModeContext, type ContextsPoll,
} from './contexts.js';
import {exitCodes, type ExitCode} from './exit-codes.js';
import {failureExitCode} from './fetch-jobs.js';
import {contextsJsonDocument} from './json-document.js';
import {formatPlainTable} from './plain-table.js';
import {selectJobs} from './view.js';

/**
`--once` / `--json` over several contexts: every context asked at once (each with its retries); the table gets
a CONTEXT column, the document a "context" per job and every context's status. A context that cannot be used
is one stderr line and exit 3, but the others' jobs are still printed: one cluster down blanks nothing else.
*/
export const runOnceContexts = async (context: ContextsModeContext, format: 'plain' | 'json'): Promise<ExitCode> => {
	const poll = await pollContexts(context, undefined, true);
	if (context.signal.aborted) {
		return exitCodes.interrupted;
	}

	const at = context.now();
	const jobs = selectJobs(poll.jobs, context.config, at);
	if (format === 'json') {
		context.out(`${JSON.stringify(contextsJsonDocument(jobs, poll, at), undefined, 2)}\n`);
	} else {
		context.out(formatPlainTable(jobs, true));
	}

	reportFailures(context, poll);
	if (format === 'plain' && jobs.length === 0) {
		const narrowed = poll.jobs.length > 0 ? ` match the filters (${poll.jobs.length} hidden)` : '';
		context.err(`${programPrefix}no import jobs${narrowed} in ${okNames(poll)}\n`);
	}

	const failed = poll.statuses.find(status => status.error !== undefined);
	return failed?.error === undefined ? exitCodes.ok : failureExitCode(failed.error);
};

const okNames = (poll: ContextsPoll): string => {
	const names = poll.statuses.filter(status => status.error === undefined).map(status => status.name);
	return names.length === 0 ? 'any context' : `contexts ${names.join(', ')}`;
};
