import type {IBuffer, IBufferCell} from '@xterm/headless';

/** A headless xterm's screen as an SVG picture: each cell's character, colours, bold, dim and inverse. Pure. */

export type SvgOptions = {
	readonly cols: number;
	readonly rows: number;
	readonly title?: string;
};

const cellWidth = 8.4;
const cellHeight = 18;
const fontSize = 14;
const padding = 12;
const foreground = '#d4d4d4';
const background = '#1e1e1e';

// The 16 ANSI colours (a VS Code-like dark theme), then xterm's 6×6×6 cube and grey ramp.
const ansi16 = [
	'#000000',
	'#cd3131',
	'#0dbc79',
	'#e5e510',
	'#2472c8',
	'#bc3fbc',
	'#11a8cd',
	'#e5e5e5',
	'#666666',
	'#f14c4c',
	'#23d18b',
	'#f5f543',
	'#3b8eea',
	'#d670d6',
	'#29b8db',
	'#ffffff',
];
const hex = (n: number): string => n.toString(16).padStart(2, '0');
const cube = [0, 95, 135, 175, 215, 255];
const palette = (index: number): string => {
	if (index < 16) {
		return ansi16[index]!;
	}

	if (index < 232) {
		const n = index - 16;
		return `#${hex(cube[Math.floor(n / 36)]!)}${hex(cube[Math.floor(n / 6) % 6]!)}${hex(cube[n % 6]!)}`;
	}

	const grey = 8 + ((index - 232) * 10);
	return `#${hex(grey)}${hex(grey)}${hex(grey)}`;
};

const rgb = (value: number): string => `#${value.toString(16).padStart(6, '0')}`;

type Style = {readonly fg: string; readonly bg: string | undefined; readonly bold: boolean; readonly dim: boolean};

const styleOf = (cell: IBufferCell): Style => {
	let fg = cell.isFgRGB() ? rgb(cell.getFgColor()) : (cell.isFgPalette() ? palette(cell.getFgColor()) : undefined);
	let bg = cell.isBgRGB() ? rgb(cell.getBgColor()) : (cell.isBgPalette() ? palette(cell.getBgColor()) : undefined);
	if (cell.isInverse()) {
		[fg, bg] = [bg ?? background, fg ?? foreground];
	}

	return {
		fg: fg ?? foreground, bg, bold: cell.isBold() !== 0, dim: cell.isDim() !== 0,
	};
};

const escape = (text: string): string => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const same = (a: Style, b: Style): boolean => a.fg === b.fg && a.bg === b.bg && a.bold === b.bold && a.dim === b.dim;

type Run = {readonly x: number; width: number; text: string; readonly style: Style};

/** Cells of one line grouped into runs of one style; wide characters take two cells. */
const runsOf = (buffer: IBuffer, y: number, cols: number): Run[] => {
	const line = buffer.getLine(buffer.viewportY + y);
	const runs: Run[] = [];
	if (line === undefined) {
		return runs;
	}

	for (let x = 0; x < cols; x++) {
		const cell = line.getCell(x);
		if (cell === undefined || cell.getWidth() === 0) {
			continue; // The second half of a wide character
		}

		const style = styleOf(cell);
		const text = cell.getChars() || ' ';
		const last = runs.at(-1);
		if (last !== undefined && same(last.style, style) && last.x + last.width === x) {
			last.text += text;
			last.width += cell.getWidth();
		} else {
			runs.push({
				x, width: cell.getWidth(), text, style,
			});
		}
	}

	return runs;
};

export const bufferToSvg = (buffer: IBuffer, options: SvgOptions): string => {
	const width = (options.cols * cellWidth) + (2 * padding);
	const height = (options.rows * cellHeight) + (2 * padding);
	const out: string[] = [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width.toFixed(0)}" height="${height}" viewBox="0 0 ${width.toFixed(1)} ${height}"`
		+ ` role="img" aria-label="${escape(options.title ?? 'terminal screen')}">`,
		`<rect width="100%" height="100%" rx="6" fill="${background}"/>`,
		`<g font-family="ui-monospace, SFMono-Regular, Menlo, Consolas, 'DejaVu Sans Mono', 'Liberation Mono', monospace" font-size="${fontSize}" xml:space="preserve">`,
	];
	for (let y = 0; y < options.rows; y++) {
		const top = padding + (y * cellHeight);
		for (const run of runsOf(buffer, y, options.cols)) {
			const left = padding + (run.x * cellWidth);
			const runWidth = run.width * cellWidth;
			if (run.style.bg !== undefined) {
				out.push(`<rect x="${left.toFixed(1)}" y="${top}" width="${runWidth.toFixed(1)}" height="${cellHeight}" fill="${run.style.bg}"/>`);
			}

			// Trailing blanks draw nothing (their background, if any, is drawn above).
			const text = run.text.trimEnd();
			if (text === '') {
				continue;
			}

			const textWidth = (run.width - (run.text.length - text.length)) * cellWidth;
			const weight = run.style.bold ? ' font-weight="bold"' : '';
			const dim = run.style.dim ? ' opacity="0.6"' : '';
			// textLength pins the run to its cells, whatever the font's widths for block and box glyphs.
			out.push(`<text x="${left.toFixed(1)}" y="${top + 13}" fill="${run.style.fg}"${weight}${dim} textLength="${textWidth.toFixed(1)}" lengthAdjust="spacingAndGlyphs">${escape(text)}</text>`);
		}
	}

	out.push('</g>', '</svg>');
	return out.join('\n') + '\n';
};

/** The plain text of the screen, trailing spaces and blank lines at the end trimmed. */
export const bufferToText = (buffer: IBuffer, rows: number): string => {
	const lines = Array.from({length: rows}, (_, y) => (buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '').trimEnd());
	while (lines.length > 0 && lines.at(-1) === '') {
		lines.pop();
	}

	return lines.join('\n') + '\n';
};
