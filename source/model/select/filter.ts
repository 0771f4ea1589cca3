import type {Job} from '../jobs/job.js';
import type {JobFilter} from '../jobs/types.js';

/** Lower-cased search text per job record; records are immutable, so the cache never goes stale. */
const haystacks = new WeakMap<Job, string>();

/** Fields are joined with NUL, which no sanitized server string and no typed filter contains, so a match never spans two fields. */
function haystack(job: Job): string {
	let text = haystacks.get(job);
	if (text === undefined) {
		text = `${job.jobId}\0${job.collectionName}\0${job.state}\0${job.reason}\0${job.context ?? ''}`.toLowerCase();
		haystacks.set(job, text);
	}

	return text;
}

export type CompiledFilter = (job: Job) => boolean;

/**
Text: a case-insensitive substring of the id, collection, state, reason or context; a leading `!` inverts it;
empty text (and a lone `!`, typed on the way to an inverted filter) matches everything.
States: the job's state must be one of them; empty means every state. Both must hold.
*/
export function compileFilter(filter: JobFilter): CompiledFilter {
	const inverted = filter.text.startsWith('!');
	const needle = (inverted ? filter.text.slice(1) : filter.text).toLowerCase();
	const states = filter.states.length === 0 ? undefined : new Set(filter.states);
	return job => {
		if (states !== undefined && !states.has(job.state)) {
			return false;
		}

		return needle === '' || haystack(job).includes(needle) !== inverted;
	};
}

export const matchesFilter = (job: Job, filter: JobFilter): boolean => compileFilter(filter)(job);
