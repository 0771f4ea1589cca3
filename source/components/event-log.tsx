import {Box, Text} from 'ink';
import type {JobEvent, JobEventKind} from '../model/jobs/types.js';
import {fit} from '../render/cells.js';
import {formatClock} from '../render/format.js';
import {useTheme} from './theme-context.js';

export type EventLogProps = {
	/** Oldest first, as the model keeps them. */
	readonly events: readonly JobEvent[];
	/** How many of the newest events to skip (scrolling back). */
	readonly offset: number;
	readonly width: number;
	readonly height: number;
	/** Events before this time came from the journal (an earlier run): marked `earlier`, dimmed. */
	readonly earlierBefore?: number;
};

const describe = (event: JobEvent): string => {
	switch (event.kind) {
		case 'failed': {
			return event.detail === '' ? 'turned Failed' : `turned Failed: ${event.detail}`;
		}

		case 'completed': {
			return 'Completed';
		}

		case 'stalled': {
			return event.detail === '' ? 'stalled: no change' : `stalled: ${event.detail}`;
		}

		case 'expired': {
			return 'expired: gone from the server after finishing';
		}

		case 'lost': {
			return 'lost: gone from the server while running';
		}

		case 'appeared': {
			return event.detail === '' ? 'appeared' : `appeared as ${event.detail}`;
		}

		case 'state': {
			return `now ${event.detail}`;
		}
	}
};

const stateOf: Readonly<Partial<Record<JobEventKind, string>>> = {failed: 'Failed', completed: 'Completed'};

/** Month-day of an earlier run's event (the clock alone could be any day). */
const formatDay = (at: number): string => {
	const date = new Date(at);
	return `${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
};

/** Every transition since start (and, from the journal, the last ones before), newest first, with its local time. */
export function EventLog({
	events, offset, width, height, earlierBefore,
}: EventLogProps) {
	const theme = useTheme();
	const room = Math.max(0, height - 1);
	const newestFirst = events.toReversed().slice(offset, offset + room);
	const isEarlier = (at: number): boolean => earlierBefore !== undefined && at < earlierBefore;
	const earlier = events.filter(event => isEarlier(event.at)).length;
	// A job id is 19 digits at most; with several contexts it is `context/id` (up to 40 more), never cut.
	let idWidth = 20;
	for (const event of newestFirst) {
		idWidth = Math.max(idWidth, Math.min(61, event.jobId.length));
	}

	const counted = earlier === 0 ? `${events.length} since start` : `${events.length - earlier} since start, ${earlier} earlier (journal)`;
	return (
		<Box flexDirection='column' height={height}>
			<Text bold color={theme.tone('header')} wrap='truncate'>
				{`Event log: ${counted}${offset > 0 ? `, ${offset} newer above` : ''}  ${theme.dot}  Esc or e to close`}
			</Text>
			{newestFirst.length === 0
				? <Text color={theme.tone('muted')}>no transitions yet</Text>
				: newestFirst.map(event => {
					const state = stateOf[event.kind] ?? (event.kind === 'state' || event.kind === 'appeared' ? event.detail : '');
					const look = theme.state(state);
					const old = isEarlier(event.at);
					const line = `${old ? `earlier ${formatDay(event.at)} ` : ''}${formatClock(event.at)}  ${fit(event.jobId, idWidth, 'left', theme.ellipsis)} ${fit(event.collectionName, 16, 'left', theme.ellipsis)} ${describe(event)}`;
					return (
						<Text key={`${event.at}:${event.jobId}:${event.kind}`} wrap='truncate'>
							<Text color={look.color}>{state === '' ? '  ' : `${look.glyph} `}</Text>
							<Text color={old ? theme.tone('muted') : undefined}>{fit(line, width - 2, 'left', theme.ellipsis)}</Text>
						</Text>
					);
				})}
		</Box>
	);
}
