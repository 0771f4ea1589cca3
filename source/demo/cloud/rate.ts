/**
The control plane's limit: "up to 20 requests per second per user per endpoint". Past it the demo
answers HTTP 429 with `Retry-After`, so clients can be shown to stay under it and to honour it.
*/
export const cloudRequestsPerSecond = 20;

export type RateGate = (endpoint: string, now: number) => boolean;

/** True when the request may pass; counts requests that started in the last second, per endpoint. */
export const createRateGate = (perSecond = cloudRequestsPerSecond): RateGate => {
	const starts = new Map<string, number[]>();
	return (endpoint, now) => {
		const recent = (starts.get(endpoint) ?? []).filter(at => at > now - 1000);
		starts.set(endpoint, recent);
		if (recent.length >= perSecond) {
			return false;
		}

		recent.push(now);
		return true;
	};
};
