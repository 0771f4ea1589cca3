import type {ImportClient} from '../api/types.js';
import type {Config} from '../config/config.js';
import type {Job} from '../model/jobs/job.js';

/** What every script mode gets from cli/main.ts: the world, injected, so a test can drive a mode without a process. */
export type ModeContext = {
	readonly client: ImportClient;
	readonly config: Config;
	readonly retries: number;
	/** Writes to stdout / stderr; each call is whole lines. */
	readonly out: (text: string) => void;
	readonly err: (text: string) => void;
	/** Epoch ms. */
	readonly now: () => number;
	readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
	/** Aborted on Ctrl-C. */
	readonly signal: AbortSignal;
	/** The polling modes hand every good poll's jobs here (journal, notifications); cli/main.ts sets it. */
	readonly onPoll?: (jobs: readonly Job[], at: number) => void;
};

export const programPrefix = 'milvus-import-top: ';
