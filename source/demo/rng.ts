/**
A seeded generator for deterministic tests and reproducible demos (Park–Miller, "minimal standard"):
plain arithmetic, good enough to shuffle records and pick durations. Returns [0, 1).
*/
export const seededRandom = (seed: number): (() => number) => {
	const modulus = 2_147_483_647;
	let state = (Math.abs(Math.floor(seed)) % modulus) || 1;
	return () => {
		state = (state * 48_271) % modulus;
		return (state - 1) / (modulus - 1);
	};
};

export const between = (random: () => number, min: number, max: number): number => min + ((max - min) * random());

export const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.min(items.length - 1, Math.floor(random() * items.length))]!;

/** Fisher–Yates: Milvus iterates a Go map, so list order changes from call to call. */
export const shuffle = <T>(random: () => number, items: readonly T[]): T[] => {
	const copy = [...items];
	for (let i = copy.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[copy[i], copy[j]] = [copy[j]!, copy[i]!];
	}

	return copy;
};
