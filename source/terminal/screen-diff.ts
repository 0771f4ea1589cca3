import {emptyRow, parseRow, type Row} from './cells.js';
import {move, type Position} from './cursor.js';
import {rowChanges} from './row-diff.js';
import {plain, transition, type Style} from './sgr.js';
import {findShift} from './shift.js';

export type Size = {readonly columns: number; readonly rows: number};

/**
The screen as the terminal shows it, and the bytes that turn it into the next frame: what ncurses
does for `watch` and htop, below Ink. Ink hands over whole frames (lines with SGR colours); only the
cells that differ from the last frame are written, with the shortest cursor moves and rendition
changes, an erase for a cleared tail of a line, and a scroll of a region when rows moved together.
The last column is never written (a character there leaves the cursor in a pending wrap, and a
terminal that draws it wider than Ink measured wraps the line); the frame is laid out one column
narrower. A resize, `invalidate()` or a line with an escape sequence the diff does not model starts
over from a cleared screen.
*/
export type ScreenDiff = {
	/** The bytes that make the terminal show `lines`; '' when it already does. */
	update(lines: readonly string[], size: Size): string;
	/** The next update repaints the whole screen (after something else wrote to the terminal, or a resize). */
	invalidate(): void;
	/** The bytes that leave the rendition at the terminal's default (before handing the terminal back). */
	finish(): string;
};

/** Parsed rows of the last two frames: a line that stays costs one lookup. */
const rowCache = (ascii: boolean) => {
	let previous = new Map<string, Row | undefined>();
	let current = new Map<string, Row | undefined>();
	return {
		get(line: string, columns: number): Row | undefined {
			const key = `${columns}\u0000${line}`;
			const row = current.has(key) ? current.get(key) : (previous.has(key) ? previous.get(key) : parseRow(line, columns, ascii));
			current.set(key, row);
			return row;
		},
		turn() {
			previous = current;
			current = new Map();
		},
	};
};

export type ScreenDiffOptions = {
	/** The cursor moves (tests swap in a wrong one to show the exactness test catches it). */
	readonly move?: typeof move;
	/** Draw symbols as ASCII (`--ascii`, a non-UTF-8 locale): see ascii.ts. */
	readonly ascii?: boolean;
};

export const screenDiff = (options: ScreenDiffOptions = {}): ScreenDiff => {
	const moveTo = options.move ?? move;
	let size: Size | undefined;
	let shown: Row[] = [];
	let cursor: Position | undefined;
	let style: Style = plain;
	let valid = false;
	const cache = rowCache(options.ascii ?? false);

	const reset = (out: string[]) => {
		out.push(transition(style, plain));
		style = plain;
	};

	/** Lines the diff cannot model, written as they are; the next frame starts over. */
	const raw = (lines: readonly string[], height: number): string => {
		const out = ['\u001B[m\u001B[H\u001B[2J'];
		for (const [row, line] of lines.slice(0, height).entries()) {
			out.push(move(undefined, {row, column: 0}), line, '\u001B[m');
		}

		valid = false;
		cursor = undefined;
		style = plain;
		return out.join('');
	};

	return {
		update(lines, next) {
			const columns = Math.max(0, next.columns - 1);
			const height = Math.max(0, next.rows);
			const rows: Row[] = [];
			for (let index = 0; index < Math.min(lines.length, height); index++) {
				const row = cache.get(lines[index]!, columns);
				if (row === undefined) {
					cache.turn();
					size = next;
					return raw(lines, height);
				}

				rows.push(row);
			}

			cache.turn();
			while (rows.length < height) {
				rows.push(emptyRow);
			}

			const out: string[] = [];
			if (!valid || size?.columns !== next.columns || size.rows !== next.rows) {
				reset(out);
				out.push('\u001B[H\u001B[2J');
				cursor = {row: 0, column: 0};
				shown = Array.from({length: height}, () => emptyRow);
				size = next;
				valid = true;
			}

			// Scroll the rows that moved together into place first; the cell diff then does the rest.
			for (let attempt = 0; attempt < 3; attempt++) {
				const shift = findShift(shown.map(row => row.key), rows.map(row => row.key), height);
				if (shift === undefined) {
					break;
				}

				reset(out); // Scrolled-in lines take the current background
				const count = Math.abs(shift.by);
				out.push(`\u001B[${shift.top + 1};${shift.bottom + 1}r`, `\u001B[${count === 1 ? '' : count}${shift.by > 0 ? 'S' : 'T'}`, '\u001B[r');
				const region = shown.slice(shift.top, shift.bottom + 1);
				const moved = shift.by > 0
					? [...region.slice(count), ...Array.from({length: count}, () => emptyRow)]
					: [...Array.from({length: count}, () => emptyRow), ...region.slice(0, -count)];
				shown.splice(shift.top, moved.length, ...moved);
				cursor = {row: 0, column: 0}; // DECSTBM homes the cursor
			}

			for (const [index, row] of rows.entries()) {
				const old = shown[index]!;
				if (old.key === row.key) {
					continue;
				}

				const {runs, eraseFrom} = rowChanges(old.cells, row.cells);
				for (const run of runs) {
					out.push(moveTo(cursor, {row: index, column: run.start}));
					let column = run.start;
					while (column <= run.end) {
						const cell = row.cells[column];
						if (cell === undefined) {
							out.push(transition(style, plain), ' ');
							style = plain;
							column++;
							continue;
						}

						out.push(transition(style, cell.style), cell.text);
						style = cell.style;
						column += Math.max(1, cell.width);
					}

					cursor = {row: index, column};
				}

				if (eraseFrom !== undefined) {
					out.push(moveTo(cursor, {row: index, column: eraseFrom}));
					if (style.bg !== '') {
						reset(out); // EL fills with the current background
					}

					out.push('\u001B[K');
					cursor = {row: index, column: eraseFrom};
				}

				shown[index] = row;
			}

			return out.join('');
		},
		invalidate() {
			valid = false;
		},
		finish() {
			const out: string[] = [];
			reset(out);
			return out.join('');
		},
	};
};
