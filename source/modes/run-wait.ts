import type {Job} from '../model/jobs/job.js';
import {compileFilter} from '../model/select/filter.js';
import {
	startWait, stepWait, waitChanges, waitExitCode, waitVerdict,
} from '../model/jobs/wait.js';
import type {ModeContext} from './context.js';
import type {ExitCode} from './exit-codes.js';
import {pollLoop} from './poll-loop.js';
import {formatProgress} from './plain-table.js';
import {verdictReport, type ReportLine} from './wait-report.js';

/** One progress line per change, for logs: ISO time, id, collection, state, progress, reason. */
export const progressLine = (at: number, job: Job): string => {
	const time = new Date(at).toISOString().replace(/\.\d+Z$/v, 'Z');
	const reason = job.reason === '' ? '' : `  ${job.reason}`;
	return `${time}  ${job.jobId}  ${job.collectionName || '-'}  ${job.state}  ${formatProgress(job.progress)}${reason}\n`;
};

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

const print = (context: ModeContext, lines: readonly ReportLine[]): void => {
	for (const line of lines) {
		context[line.stream](line.text);
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
	return pollLoop(context, jobs => {
		const next = stepWait(state, jobs, filter);
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
		if (verdict.kind === 'waiting') {
			return undefined;
		}

		print(context, verdictReport(verdict, state.polls, config.uri));
		return waitExitCode(verdict);
	});
};
