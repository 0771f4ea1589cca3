import {spawn} from 'node:child_process';
import type {JournalRecord} from '../journal/record.js';
import {notificationText} from './osc.js';

export type EventRunnerOptions = {
	/** As the user typed it; run by the system shell, which sees only this text (server text arrives in variables). */
	readonly command: string;
	/** The app's environment: the child inherits it (PATH, DISPLAY for notify-send), minus the credentials. */
	readonly env: Readonly<Record<string, string | undefined>>;
	readonly timeoutMs?: number;
	/** Called once, for the first failure (exit status, timeout, cannot start, events dropped); later ones are counted, not said. */
	readonly onError: (message: string) => void;
	/** Events waiting beyond this are dropped (a slow command must not grow memory without end). */
	readonly maxQueue?: number;
	/** Working folder of the command; default ours. */
	readonly cwd?: string;
};

export type EventRunner = {
	readonly push: (records: readonly JournalRecord[]) => void;
	/** Resolves once the queue is empty (each command still bound by its timeout): before exit. */
	readonly drain: () => Promise<void>;
};

const secretNames = new Set(['MILVUS_TOKEN', 'MILVUS_PASSWORD']);

/** The child's environment: ours without credentials, plus the event. Every text was sanitized (api/, or the journal's reader) and is passed as is. */
export const eventEnv = (record: JournalRecord, env: EventRunnerOptions['env']): Record<string, string> => {
	const base: Record<string, string> = {};
	for (const [name, value] of Object.entries(env)) {
		if (value !== undefined && !secretNames.has(name)) {
			base[name] = value;
		}
	}

	return {
		...base,
		IMPORT_JOB_ID: record.jobId,
		IMPORT_JOB_STATE: record.state,
		IMPORT_JOB_EVENT: record.event,
		IMPORT_JOB_COLLECTION: record.collection,
		IMPORT_JOB_REASON: notificationText(record.reason, 1000),
		IMPORT_JOB_PROGRESS: record.progress === undefined ? '' : String(record.progress),
		IMPORT_JOB_CLUSTER: record.cluster,
		IMPORT_JOB_DB: record.db,
		IMPORT_JOB_AT: new Date(record.at).toISOString(),
		...(record.context === '' ? {} : {IMPORT_JOB_CONTEXT: record.context}),
	};
};

type Outcome = {readonly ok: true} | {readonly ok: false; readonly why: string};

const runOne = async (command: string, env: Record<string, string>, timeoutMs: number, cwd: string | undefined): Promise<Outcome> => new Promise(resolve => {
	// detached: its own process group, so a timeout ends the command and whatever it started.
	const child = spawn(command, {
		shell: true, env, cwd, stdio: 'ignore', detached: process.platform !== 'win32',
	});
	const timer = setTimeout(() => {
		try {
			process.kill(process.platform === 'win32' ? child.pid ?? 0 : -(child.pid ?? 0), 'SIGKILL');
		} catch {
			// Already gone.
		}

		resolve({ok: false, why: `timed out after ${timeoutMs / 1000} s`});
	}, timeoutMs);
	child.once('error', error => {
		clearTimeout(timer);
		resolve({ok: false, why: `cannot start it (${'code' in error ? String(error.code) : error.message})`});
	});
	child.once('exit', (code, signal) => {
		clearTimeout(timer);
		resolve(code === 0 ? {ok: true} : {ok: false, why: signal === null ? `exit status ${code}` : `killed by ${signal}`});
	});
});

/**
`--on-event CMD`: one command per event, one at a time, in order. Its output is discarded (the live
screen owns the terminal): redirect inside CMD to keep it. It never stops the app: failures are
reported once, the queue is bounded.
*/
export const createEventRunner = (options: EventRunnerOptions): EventRunner => {
	const timeoutMs = options.timeoutMs ?? 10_000;
	const maxQueue = options.maxQueue ?? 1000;
	const queue: JournalRecord[] = [];
	let reported = false;
	let running: Promise<void> | undefined;
	const report = (why: string): void => {
		if (!reported) {
			reported = true;
			options.onError(`--on-event: ${why} (further failures are not reported)`);
		}
	};

	const loop = async (): Promise<void> => {
		for (let record = queue.shift(); record !== undefined; record = queue.shift()) {
			// eslint-disable-next-line no-await-in-loop -- one at a time, in order
			const outcome = await runOne(options.command, eventEnv(record, options.env), timeoutMs, options.cwd);
			if (!outcome.ok) {
				report(`the command failed for job ${record.jobId} (${record.event}): ${outcome.why}`);
			}
		}

		running = undefined;
	};

	return {
		push(records) {
			for (const record of records) {
				if (queue.length >= maxQueue) {
					report(`more than ${maxQueue} events waiting; dropping events`);
					break;
				}

				queue.push(record);
			}

			if (queue.length > 0) {
				running ??= loop();
			}
		},
		drain: async () => running,
	};
};
