import {sanitize} from '../api/sanitize.js';
import type {JobEventKind} from '../model/jobs/types.js';

/**
One line of the journal: one transition of one job, as this app saw it. JSON Lines, so a person can
read the file with `jq` and a torn last line (a crash mid-write) spoils only itself.
Never holds credentials: `cluster` is the URI as normalized (user, password, query and fragment
removed) or `zilliz-cloud:<cluster id>`.
*/
export type JournalRecord = {
	/** Epoch ms when the poll that saw it was answered. */
	readonly at: number;
	readonly cluster: string;
	/** '' is the server's default database. */
	readonly db: string;
	/** The context name (issue #13) when the run used one; '' otherwise. */
	readonly context: string;
	readonly jobId: string;
	readonly collection: string;
	readonly event: JobEventKind;
	/** The job's state as last seen (for expired/lost: the state it had before it vanished). */
	readonly state: string;
	/** The progress last seen, 0–100; undefined when the server gave none. */
	readonly progress: number | undefined;
	/** The failure reason, '' when there is none. */
	readonly reason: string;
};

/** Every kind the model derives; `event` values outside it come from a newer version and are kept as 'state'. */
export const journalEventKinds: readonly JobEventKind[] = ['appeared', 'state', 'stalled', 'failed', 'completed', 'expired', 'lost'];

export const encodeRecord = (record: JournalRecord): string => {
	// One literal, keys in a fixed order: the line is what `jq` users see.
	const line: Record<string, string | number> = {
		at: record.at,
		cluster: record.cluster,
		db: record.db,
		...(record.context === '' ? {} : {context: record.context}),
		jobId: record.jobId,
		collection: record.collection,
		event: record.event,
		state: record.state,
		...(record.progress === undefined ? {} : {progress: record.progress}),
		...(record.reason === '' ? {} : {reason: record.reason}),
	};
	return `${JSON.stringify(line)}\n`;
};

const field = (value: unknown, maxLength?: number): string => (typeof value === 'string' ? sanitize(value, maxLength) : '');

const isKind = (value: unknown): value is JobEventKind => typeof value === 'string' && (journalEventKinds as readonly string[]).includes(value);

/**
One line back into a record; undefined for a line that is not one (a torn last line, a hand edit).
The file is ours, but anyone with the same uid can write it: its text is sanitized again on the way
out, like a server string.
*/
export const decodeRecord = (line: string): JournalRecord | undefined => {
	let parsed: unknown;
	try {
		parsed = JSON.parse(line);
	} catch {
		return undefined;
	}

	if (typeof parsed !== 'object' || parsed === null) {
		return undefined;
	}

	const object = parsed;
	const value = (key: string): unknown => Reflect.get(object, key);
	const at = value('at');
	const progress = value('progress');
	const event = value('event');
	const jobId = field(value('jobId'), 100);
	if (typeof at !== 'number' || !Number.isFinite(at) || jobId === '') {
		return undefined;
	}

	return {
		at,
		cluster: field(value('cluster'), 300),
		db: field(value('db'), 300),
		context: field(value('context'), 300),
		jobId,
		collection: field(value('collection'), 300),
		event: isKind(event) ? event : 'state',
		state: field(value('state'), 100),
		progress: typeof progress === 'number' && Number.isFinite(progress) ? Math.min(100, Math.max(0, progress)) : undefined,
		reason: field(value('reason')),
	};
};
