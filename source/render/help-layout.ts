import {helpSections} from '../model/keys/key-help.js';
import type {KeyContext} from '../model/keys/keymap.js';
import {fit} from './cells.js';

type Line = {readonly text: string; readonly title: boolean};

const columnWidth = 58;

const helpLines = (keyContext: KeyContext): readonly Line[] => helpSections(keyContext).flatMap(section => [
	{text: section.title, title: true},
	...section.rows.map(row => ({text: `${fit(row.keys, 14)} ${row.description}`, title: false})),
]);

/** How the help is laid out in `width` × `height` (title line included): columns side by side, then scrolling. Pure. */
export const helpLayout = (keyContext: KeyContext, width: number, height: number) => {
	const lines = helpLines(keyContext);
	const perColumn = Math.max(1, height - 1);
	const columnCount = Math.max(1, Math.min(Math.ceil(lines.length / perColumn), Math.floor(width / columnWidth)));
	const capacity = columnCount * perColumn;
	return {
		lines, perColumn, columnCount, maxOffset: Math.max(0, lines.length - capacity),
	};
};
