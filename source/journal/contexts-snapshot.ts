import type {HistoryEntry, JobEvent} from '../model/jobs/types.js';
import type {JournalRecord} from './record.js';
import {journalSnapshot, type JournalSnapshot} from './to-model.js';

/** One watched context as the journal knows it: its cluster, and its own database ('' for the server's default). */
export type JournalContext = {readonly name: string; readonly cluster: string; readonly db: string};

/**
The journal's part of the screen over several contexts: each context's jobs and earlier events, keyed as the
screen keys rows (`context/id`, api/contexts-hub.ts), so the same id on two clusters stays two. A job of
the context's own database has db '' (the screen shows every context at its own database).
*/
export const contextsSnapshot = (known: ReadonlyMap<string, JournalRecord>, earlier: readonly JournalRecord[], contexts: readonly JournalContext[]): JournalSnapshot => {
	const entries: HistoryEntry[] = [];
	const events: Array<{readonly event: JobEvent; readonly order: number}> = [];
	for (const context of contexts) {
		const own = earlier.filter(record => record.cluster === context.cluster);
		const snapshot = journalSnapshot(known, own, context.cluster);
		for (const entry of snapshot.entries) {
			entries.push({
				db: entry.db === context.db ? '' : entry.db,
				job: {...entry.job, jobId: `${context.name}/${entry.job.jobId}`, context: context.name},
				context: context.name,
			});
		}

		for (const [index, event] of snapshot.events.entries()) {
			events.push({event: {...event, jobId: `${context.name}/${event.jobId}`}, order: earlier.indexOf(own[index]!)});
		}
	}

	// The event log reads oldest first, in the journal's order across contexts.
	return {entries, events: events.toSorted((a, b) => a.order - b.order).map(one => one.event)};
};
