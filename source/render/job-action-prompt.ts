import type {JobAction} from '../api/job-actions.js';

/**
The one-line confirmation of `C` / `X`: names the job and its collection, ends in `[y/N]` (y goes
ahead, any other key cancels). Narrow terminals shorten the collection first, then the question,
never the id or the `[y/N]`: a person must see what they are agreeing to and how to say no.
*/

/** What happens, said when there is room. */
const effects: Readonly<Record<JobAction, string>> = {
	commit: 'its rows become visible',
	abort: 'it fails and its imported rows are dropped',
};

const verbs: Readonly<Record<JobAction, string>> = {commit: 'Commit', abort: 'Abort'};

const shorten = (text: string, width: number): string => {
	if ([...text].length <= width) {
		return text;
	}

	return width <= 1 ? '…'.slice(0, Math.max(0, width)) : `${[...text].slice(0, width - 1).join('')}…`;
};

export const confirmPrompt = (action: JobAction, jobId: string, collectionName: string, width: number): string => {
	const answer = ' [y/N]';
	const head = `${verbs[action]} job ${jobId}`;
	const full = `${head} of collection ${collectionName}? (${effects[action]})${answer}`;
	if ([...full].length <= width) {
		return full;
	}

	const plain = `${head} of collection ${collectionName}?${answer}`;
	if ([...plain].length <= width) {
		return plain;
	}

	// What is left for the collection name once the rest is written.
	const room = width - [...`${head} of ?${answer}`].length;
	return room >= 4 ? `${head} of ${shorten(collectionName, room)}?${answer}` : `${head}?${answer}`;
};

/** The notice right after `y`: what was sent (the result replaces it when the answer arrives). */
export const sendingText = (action: JobAction, jobId: string): string => `${action === 'commit' ? 'committing' : 'aborting'} job ${jobId}…`;

/** The notice after any other key. */
export const cancelledText = (action: JobAction): string => `${action} cancelled: nothing was sent`;
