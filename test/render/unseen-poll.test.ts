import {expect, test} from 'vitest';
import type {AppState} from '../../source/model/store/state.js';
import {isUnseenPoll} from '../../source/render/unseen-poll.js';
import {
	job, poll, run, start,
} from '../model/make.js';

const done = [job('1', {state: 'Completed', progress: 100}), job('2', {state: 'Failed', progress: 0, reason: 'import timeout'})];
const shownAt = (state: AppState): AppState => poll(state, 1000, done);
// Each case: the state on screen, the one the next poll leads to, and the clock when it arrives.
type Case = readonly [name: string, shown: AppState, next: (shown: AppState) => AppState, now: number, unseen: boolean];

const listed = shownAt(start());
const moving = poll(poll(start(), 1000, [job('1', {progress: 10})]), 3000, [job('1', {progress: 20})]);

const cases: readonly Case[] = [
	['list: finished jobs, nothing changed', listed, shown => poll(shown, 3000, done), 3000, true],
	['filter mode is the list too', run(listed, {type: 'set-mode', mode: 'filter'}), shown => poll(shown, 3000, done), 3000, true],
	['the detail view reloads at each poll', run(listed, {type: 'set-mode', mode: 'detail'}), shown => poll(shown, 3000, done), 3000, false],
	['the event log', run(listed, {type: 'set-mode', mode: 'events'}), shown => poll(shown, 3000, done), 3000, false],
	['a job changed', listed, shown => poll(shown, 3000, [done[0]!, job('2', {state: 'Importing'})]), 3000, false],
	['a job appeared', listed, shown => poll(shown, 3000, [...done, job('3')]), 3000, false],
	['sorted by rate', run(listed, {type: 'set-sort', sort: {column: 'rate', reverse: false}}), shown => poll(shown, 3000, done), 3000, false],
	['late: the header counts the seconds again', listed, shown => poll(shown, 3000, done), 4000, false],
	['after a failed poll the error line goes', run(listed, {
		type: 'poll-failed', at: 2000, scope: listed.scope, error: {kind: 'timeout', afterMs: 1000},
	}), shown => poll(shown, 3000, done), 3000, false],
	['the first good poll', start(), shown => poll(shown, 3000, done), 3000, false],
	['a running job with a rate: rate and ETA move', moving, shown => poll(shown, 5000, [job('1', {progress: 20})]), 5000, false],
	['something else changed too (the interval)', listed, shown => run(poll(shown, 3000, done), {type: 'set-interval', ms: 5000}), 3000, false],
];

test.each(cases)('%s', (_name, shown, next, now, unseen) => {
	expect(isUnseenPoll(shown, next(shown), shown, now)).toBe(unseen);
});
