/**
Rows that moved together: when a job changes state in a list sorted by state, every row between
where it was and where it goes moves one line. A scroll of that part of the screen (DECSTBM + SU/SD)
costs ~15 bytes; rewriting the moved rows costs a line each.
*/
export type Shift = {
	/** The region that scrolls, first and last row (inclusive). */
	readonly top: number;
	readonly bottom: number;
	/** Lines the content moves: > 0 up, < 0 down. */
	readonly by: number;
	/** Rows of the new frame that the scroll puts in place. */
	readonly rows: number;
};

/**
The longest run of new rows that are old rows a fixed distance away (at least `minimum` rows, and
not in place already), as the scroll that puts them there; undefined if there is none. `height` is
the terminal's: the region stays on it.
*/
export const findShift = (old: readonly string[], next: readonly string[], height: number, minimum = 2): Shift | undefined => {
	const where = new Map<string, number[]>();
	for (const [index, key] of old.entries()) {
		if (key !== '') {
			const list = where.get(key);
			if (list === undefined) {
				where.set(key, [index]);
			} else {
				list.push(index);
			}
		}
	}

	let best: {start: number; end: number; by: number} | undefined;
	let run: {start: number; end: number; by: number} | undefined;
	const close = () => {
		if (run !== undefined && (best === undefined || run.end - run.start > best.end - best.start)) {
			best = run;
		}

		run = undefined;
	};

	for (const [row, key] of next.entries()) {
		if (run !== undefined && key !== '' && old[row + run.by] === key) {
			run.end = row;
			continue;
		}

		close();
		if (key === '' || old[row] === key) {
			continue;
		}

		// The nearest old row with this content.
		let by: number | undefined;
		for (const index of where.get(key) ?? []) {
			if (by === undefined || Math.abs(index - row) < Math.abs(by)) {
				by = index - row;
			}
		}

		if (by !== undefined) {
			run = {start: row, end: row, by};
		}
	}

	close();
	if (best === undefined || best.end - best.start + 1 < minimum) {
		return undefined;
	}

	const {start, end, by} = best;
	const top = by > 0 ? start : start + by;
	const bottom = by > 0 ? end + by : end;
	if (top < 0 || bottom >= height) {
		return undefined;
	}

	return {
		top, bottom, by, rows: end - start + 1,
	};
};
