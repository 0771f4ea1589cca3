/** Polls `check` until it stops throwing: waits on what the screen shows, never on a fixed sleep. */
export const eventually = async (check: () => void, timeoutMs = 3000): Promise<void> => {
	const start = Date.now();
	for (;;) {
		try {
			check();
			return;
		} catch (error) {
			if (Date.now() - start > timeoutMs) {
				throw error;
			}

			await new Promise(resolve => { // eslint-disable-line no-await-in-loop
				setTimeout(resolve, 5);
			});
		}
	}
};

/** Lets pending promise callbacks and one render run. */
export const tick = async (): Promise<void> => new Promise(resolve => {
	setTimeout(resolve, 0);
});
