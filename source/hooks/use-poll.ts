import {
	useCallback, useEffect, useRef, useState,
} from 'react';
import {classifyFailure, retryDelay} from '../api/retry-policy.js';
import type {ApiError, ImportClient} from '../api/types.js';
import type {Action, Scope} from '../model/store/actions.js';

export type PollOptions = {
	readonly client: ImportClient;
	readonly scope: Scope;
	readonly paused: boolean;
	readonly intervalMs: number;
	readonly dispatch: (action: Action) => void;
	readonly now: () => number;
	/**
	Read on mount only: when the state already holds a good list of the starting scope (loaded before
	the screen mounted), its time; the first poll is then one interval after it instead of at once.
	*/
	readonly firstPollAfter?: number;
};

export type PollControl = {
	/** Poll now (`r`): at once when idle, right after the current request when one is in flight. */
	readonly refresh: () => void;
	/** When the next try is due while failing; undefined when the last poll was good. */
	readonly retryAt: number | undefined;
};

/**
The only list polling in the UI. A setTimeout chain, never setInterval: the next poll is scheduled
after the current one settles, so a slow server never stacks requests. Each run of the effect owns
one scope: switching scope, pausing or unmounting aborts the request in flight and drops its answer.
After a failure the next try follows api/retry-policy.ts: at the interval when nothing listens (refused,
reset), so the screen recovers within one interval of the server's return; later (doubling, Retry-After,
capped) only while the server answers but struggles (5xx, 429, timeouts). `r` tries at once either way.
*/
export const usePoll = ({
	client, scope, paused, intervalMs, dispatch, now, firstPollAfter,
}: PollOptions): PollControl => {
	const [retryAt, setRetryAt] = useState<number | undefined>(undefined);
	/** Bumped by `r` while paused: one poll by hand, nothing scheduled after it. */
	const [manual, setManual] = useState(0);
	const intervalRef = useRef(intervalMs);
	/** Set by the running loop: re-plans the pending timer (interval change) or polls now (refresh). */
	const loopRef = useRef<{readonly replan: () => void; readonly pollNow: () => void} | undefined>(undefined);
	const {dbName, collectionName, context} = scope;
	/** Taken by the first run of the loop; a later scope or a resume polls at once. */
	const loadedAtMount = useRef(firstPollAfter);

	useEffect(() => {
		if (paused) {
			return;
		}

		const loopScope: Scope = {dbName, collectionName, context};
		let stopped = false;
		let controller: AbortController | undefined;
		let timer: NodeJS.Timeout | undefined;
		let failures = 0;
		/** Failures in a row of the struggling kind, and the last error: what the backoff reads. */
		let struggles = 0;
		let lastError: ApiError | undefined;
		let settledAt = now();
		let again = false;

		const schedule = () => {
			clearTimeout(timer);
			const delay = retryDelay(intervalRef.current, struggles, lastError);
			const wait = Math.max(0, settledAt + delay - now());
			setRetryAt(failures > 0 ? settledAt + delay : undefined);
			timer = setTimeout(() => {
				void run();
			}, wait);
		};

		const run = async () => {
			timer = undefined;
			controller = new AbortController();
			const result = await client.listImportJobs({
				dbName, collectionName, context, signal: controller.signal,
			});
			controller = undefined;
			if (stopped) {
				return;
			}

			settledAt = now();
			if (result.ok) {
				failures = 0;
				struggles = 0;
				lastError = undefined;
				dispatch({
					type: 'poll-ok', at: settledAt, scope: loopScope, jobs: result.value,
				});
			} else if (result.error.kind !== 'aborted') {
				failures++;
				struggles = classifyFailure(result.error) === 'struggling' ? struggles + 1 : 0;
				lastError = result.error;
				dispatch({
					type: 'poll-failed', at: settledAt, scope: loopScope, error: result.error,
				});
			}

			if (again) {
				again = false;
				settledAt -= retryDelay(intervalRef.current, struggles, lastError);
			}

			schedule();
		};

		loopRef.current = {
			replan() {
				if (timer !== undefined) {
					schedule();
				}
			},
			pollNow() {
				if (controller === undefined) {
					clearTimeout(timer);
					void run();
				} else {
					again = true;
				}
			},
		};
		const loadedAt = loadedAtMount.current;
		loadedAtMount.current = undefined;
		if (loadedAt === undefined) {
			void run();
		} else {
			settledAt = loadedAt;
			schedule();
		}

		return () => {
			stopped = true;
			loopRef.current = undefined;
			clearTimeout(timer);
			controller?.abort();
		};
	}, [client, dbName, collectionName, context, paused, dispatch, now]);

	useEffect(() => {
		intervalRef.current = intervalMs;
		loopRef.current?.replan();
	}, [intervalMs]);

	useEffect(() => {
		if (manual === 0 || !paused) {
			return;
		}

		const controller = new AbortController();
		const loopScope: Scope = {dbName, collectionName, context};
		void client.listImportJobs({
			dbName, collectionName, context, signal: controller.signal,
		}).then(result => {
			if (controller.signal.aborted) {
				return;
			}

			if (result.ok) {
				dispatch({
					type: 'poll-ok', at: now(), scope: loopScope, jobs: result.value,
				});
			} else if (result.error.kind !== 'aborted') {
				dispatch({
					type: 'poll-failed', at: now(), scope: loopScope, error: result.error,
				});
			}
		});
		return () => {
			controller.abort();
		};
		// Only a new `r` starts a request; a scope change or resume aborts it (cleanup) and starts none.
	}, [manual]); // eslint-disable-line react-hooks/exhaustive-deps

	const refresh = useCallback(() => {
		if (loopRef.current === undefined) {
			setManual(count => count + 1);
		} else {
			loopRef.current.pollNow();
		}
	}, []);
	return {refresh, retryAt: paused ? undefined : retryAt};
};
