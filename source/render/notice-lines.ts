import {truncate, width as cellsOf} from './cells.js';

/**
A notice that does not fit beside the footer's keys (a Milvus refusal is often long) gets lines of
its own above them, at most three; the table gives up those lines while it is shown.
*/
const maxNoticeLines = 3;

const chunks = (text: string, size: number): string[] => {
	const characters = [...text];
	const lines: string[] = [];
	for (let start = 0; start < characters.length && lines.length < maxNoticeLines; start += size) {
		lines.push(characters.slice(start, start + size).join(''));
	}

	return lines;
};

/** The notice's own lines above the hints, when it does not fit beside them; [] otherwise. */
export const noticeLines = (notice: string | undefined, width: number): readonly string[] => {
	if (notice === undefined || cellsOf(notice) <= Math.max(20, width - 30)) {
		return [];
	}

	// Code points, then cut by cells: a wide character never pushes a line past the width.
	const lines = chunks(notice, Math.max(1, width)).map(line => truncate(line, width));
	return [...notice].length > maxNoticeLines * width ? [...lines.slice(0, -1), truncate(lines.at(-1)!, width - 1) + '…'] : lines;
};

/** The footer's height with this notice: its own lines, then the keys' line. */
export const footerLines = (notice: string | undefined, width: number): number => 1 + noticeLines(notice, width).length;
