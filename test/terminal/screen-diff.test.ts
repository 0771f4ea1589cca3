import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {move, type Position} from '../../source/terminal/cursor.js';
import {screenDiff, type ScreenDiff} from '../../source/terminal/screen-diff.js';
import {headlessTerminal as terminal, type HeadlessTerminal as Terminal, writeTo as write} from '../helpers/xterm.js';

// Lines are at most `maxWidth` cells wide; terminals are as narrow as `minColumns`. The diff never writes the
// last column, so the full repaint it is compared with writes each line cut to the columns before it.
const maxWidth = 12;
const minColumns = 4;

const texts = ['a', 'b', 'Z', ' ', ' ', '7', '…', '█', 'é', '漢', '字', '😀', '✓', '░'];
const sgrs = ['\u001B[31m',
	'\u001B[39m',
	'\u001B[1m',
	'\u001B[22m',
	'\u001B[2m',
	'\u001B[7m',
	'\u001B[27m',
	'\u001B[4m',
	'\u001B[24m',
	'\u001B[0m',
	'\u001B[38;5;208m',
	'\u001B[48;2;10;20;30m',
	'\u001B[49m',
	'\u001B[42m',
	'\u001B[92m',
	'\u001B[3m',
	'\u001B[9m'];
const wide = new Set(['漢', '字', '😀']);

const line = fc.tuple(fc.array(fc.constantFrom(...texts, ...sgrs), {maxLength: 24}), fc.boolean()).map(([pieces, closed]) => {
	let width = 0;
	let text = '';
	for (const piece of pieces) {
		const pieceWidth = piece.startsWith('\u001B') ? 0 : (wide.has(piece) ? 2 : 1);
		if (width + pieceWidth <= maxWidth) {
			text += piece;
			width += pieceWidth;
		}
	}

	return text + (closed ? '\u001B[0m' : '');
});

type Step
	= | {readonly kind: 'lines'; readonly lines: readonly string[]}
		| {readonly kind: 'edit'; readonly row: number; readonly line: string}
		| {readonly kind: 'move'; readonly from: number; readonly to: number; readonly line: string}
		| {readonly kind: 'cut'; readonly row: number; readonly keep: number}
		| {readonly kind: 'resize'; readonly columns: number; readonly rows: number}
		/**
		The terminal takes a new size while frames for the old one are on their way: `stale` edits are diffed
		for the old size and land on the resized terminal (the first one split at `split`, part before the
		resize, part after), then the app hears of it (`signal`: SIGWINCH, so invalidate(); or only the new
		size) and diffs the next frame for the new size.
		*/
		| {readonly kind: 'late-resize'; readonly columns: number; readonly rows: number; readonly stale: readonly Edit[]; readonly split: number; readonly signal: boolean}
		/** The terminal shrinks (by `columns`×`rows`, at least to 1×1) and grows back while the app keeps its size; only the signal tells it. */
		| {readonly kind: 'bounce'; readonly columns: number; readonly rows: number; readonly stale: readonly Edit[]};

type Edit = {readonly kind: 'edit'; readonly row: number; readonly line: string};

const edit: fc.Arbitrary<Edit> = fc.record({kind: fc.constant('edit' as const), row: fc.nat(15), line});
const columns = fc.integer({min: minColumns, max: 30});
// Frames up to 16 lines, terminals of 3 to 14 rows: frames taller than the terminal, writes into its last row.
const rowCount = fc.integer({min: 3, max: 14});

const step: fc.Arbitrary<Step> = fc.oneof(
	fc.record({kind: fc.constant('lines' as const), lines: fc.array(line, {maxLength: 16})}),
	edit,
	edit,
	fc.record({
		kind: fc.constant('move' as const), from: fc.nat(11), to: fc.nat(11), line,
	}),
	fc.record({
		kind: fc.constant('move' as const), from: fc.nat(11), to: fc.nat(11), line,
	}),
	fc.record({kind: fc.constant('cut' as const), row: fc.nat(11), keep: fc.nat(6)}),
	fc.record({kind: fc.constant('resize' as const), columns, rows: rowCount}),
	fc.record({
		kind: fc.constant('late-resize' as const), columns, rows: rowCount, stale: fc.array(edit, {maxLength: 2}), split: fc.double({min: 0, max: 1, noNaN: true}), signal: fc.boolean(),
	}),
	fc.record({
		kind: fc.constant('bounce' as const), columns: fc.nat(20), rows: fc.nat(12), stale: fc.array(edit, {maxLength: 2}),
	}),
);

/** The frame after a step: a list that gains and loses rows, rows that move (a job changing place), shrinking lines. */
const apply = (frame: readonly string[], step: Step): string[] => {
	const next = [...frame];
	switch (step.kind) {
		case 'lines': {
			return [...step.lines];
		}

		case 'edit': {
			next[Math.min(step.row, next.length)] = step.line;
			return next;
		}

		case 'move': {
			const [moved] = next.splice(step.from, 1);
			next.splice(step.to, 0, moved ?? step.line);
			return next;
		}

		case 'cut': {
			// Cut at a piece boundary: an SGR sequence is never split.
			const pieces = (next[step.row] ?? '').split(/(?=\u001B)/v);
			next[step.row] = pieces.slice(0, step.keep).join('');
			return next;
		}

		case 'resize':
		case 'late-resize':
		case 'bounce': {
			return next;
		}
	}
};

/** The line as a terminal `columns` wide shows it when the last column is left free: what does not fit is cut (a wide character whole). */
const cut = (text: string, columns: number): string => {
	let width = 0;
	let out = '';
	for (const piece of text.split(/(\u001B\[[\d;]*m)/v)) {
		if (piece.startsWith('\u001B')) {
			out += piece;
			continue;
		}

		for (const character of piece) {
			width += wide.has(character) ? 2 : 1;
			if (width > columns - 1) {
				return out;
			}

			out += character;
		}
	}

	return out;
};

/** Every cell of the visible screen: its characters, width, colours and attributes. */
const cells = (terminal: Terminal): string[] => {
	const buffer = terminal.buffer.active;
	const lines: string[] = [];
	for (let y = 0; y < terminal.rows; y++) {
		const row = buffer.getLine(buffer.viewportY + y);
		const parts: string[] = [];
		for (let x = 0; x < terminal.cols; x++) {
			const cell = row?.getCell(x);
			parts.push(cell === undefined
				? '?'
				: [cell.getChars() || ' ',
					cell.getWidth(),
					cell.getFgColorMode(),
					cell.getFgColor(),
					cell.getBgColorMode(),
					cell.getBgColor(),
					cell.isBold(),
					cell.isDim(),
					cell.isItalic(),
					cell.isUnderline(),
					cell.isInverse(),
					cell.isStrikethrough()].join(','));
		}

		lines.push(parts.join('|'));
	}

	return lines;
};

const repaint = (lines: readonly string[], columns: number, rows: number): string =>
	'\u001B[m\u001B[H\u001B[2J' + lines.slice(0, rows).map((text, row) => `\u001B[${row + 1}H${cut(text, columns)}\u001B[m`).join('');

/** Feeds the steps through the diff into one terminal and as full repaints into another; the screens must match after every frame. */
const sameAsRepaint = async (makeDiff: () => ScreenDiff, steps: readonly Step[]): Promise<void> => {
	let columns = 20;
	let rows = 10;
	const diffed = terminal(columns, rows);
	const reference = terminal(columns, rows);
	const diff = makeDiff();
	let frame: string[] = [];
	await write(diffed, '\u001B[?1049h');
	await write(reference, '\u001B[?1049h');
	for (const [index, current] of steps.entries()) {
		if (current.kind === 'resize') {
			columns = current.columns;
			rows = current.rows;
			diffed.resize(columns, rows);
			reference.resize(columns, rows);
		}

		if (current.kind === 'late-resize' || current.kind === 'bounce') {
			// Frames for the size the app still believes in, diffed and on their way.
			const stale: string[] = [];
			for (const edit of current.stale) {
				frame = apply(frame, edit);
				stale.push(diff.update(frame, {columns, rows}));
			}

			const first = stale.shift() ?? '';
			const at = current.kind === 'late-resize' ? Math.floor(current.split * first.length) : first.length;
			// eslint-disable-next-line no-await-in-loop
			await write(diffed, first.slice(0, at));
			if (current.kind === 'late-resize') {
				columns = current.columns;
				rows = current.rows;
				diffed.resize(columns, rows);
			} else {
				diffed.resize(Math.max(1, columns - current.columns), Math.max(1, rows - current.rows));
				diffed.resize(columns, rows);
			}

			reference.resize(columns, rows);
			// eslint-disable-next-line no-await-in-loop
			await write(diffed, first.slice(at) + stale.join(''));
			if (current.kind === 'bounce' || current.signal) {
				diff.invalidate();
			}
		}

		frame = apply(frame, current).filter(text => text !== undefined);
		// eslint-disable-next-line no-await-in-loop
		await write(diffed, diff.update(frame, {columns, rows}));
		// eslint-disable-next-line no-await-in-loop
		await write(reference, repaint(frame, columns, rows));
		expect(cells(diffed), `after step ${index}`).toEqual(cells(reference));
	}

	diffed.dispose();
	reference.dispose();
};

const property = (makeDiff: () => ScreenDiff) => fc.asyncProperty(fc.array(step, {minLength: 1, maxLength: 14}), async steps => sameAsRepaint(makeDiff, steps));

describe('the screen diff', () => {
	test('leaves the screen exactly as a full repaint would, after every frame', async () => {
		await fc.assert(property(screenDiff), {numRuns: 100});
	});

	test('the property catches an off-by-one cursor move (a mutation of the diff)', async () => {
		const offByOne = (from: Position | undefined, to: Position): string => move(from, from?.row === to.row ? to : {row: to.row, column: to.column + 1});
		await expect(fc.assert(property(() => screenDiff({move: offByOne})), {numRuns: 100})).rejects.toThrow(/Property failed/v);
	});
});
