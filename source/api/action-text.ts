/**
One line for each outcome of a commit or abort, shared by the live screen and the subcommands, so
both say the same thing. Server text is already sanitized and redacted by the client.
*/
import type {ActionOutcome, JobAction} from './job-actions.js';
import {describeError} from './errors.js';
import {sanitize} from './sanitize.js';

/** Said once, when the first commit or abort meets an HTTP 404 (README "Troubleshooting"). */
export const noRouteText = 'this server cannot commit or abort imports (Milvus 3.0+ only)';

const verbs: Readonly<Record<JobAction, {readonly past: string; readonly noun: string}>> = {
	commit: {past: 'commit sent', noun: 'commit'},
	abort: {past: 'abort sent', noun: 'abort'},
};

export const describeOutcome = (action: JobAction, jobId: string, outcome: ActionOutcome): string => {
	const id = sanitize(jobId, 40);
	switch (outcome.kind) {
		case 'accepted': {
			return `${verbs[action].past}: job ${id} (Milvus accepted it)`;
		}

		case 'refused': {
			const message = outcome.message === '' ? '' : `: ${sanitize(outcome.message, 300)}`;
			return `Milvus refused to ${verbs[action].noun} job ${id} (code ${outcome.code})${message}`;
		}

		case 'no-route': {
			return noRouteText;
		}

		case 'failed': {
			// A request that timed out may still have been carried out: say so rather than guess.
			const unsure = outcome.error.kind === 'timeout' ? ` — the ${verbs[action].noun} of job ${id} may or may not have been applied` : '';
			return `${verbs[action].noun} of job ${id} not confirmed: ${describeError(outcome.error)}${unsure}`;
		}
	}
};
