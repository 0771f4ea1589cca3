/**
A cache that forgets: the entries used since the last turnover and the ones before it, at most
2 × `limit` in all. Ink 6 memoizes text measuring and wrapping in module-level maps that never drop
an entry (ink#986): every distinct line it ever laid out stays in memory, and a live table whose
rows change at every poll grows by tens of kilobytes a poll for as long as it runs.
scripts/lib/bundle-plugins.js gives Ink this instead. An entry read again moves to the new
generation, so what every frame uses stays; what no frame has used for a whole generation goes.
*/
export type BoundedCache<V> = {
	readonly size: number;
	get(key: string): V | undefined;
	set(key: string, value: V): void;
};

export function boundedCache<V>(limit: number): BoundedCache<V> {
	let current = new Map<string, V>();
	let previous = new Map<string, V>();
	const set = (key: string, value: V): void => {
		if (current.size >= limit) {
			previous = current;
			current = new Map();
		}

		current.set(key, value);
	};

	return {
		get(key) {
			const value = current.get(key);
			if (value !== undefined) {
				return value;
			}

			const old = previous.get(key);
			if (old !== undefined) {
				previous.delete(key);
				set(key, old);
			}

			return old;
		},
		set,
		get size() {
			return current.size + previous.size;
		},
	};
}
