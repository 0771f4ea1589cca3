import {memo} from 'react';
import {Text} from 'ink';
import type {Column} from './columns.js';
import {fit} from './cells.js';
import {formatDuration} from './format.js';
import {ProgressBar} from './progress-bar.js';
import {useTheme} from './theme-context.js';

/** What one row shows: computed by the app from the model, so this stays props-only. */
export type JobRowData = {
	readonly jobId: string;
	readonly collectionName: string;
	readonly state: string;
	readonly progress: number | undefined;
	/** Rate and ETA, or what the job is waiting for. */
	readonly hint: string;
	readonly inStateMs: number;
	readonly reason: string;
	/** The state changed at the last poll: marked for a moment. */
	readonly changed: boolean;
	/** The job vanished from the list. */
	readonly gone: 'expired' | 'lost' | undefined;
};

export type JobRowProps = {
	readonly row: JobRowData;
	readonly columns: readonly Column[];
	readonly selected: boolean;
};

/** One dense line, every cell cut to its width by what the terminal shows. Memoized: 10k rows, one changed. */
export const JobRow = memo(({row, columns, selected}: JobRowProps) => {
	const theme = useTheme();
	const look = theme.state(row.state);
	// The selected row is one uniform highlight (inverse over per-cell colours makes a patchwork).
	const plain = selected && theme.color;
	const paint = (color: string | undefined) => (plain ? undefined : color);
	const cut = (text: string, width: number, align: 'left' | 'right' = 'left') => fit(text, width, align, theme.ellipsis);
	const cells = columns.map(({id, width}) => {
		switch (id) {
			case 'state': {
				return <Text key={id} color={paint(look.color)}>{cut(`${look.glyph} ${look.label}`, width)}</Text>;
			}

			case 'jobId': {
				return <Text key={id}>{cut(row.jobId, width)}</Text>;
			}

			case 'collection': {
				return <Text key={id}>{cut(row.collectionName, width)}</Text>;
			}

			case 'progress': {
				return <ProgressBar key={id} progress={row.progress} width={width} color={look.color} isPlain={plain}/>;
			}

			case 'hint': {
				return <Text key={id} color={paint(theme.tone('muted'))}>{cut(row.gone ?? row.hint, width)}</Text>;
			}

			case 'age': {
				return <Text key={id}>{cut(formatDuration(row.inStateMs), width, 'right')}</Text>;
			}

			case 'reason': {
				return <Text key={id} color={row.reason === '' ? undefined : paint(theme.tone('error'))}>{cut(row.reason, width)}</Text>;
			}
		}

		return undefined;
	});
	return (
		<Text wrap='truncate' inverse={theme.color ? selected : false} dimColor={row.gone !== undefined}>
			<Text>{selected ? theme.pointer : ' '}</Text>
			<Text color={paint(theme.tone('changed'))}>{row.changed ? theme.changedMark : ' '}</Text>
			{cells.flatMap((cell, index) => (index === 0 ? [cell] : [' ', cell]))}
		</Text>
	);
});
