import {blank, sameCell, type Cell} from './cells.js';

/** A run of columns to write, `start` to `end` inclusive. */
export type Run = {readonly start: number; readonly end: number};

export type RowChanges = {
	readonly runs: readonly Run[];
	/** Erase from this column to the end of the line (EL) after the runs; undefined if not needed. */
	readonly eraseFrom: number | undefined;
};

const at = (cells: readonly Cell[], column: number): Cell => cells[column] ?? blank;

/** Unchanged columns between two runs that are cheaper to write again than to move over (`CSI n C` is 3–4 bytes). */
const maxGap = 3;

/**
The columns of a line that differ between what the terminal shows (`old`) and the new frame
(`next`), as runs to write and an erase for a cleared tail. A wide character is written whole: when
either half of one changes (in either frame), both columns are in the run.
*/
export const rowChanges = (old: readonly Cell[], next: readonly Cell[]): RowChanges => {
	const length = Math.max(old.length, next.length);
	const changed: boolean[] = Array.from({length}, (_, column) => !sameCell(at(old, column), at(next, column)));
	// Widen to whole wide characters until nothing more changes (a chain of wide characters in both).
	let widened = true;
	while (widened) {
		widened = false;
		for (let column = 0; column < length; column++) {
			if (!changed[column]) {
				continue;
			}

			for (const cells of [old, next]) {
				const cell = at(cells, column);
				const other = cell.width === 0 ? column - 1 : (cell.width === 2 ? column + 1 : -1);
				if (other >= 0 && other < length && !changed[other]) {
					changed[other] = true;
					widened = true;
				}
			}
		}
	}

	// Past the new line's last cell everything is blank: one erase clears what is left of the old one.
	let eraseFrom: number | undefined;
	for (let column = next.length; column < length; column++) {
		if (changed[column]) {
			eraseFrom = next.length;
			break;
		}
	}

	const limit = eraseFrom ?? length;
	const runs: Run[] = [];
	let start = -1;
	for (let column = 0; column <= limit; column++) {
		if (column < limit && changed[column]) {
			if (start < 0) {
				start = column;
			}

			continue;
		}

		if (start >= 0) {
			const previous = runs.at(-1);
			if (previous !== undefined && start - previous.end - 1 <= maxGap) {
				runs[runs.length - 1] = {start: previous.start, end: column - 1};
			} else {
				runs.push({start, end: column - 1});
			}

			start = -1;
		}
	}

	return {runs, eraseFrom};
};
