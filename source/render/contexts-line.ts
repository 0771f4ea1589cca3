import type {HubStatus} from '../api/contexts-hub.js';
import {formatDuration} from './format.js';

/** One context's state in a word or two: ok / stale 12s / unreachable / credentials refused / waiting. */
export const contextState = (status: HubStatus, at: number): string => {
	const {error} = status;
	if (error === undefined) {
		return status.lastOkAt === undefined ? 'waiting' : 'ok';
	}

	if (error.kind === 'unauthorized' || error.kind === 'forbidden') {
		return 'credentials refused';
	}

	if (status.lastOkAt === undefined) {
		return 'unreachable';
	}

	return `stale ${formatDuration(Math.max(0, at - status.lastOkAt))}`;
};

/** The header's line of every context: `staging ok · prod stale 12s · cloud credentials refused`. */
export const contextsLine = (statuses: readonly HubStatus[], at: number): string =>
	statuses.map(status => `${status.name} ${contextState(status, at)}`).join(' · ');

const none: ReadonlySet<string> = new Set();

/** Contexts whose last poll failed: their rows are the last good ones, and say so. */
export const staleContexts = (statuses: readonly HubStatus[] | undefined): ReadonlySet<string> =>
	statuses === undefined ? none : new Set(statuses.filter(status => status.error !== undefined).map(status => status.name));
