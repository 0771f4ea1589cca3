/**
The background fetcher of per-job details: progress for jobs whose list record has none (Zilliz
Cloud's list), and the true times (`createTime`, `completeTime`) of every job. One request at a time,
in the order asked (visible rows first), at most `perSecond` starts a second, so the whole app stays
under 10 requests per second per endpoint (Zilliz allows 20). A finished job's facts never change and
are never asked again; nothing is asked of a server without describe (Milvus < 2.4.13). With several
contexts each one's server is its own: one without describe, refusing or down stops only its own rows'
requests (a want's `context`), and a job of no known context is settled at once, never asked again.
*/
import {isTerminal, type JobDetail, type JobFacts} from '../model/jobs/job.js';
import type {DetailWant} from '../model/select/detail-wants.js';
import {isJobNotFound} from './job-not-found.js';
import {realClock, type Clock} from './rate-limit.js';
import type {ApiError, ImportClient} from './types.js';

export type {JobFacts} from '../model/jobs/job.js';
export type {DetailWant} from '../model/select/detail-wants.js';

export type DetailFetcherOptions = {
	readonly client: ImportClient;
	readonly dbName?: string;
	/** Facts come out in batches, at most one per `flushMs` (default 1 s), so the screen is not redrawn per request. */
	readonly onFacts: (facts: readonly JobFacts[]) => void;
	/** Default 5: with the detail view's own describe (one per poll) the endpoint stays under 10/s. */
	readonly perSecond?: number;
	/** How old fetched progress may get before it is asked again; the poll interval. */
	readonly maxAgeMs: number;
	readonly flushMs?: number;
	readonly clock?: Clock;
	/** Epoch ms for the facts (the clock above may be monotonic). */
	readonly wallNow?: () => number;
	/** Jobs remembered (fetched, settled or quiet) above which those no longer wanted are forgotten; default 20,000. */
	readonly maxKnown?: number;
};

export type DetailFetcher = {
	/** The work, most wanted first, the first `onScreen` of it being the rows on screen; replaces the previous list. */
	want(wants: readonly DetailWant[], onScreen?: number): void;
	setMaxAge(ms: number): void;
	/** The server has no describe (or it is stopped): `want` would be ignored, so its list need not be built. */
	idle(): boolean;
	stop(): void;
};

const defaultMaxKnown = 20_000;

const parseTime = (text: string): number | undefined => {
	const ms = text === '' ? Number.NaN : Date.parse(text);
	return Number.isFinite(ms) ? ms : undefined;
};

export const factsOf = (detail: JobDetail, at: number): JobFacts => ({
	jobId: detail.jobId,
	at,
	state: detail.state,
	progress: detail.progress,
	createdAt: parseTime(detail.createTime),
	completedAt: parseTime(detail.completeTime),
});

/** Errors after which asking again soon is pointless: the list poll reports them. */
const pausesLong = (error: ApiError): boolean => error.kind === 'unauthorized' || error.kind === 'forbidden' || error.kind === 'unknown-target';

export const createDetailFetcher = (options: DetailFetcherOptions): DetailFetcher => {
	const clock = options.clock ?? realClock;
	const wallNow = options.wallNow ?? Date.now;
	const flushMs = options.flushMs ?? 1000;
	const maxKnown = options.maxKnown ?? defaultMaxKnown;
	/** Starts are spaced evenly, not in bursts: a server counting per second then never sees more than `perSecond`, whatever the jitter. */
	const gapMs = 1000 / (options.perSecond ?? 5);
	let lastStart = Number.NEGATIVE_INFINITY;
	const controller = new AbortController();
	/** When (on `clock`) each job was last fetched, and what came back. */
	const known = new Map<string, {readonly fetchedAt: number; readonly facts: JobFacts}>();
	/** Jobs never to ask about again: finished (facts final) or gone from the server. */
	const settled = new Set<string>();
	/** A job whose describe failed on its own (a business error): not asked again before this time. */
	const quietUntil = new Map<string, number>();
	let wants: readonly DetailWant[] = [];
	/** How many of `wants` are the rows on screen. */
	let firstCount = 0;
	let restsTurn = false;
	let {maxAgeMs} = options;
	let running = false;
	/** Per server (a want's context; '' with one server): describe missing, failures in a row, and no request before `pausedUntil`. */
	const servers = new Map<string, {disabled: boolean; failures: number; pausedUntil: number}>();
	const serverOf = (want: DetailWant) => {
		const key = want.context ?? '';
		let server = servers.get(key);
		if (server === undefined) {
			server = {disabled: false, failures: 0, pausedUntil: 0};
			servers.set(key, server);
		}

		return server;
	};

	/**
	Whether the want's server may be asked now; notes a server that says it has no describe. `seen` holds
	the servers already judged in this pass over the wants: one question per server, not one per job.
	*/
	const askable = (want: DetailWant, now: number, seen: Map<string, boolean>): boolean => {
		const key = want.context ?? '';
		const known = seen.get(key);
		if (known !== undefined) {
			return known;
		}

		const server = serverOf(want);
		server.disabled ||= options.client.hasDescribe?.(want.jobId) === false;
		const open = !server.disabled && server.pausedUntil <= now;
		seen.set(key, open);
		return open;
	};

	/** The soonest a paused server may be asked again, when one of the wants waits for it. */
	const pausedDue = (now: number): number | undefined => {
		let due: number | undefined;
		for (const want of wants) {
			const server = serverOf(want);
			if (!server.disabled && server.pausedUntil > now && !settled.has(want.jobId)) {
				due = Math.min(due ?? Number.POSITIVE_INFINITY, server.pausedUntil - now);
			}
		}

		return due;
	};

	let timer: NodeJS.Timeout | undefined;
	let batch: JobFacts[] = [];
	let flushedAt = clock.now();

	let flushTimer: NodeJS.Timeout | undefined;
	const flush = (): void => {
		clearTimeout(flushTimer);
		flushTimer = undefined;
		if (batch.length > 0) {
			const out = batch;
			batch = [];
			flushedAt = clock.now();
			options.onFacts(out);
		}
	};

	/**
	The best candidate of one tier: the first never asked (in the order given), else the due one asked
	longest ago, so a long list is refreshed round-robin instead of its head over and over.
	*/
	const pick = (from: number, to: number, now: number): {readonly want?: DetailWant; readonly dueIn?: number} => {
		let dueIn: number | undefined;
		let stalest: {readonly want: DetailWant; readonly fetchedAt: number} | undefined;
		const seen = new Map<string, boolean>();
		for (let index = from; index < to; index++) {
			const want = wants[index]!;
			if (settled.has(want.jobId) || (quietUntil.get(want.jobId) ?? 0) > now || !askable(want, now, seen)) {
				continue;
			}

			const entry = known.get(want.jobId);
			if (entry === undefined) {
				return {want};
			}

			if (want.need === 'progress') {
				const age = now - entry.fetchedAt;
				if (age < maxAgeMs) {
					dueIn = Math.min(dueIn ?? Number.POSITIVE_INFINITY, maxAgeMs - age);
				} else if (stalest === undefined || entry.fetchedAt < stalest.fetchedAt) {
					stalest = {want, fetchedAt: entry.fetchedAt};
				}
			}
		}

		return stalest === undefined ? {dueIn} : {want: stalest.want};
	};

	/**
	The next request: the rows on screen (the first `firstCount` wants) and the rest take turns when
	both have work, so neither starves the other; otherwise whichever has some.
	*/
	const next = (now: number): {readonly want?: DetailWant; readonly dueIn?: number} => {
		const first = pick(0, Math.min(firstCount, wants.length), now);
		const rest = pick(Math.min(firstCount, wants.length), wants.length, now);
		if (first.want !== undefined && rest.want !== undefined) {
			const choice = restsTurn ? rest : first;
			restsTurn = !restsTurn;
			return choice;
		}

		if (first.want !== undefined || rest.want !== undefined) {
			return first.want === undefined ? rest : first;
		}

		const dueIn = Math.min(first.dueIn ?? Number.POSITIVE_INFINITY, rest.dueIn ?? Number.POSITIVE_INFINITY);
		return Number.isFinite(dueIn) ? {dueIn} : {};
	};

	const later = (ms: number): void => {
		clearTimeout(timer);
		timer = setTimeout(() => {
			void pump();
		}, Math.max(50, ms));
		timer.unref?.();
	};

	const settle = async (want: DetailWant): Promise<void> => {
		const wait = lastStart + gapMs - clock.now();
		if (wait > 0) {
			await clock.sleep(wait, controller.signal);
		}

		lastStart = clock.now();
		const result = await options.client.describeImportJob(want.jobId, {dbName: options.dbName, signal: controller.signal});
		if (controller.signal.aborted) {
			return;
		}

		const server = serverOf(want);
		if (options.client.hasDescribe?.(want.jobId) === false) {
			server.disabled = true; // Milvus < 2.4.13: asked once, never again (that server; the others go on).
			return;
		}

		if (result.ok) {
			server.failures = 0;
			const facts = factsOf(result.value, wallNow());
			known.set(want.jobId, {fetchedAt: clock.now(), facts});
			if (isTerminal(facts.state)) {
				settled.add(want.jobId);
			}

			batch.push(facts);
			// Out within flushMs even while the next request hangs.
			flushTimer ??= setTimeout(flush, Math.max(0, flushMs - (clock.now() - flushedAt)));
			return;
		}

		const {error} = result;
		if (error.kind === 'not-supported') {
			server.disabled = true;
		} else if (isJobNotFound(error) || error.kind === 'unknown-context') {
			settled.add(want.jobId); // Nothing to ask: the job is gone, or no server of this session has it.
		} else if (error.kind === 'milvus') {
			quietUntil.set(want.jobId, clock.now() + Math.max(maxAgeMs, 10_000));
		} else if (error.kind !== 'aborted') {
			server.failures++;
			server.pausedUntil = clock.now() + (pausesLong(error) ? 30_000 : Math.min(30_000, 1000 * (2 ** (server.failures - 1))));
		}
	};

	const pump = async (): Promise<void> => {
		if (running || controller.signal.aborted) {
			return;
		}

		running = true;
		try {
			for (;;) {
				const now = clock.now();
				const {want, dueIn} = next(now);
				if (want === undefined) {
					const wake = Math.min(dueIn ?? Number.POSITIVE_INFINITY, pausedDue(now) ?? Number.POSITIVE_INFINITY);
					if (Number.isFinite(wake)) {
						later(wake);
					}

					break;
				}

				// eslint-disable-next-line no-await-in-loop -- one request at a time is the point
				await settle(want);
				if (controller.signal.aborted) {
					break;
				}

				if (clock.now() - flushedAt >= flushMs) {
					flush();
				}
			}
		} finally {
			running = false;
			if (!controller.signal.aborted) {
				flush();
			}
		}
	};

	return {
		want(list, onScreen = 0) {
			wants = list;
			firstCount = onScreen;
			// Jobs long gone from the server: forget them, the wanted ones stay. Each of the three counts: a job the
			// server no longer has is settled without ever being known, and on a busy cluster such ids pile up.
			if (known.size > maxKnown || settled.size > maxKnown || quietUntil.size > maxKnown) {
				const wanted = new Set(list.map(item => item.jobId));
				for (const ids of [known, settled, quietUntil]) {
					for (const jobId of ids.keys()) {
						if (!wanted.has(jobId)) {
							ids.delete(jobId);
						}
					}
				}
			}

			void pump();
		},
		setMaxAge(ms) {
			maxAgeMs = ms;
		},
		// One server only: with several (a hub) a context may gain rows later, so the list is always built.
		idle: () => options.client.hasDescribe?.() === false || controller.signal.aborted,
		stop() {
			controller.abort();
			clearTimeout(timer);
			clearTimeout(flushTimer);
		},
	};
};
