import {isMilvusJobId} from '../api/job-actions.js';
import type {Config, ParseResult, PendingCredential} from './types.js';
import type {RawFlags} from './flags.js';

type Resolved = {readonly config: Config; readonly pending: PendingCredential | undefined};

/**
`commit JOBID…` / `abort JOBID…`: the ids, checked before anything is sent. Read-only (flag or
environment) refuses the command outright: that setting promises nothing that changes the server
is ever sent, and a script is better told at once than left to wonder.
*/
export const resolveJobAction = (action: 'commit' | 'abort', flags: RawFlags, resolved: Resolved): ParseResult => {
	const raw = flags['jobIds'];
	const words = (Array.isArray(raw) ? (raw as unknown[]) : [raw]).map(String).flatMap(word => word.split(',')).map(word => word.trim()).filter(word => word !== '');
	const jobIds = [...new Set(words)];
	if (jobIds.length === 0) {
		return {kind: 'usage-error', message: `${action} needs at least one job id`};
	}

	const bad = jobIds.find(id => !isMilvusJobId(id));
	if (bad !== undefined) {
		return {kind: 'usage-error', message: `"${bad.slice(0, 40)}" is not a Milvus job id (digits only, as the list shows them)`};
	}

	if (resolved.config.readOnly) {
		const where = flags['read-only'] === true ? '--read-only' : 'MILVUS_IMPORT_TOP_READ_ONLY';
		return {kind: 'usage-error', message: `${action} changes the server, and ${where} forbids that (--no-read-only allows it once)`};
	}

	return {
		kind: 'job-action', action, jobIds, config: resolved.config, pending: resolved.pending,
	};
};
