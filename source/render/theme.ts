import type {KnownState} from '../model/jobs/job.js';

/**
Every colour, glyph and bar cell the screen uses, in one place. Each state has a glyph and a label
as well as a colour, so nothing is said by colour alone (NO_COLOR, colour-blind eyes, screenshots).
Colour and ASCII are decided by the CLI (Config.color, Config.ascii) and passed down.
*/

export type ThemeOptions = {readonly color: boolean; readonly ascii: boolean};

/** Semantic tokens: components ask for a meaning, never for a raw colour. */
export type Token = 'header' | 'label' | 'muted' | 'stale' | 'error' | 'paused' | 'changed' | 'bar' | 'key';

type StateStyle = {readonly color: string; readonly glyph: string; readonly ascii: string};

const stateStyles: Readonly<Record<KnownState, StateStyle>> = {
	Pending: {color: 'yellow', glyph: '○', ascii: '.'},
	Importing: {color: 'cyan', glyph: '◐', ascii: '>'},
	Uncommitted: {color: 'magenta', glyph: '◇', ascii: 'u'},
	Committing: {color: 'blue', glyph: '◆', ascii: 'c'},
	Completed: {color: 'green', glyph: '✓', ascii: '+'},
	Failed: {color: 'red', glyph: '✗', ascii: 'X'},
	None: {color: 'gray', glyph: '·', ascii: '-'},
};

/** A state string Milvus may add later: shown as it is, with a question mark. */
const unknownStyle: StateStyle = {color: 'yellow', glyph: '?', ascii: '?'};

const tokenColors: Readonly<Record<Token, string>> = {
	header: 'cyan',
	label: 'gray',
	muted: 'gray',
	stale: 'yellow',
	error: 'red',
	paused: 'yellow',
	changed: 'magenta',
	bar: 'cyan',
	key: 'cyan',
};

/** Unicode eighths give a bar 8× the resolution of its width. */
const eighths = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'] as const;

export type StateLook = {readonly color: string | undefined; readonly glyph: string; readonly label: string};

export type Theme = {
	readonly color: boolean;
	readonly ascii: boolean;
	/** Marks the selected row, visible without colour too. */
	readonly pointer: string;
	readonly ellipsis: string;
	readonly sortUp: string;
	readonly sortDown: string;
	/** Marks a row whose state changed since the last poll. */
	readonly changedMark: string;
	/** Separates parts of a title line. */
	readonly dot: string;
	/** "loading…" */
	readonly loading: string;
	/** Glyph, label and colour (undefined when colour is off) of a job state. */
	state(state: string): StateLook;
	/** Colour of a semantic token, undefined when colour is off. */
	tone(token: Token): string | undefined;
	/** A bar of `width` cells for 0–100: the filled part and the empty rest, their widths adding up to `width`. */
	bar(progress: number | undefined, width: number): {readonly filled: string; readonly empty: string};
};

const isKnown = (state: string): state is KnownState => Object.hasOwn(stateStyles, state);

const makeBar = (ascii: boolean) => (progress: number | undefined, width: number) => {
	const cells = Math.max(0, Math.floor(width));
	const value = progress === undefined || Number.isNaN(progress) ? 0 : Math.min(100, Math.max(0, progress));
	const emptyCell = ascii ? '-' : '·';
	if (ascii) {
		const full = Math.floor((value / 100) * cells);
		return {filled: '#'.repeat(full), empty: emptyCell.repeat(cells - full)};
	}

	const units = Math.floor((value / 100) * cells * 8);
	const full = Math.floor(units / 8);
	const part = full < cells ? eighths[units % 8]! : '';
	const used = full + (part === '' ? 0 : 1);
	return {filled: '█'.repeat(full) + part, empty: emptyCell.repeat(cells - used)};
};

export const makeTheme = ({color, ascii}: ThemeOptions): Theme => ({
	color,
	ascii,
	state(state) {
		const style = isKnown(state) ? stateStyles[state] : unknownStyle;
		return {
			color: color ? style.color : undefined,
			glyph: ascii ? style.ascii : style.glyph,
			label: state === '' ? '(none)' : state,
		};
	},
	tone: token => (color ? tokenColors[token] : undefined),
	bar: makeBar(ascii),
	pointer: ascii ? '>' : '►',
	ellipsis: ascii ? '~' : '…',
	sortUp: ascii ? '^' : '▲',
	sortDown: ascii ? 'v' : '▼',
	changedMark: ascii ? '*' : '•',
	dot: ascii ? '-' : '·',
	loading: ascii ? 'loading...' : 'loading…',
});

/** Default for tests and for code paths without a context. */
