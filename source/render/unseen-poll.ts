import {mayHaveRate} from '../model/jobs/rates.js';
import type {AppState} from '../model/store/state.js';
import {isFresh} from './header-age.js';

/**
Whether `next` differs from the shown state only by a poll that changes nothing on the list screen:
the same jobs map (mergePoll returns the previous one when nothing changed) and everything else equal
but the time of the last good poll, which the list shows only through
- the "changed" marks of the previous poll, which it clears (none may be set);
- rate and ETA, computed at the poll time (no job may have a rate);
- the header's age, read at each tick with the newest poll time (`previous`'s until now): it must read
  the same, fresh before and after;
- the order when sorting by rate (not sorting by rate).
Other modes (the detail view reloads at each poll) and wait mode (it counts polls) always render.
*/
export function isUnseenPoll(shown: AppState, next: AppState, previous: AppState, now: number): boolean {
	if (shown.mode !== 'list' && shown.mode !== 'filter') {
		return false;
	}

	// Every field, so one added to AppState later is compared too.
	for (const [key, value] of Object.entries(next)) {
		if (key !== 'poll' && value !== Reflect.get(shown, key)) {
			return false;
		}
	}

	const before = shown.poll;
	const after = next.poll;
	const headerBefore = previous.poll.lastOkAt;
	if (before.lastOkAt === undefined || after.lastOkAt === undefined || headerBefore === undefined
		|| before.lastError !== after.lastError || before.consecutiveFailures !== after.consecutiveFailures
		|| shown.sort.column === 'rate'
		|| !isFresh(now - headerBefore, shown.intervalMs) || !isFresh(now - after.lastOkAt, shown.intervalMs)) {
		return false;
	}

	for (const job of next.jobs.values()) {
		if (job.stateChangedAt === before.lastOkAt || (mayHaveRate(job) && job.samples.length > 1)) {
			return false;
		}
	}

	return true;
}
