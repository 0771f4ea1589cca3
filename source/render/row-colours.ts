import {fit} from './cells.js';
import type {Column} from './columns.js';
import {formatPercent, percentWidth} from './format.js';
import type {JobRowData} from './row-texts.js';
import type {Theme} from './theme.js';

/** A run of a row's text in one colour (undefined: the terminal's). */
export type Segment = {readonly text: string; readonly color: string | undefined};

/**
One job row as runs of text, neighbours of the same colour joined, blank cells uncoloured and trailing
blanks dropped (not in the selected row: its inverse bar spans the line). Ink tokenizes every
character and colour code of every line at every frame (~0.3 µs a character), so fewer, plainer runs
make each frame cheaper; what the terminal shows is the same.
*/
export function rowSegments(row: JobRowData, columns: readonly Column[], selected: boolean, theme: Theme): readonly Segment[] {
	const look = theme.state(row.state);
	const segments: Segment[] = [];
	// The selected row is one uniform highlight: inverse over per-cell colours makes a patchwork.
	const plain = selected && theme.color;
	const add = (text: string, color?: string) => {
		const tone = plain || text.trim() === '' ? undefined : color;
		const last = segments.at(-1);
		if (last !== undefined && last.color === tone) {
			segments[segments.length - 1] = {text: last.text + text, color: tone};
		} else if (text !== '') {
			segments.push({text, color: tone});
		}
	};

	const cut = (text: string, width: number, align: 'left' | 'right' = 'left') => fit(text, width, align, theme.ellipsis);
	add(selected ? theme.pointer : ' ');
	add(row.changed ? theme.changedMark : ' ', theme.tone('changed'));
	for (const [index, {id, width}] of columns.entries()) {
		if (index > 0) {
			add(' ');
		}

		switch (id) {
			case 'state': {
				add(cut(`${look.glyph} ${look.label}`, width), look.color);
				break;
			}

			case 'context': {
				add(cut(row.stale === true ? `${row.context ?? ''} stale` : (row.context ?? ''), width), theme.tone(row.stale === true ? 'stale' : 'muted'));
				break;
			}

			case 'jobId': {
				add(cut(row.jobId, width));
				break;
			}

			case 'collection': {
				add(cut(row.collectionName, width));
				break;
			}

			case 'progress': {
				// As ProgressBar draws it: the bar, a space, the percent right-aligned.
				const barWidth = Math.max(0, width - percentWidth - 1);
				const {filled, empty} = theme.bar(row.progress, barWidth);
				add(filled, row.progressStale === true ? theme.tone('muted') : (look.color ?? theme.tone('bar')));
				add(empty, theme.tone('muted'));
				// A Failed job with no progress seen says nothing rather than `?%`: its state says it all.
				const percent = row.progress === undefined && row.state === 'Failed' ? '' : formatPercent(row.progress);
				add((barWidth > 0 ? ' ' : '') + percent.padStart(percentWidth), row.progressStale === true ? theme.tone('muted') : undefined);
				break;
			}

			case 'hint': {
				add(cut(row.gone ?? row.hint, width), theme.tone('muted'));
				break;
			}

			case 'age': {
				add(cut(row.inState, width, 'right'));
				break;
			}

			case 'reason': {
				add(cut(row.reason, width), row.reason === '' ? undefined : theme.tone('error'));
				break;
			}
		}
	}

	const last = segments.at(-1);
	if (!selected && last !== undefined) {
		const text = last.text.trimEnd();
		segments.splice(-1, 1, ...(text === '' ? [] : [{text, color: last.color}]));
	}

	return segments;
}
