/** Longest wait between tries while the server keeps failing. */
export const maxBackoffMs = 30_000;

/**
The wait before the next poll: the interval while all is well; after failures it doubles (2×, 4×, …)
up to 30 s, but never below the interval itself, so a slow interval is not sped up by errors.
*/
export const nextDelay = (intervalMs: number, consecutiveFailures: number): number => {
	if (consecutiveFailures <= 0) {
		return intervalMs;
	}

	const doubled = intervalMs * (2 ** Math.min(consecutiveFailures, 16));
	return Math.max(intervalMs, Math.min(maxBackoffMs, doubled));
};
