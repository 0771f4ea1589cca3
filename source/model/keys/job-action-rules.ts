import {noRouteText} from '../../api/action-text.js';
import type {JobAction} from '../../api/job-actions.js';

/**
When `C` (commit) and `X` (abort) can do anything, decided before a request is ever planned: what
the connection allows, then what the selected job's state allows. Milvus has the last word (it
refuses an auto_commit=true abort, which the list cannot show), but a request that can only be
refused is never sent: the key says why instead.
*/

/**
`available`: the connection can send them (Milvus, not known to lack the routes); `read-only`:
--read-only or its config said no; `unsupported`: this server answered 404 once (Milvus < 3.0), or
the connection has no such routes at all (Zilliz Cloud's control plane).
*/
export type ActionsAvailability = 'available' | 'read-only' | 'unsupported';

export const readOnlyText = 'read-only: commit and abort are off (--read-only)';

/** The job as far as the rules care: its state and whether it is still listed. */
export type ActionTarget = {readonly state: string; readonly gone: 'expired' | 'lost' | undefined};

/** Why the key does nothing here, or undefined when it may go ahead to the confirmation. */
export const blockedReason = (action: JobAction, job: ActionTarget | undefined, availability: ActionsAvailability): string | undefined => {
	switch (availability) {
		case 'read-only': {
			return readOnlyText;
		}

		case 'unsupported': {
			return noRouteText;
		}

		case 'available': {
			break;
		}
	}

	if (job === undefined) {
		return `no job selected to ${action}`;
	}

	if (job.gone !== undefined) {
		return `this job is no longer listed (${job.gone}): nothing to ${action}`;
	}

	return action === 'commit' ? commitBlock(job.state) : abortBlock(job.state);
};

const commitBlock = (state: string): string | undefined => {
	switch (state) {
		case 'Uncommitted': {
			return undefined;
		}

		case 'Committing': {
			return 'this job is already Committing';
		}

		default: {
			return `only an Uncommitted job can be committed; this one is ${state}`;
		}
	}
};

const abortBlock = (state: string): string | undefined => {
	switch (state) {
		case 'Completed':
		case 'Failed': {
			return `this job is already ${state}: nothing to abort`;
		}

		case 'Committing': {
			return 'too late to abort: the job is Committing (its rows are becoming visible)';
		}

		default: {
			return undefined;
		}
	}
};

/**
What the keys can do now: what the connection said at start (`off`: read-only, or no such routes),
else whether this server has already answered 404.
*/
export const availabilityOf = (off: 'read-only' | 'unsupported' | undefined, routesMissing: boolean): ActionsAvailability =>
	off ?? (routesMissing ? 'unsupported' : 'available');

/** The keys whose hint is dimmed: they would only be refused for this job. */
export const blockedKeys = (job: ActionTarget | undefined, availability: ActionsAvailability): ReadonlySet<'commit' | 'abort'> =>
	availability === 'available'
		? new Set((['commit', 'abort'] as const).filter(action => blockedReason(action, job, availability) !== undefined))
		: new Set();
