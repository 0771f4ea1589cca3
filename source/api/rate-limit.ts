/**
At most `perSecond` request starts in any one-second window, per key (the endpoint path).
Zilliz Cloud's control plane allows "up to 20 requests per second per user per endpoint"
(docs.zilliz.com/reference/restful/list-import-jobs-v2); paginating a long list must stay under it.
*/
export type Clock = {
	readonly now: () => number;
	readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
};

export const realClock: Clock = {
	now: () => performance.now(),
	async sleep(ms, signal) {
		await new Promise<void>(resolve => {
			const timer = setTimeout(done, ms);
			function done(): void {
				clearTimeout(timer);
				signal?.removeEventListener('abort', done);
				resolve();
			}

			signal?.addEventListener('abort', done, {once: true});
		});
	},
};

export type Limiter = (key: string, signal?: AbortSignal) => Promise<void>;

export const createLimiter = (perSecond: number, clock: Clock = realClock): Limiter => {
	// A little over a second: the server counts arrivals, and a request can reach it later than it left
	// while the next one does not (measured: up to ~80 ms on a loaded machine). The margin keeps its count under the limit.
	const windowMs = 1100;
	const starts = new Map<string, number[]>();
	return async (key, signal) => {
		const recent = starts.get(key) ?? [];
		starts.set(key, recent);
		for (;;) {
			const now = clock.now();
			while (recent.length > 0 && recent[0]! <= now - windowMs) {
				recent.shift();
			}

			if (recent.length < perSecond || signal?.aborted) {
				recent.push(now);
				return;
			}

			// eslint-disable-next-line no-await-in-loop -- waiting is the point
			await clock.sleep(recent[0]! + windowMs - now, signal);
		}
	};
};
