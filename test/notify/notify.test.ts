import {describe, expect, test} from 'vitest';
import {sanitize} from '../../source/api/sanitize.js';
import {openPollFeed} from '../../source/journal/feed.js';
import type {Job} from '../../source/model/jobs/job.js';
import {notifyTarget, oscNotification, type NotifyTarget} from '../../source/notify/osc.js';

const hostile = 'disk \u001B]0;owned\u0007full\u0007 $(reboot) \u009B2J\u001B\\ ;x';

const job = (jobId: string, state: string, reason = ''): Job => ({
	jobId, collectionName: 'books', state, progress: state === 'Completed' ? 100 : 10, reason,
});

const scope = {
	cluster: 'http://localhost:19530', db: '', context: '', collections: [],
};

const feedWriting = async (writes: string[], target: NotifyTarget, watchedIds?: readonly string[]) => openPollFeed({
	watchers: {journal: false, notify: true, onEvent: undefined},
	dir: '/nonexistent',
	cluster: scope.cluster,
	stallAfterMs: 300_000,
	env: {},
	now: Date.now,
	report(message) {
		throw new Error(message);
	},
	terminal(text) {
		writes.push(text);
	},
	notifyTarget: target,
	watchedIds,
});

// One OSC 9 from ESC ] 9 ; to BEL, nothing else: no ESC, BEL or other control inside it.
const osc9 = /^\u001B\]9;([^\u0000-\u001F\u007F-\u009F]*)\u0007$/v;

describe('--notify', () => {
	test('one OSC 9 per failure and one when every watched job has finished, with no control character inside', async () => {
		const writes: string[] = [];
		const feed = await feedWriting(writes, {form: '9', multiplexer: 'none'});
		feed.onPoll(scope, [job('1', 'Importing'), job('2', 'Importing')], 1000);
		expect(writes).toEqual([]);
		// The api/ layer sanitizes every server string before the model sees it: so does this poll.
		feed.onPoll(scope, [job('1', 'Failed', sanitize(hostile)), job('2', 'Importing')], 2000);
		expect(writes).toHaveLength(1);
		expect(writes[0]).toMatch(osc9);
		expect(osc9.exec(writes[0]!)?.[1]).toBe(`Import job failed: 1 (books): ${sanitize(hostile).trim()}`);
		feed.onPoll(scope, [job('1', 'Failed'), job('2', 'Importing')], 3000);
		expect(writes).toHaveLength(1);
		feed.onPoll(scope, [job('1', 'Failed'), job('2', 'Completed')], 4000);
		expect(writes).toHaveLength(2);
		expect(osc9.exec(writes[1]!)?.[1]).toBe('Import jobs finished: all 2 watched jobs finished: 1 completed, 1 failed');
		feed.onPoll(scope, [job('1', 'Failed'), job('2', 'Completed')], 5000);
		expect(writes).toHaveLength(2);
	});

	test('a start among finished jobs is not news; --wait --job limits what is watched', async () => {
		const writes: string[] = [];
		const feed = await feedWriting(writes, {form: '9', multiplexer: 'none'}, ['2']);
		feed.onPoll(scope, [job('1', 'Failed'), job('2', 'Completed')], 1000);
		expect(writes).toEqual([]);
		const other = await feedWriting(writes, {form: '9', multiplexer: 'none'}, ['2']);
		other.onPoll(scope, [job('1', 'Importing'), job('2', 'Importing')], 1000);
		other.onPoll(scope, [job('1', 'Failed', 'x'), job('2', 'Completed')], 2000);
		expect(writes.map(text => osc9.exec(text)?.[1])).toEqual(['Import jobs finished: all 1 watched job finished: 1 completed, 0 failed']);
	});

	test('unsanitized text still cannot end the sequence early', () => {
		const text = oscNotification(hostile, hostile, {form: '9', multiplexer: 'none'});
		expect(text).toMatch(osc9);
	});

	test('OSC 777 for rxvt and VTE; tmux gets its DCS passthrough with every ESC doubled; screen a DCS', () => {
		expect(notifyTarget({TERM: 'rxvt-unicode-256color'})).toEqual({form: '777', multiplexer: 'none'});
		expect(notifyTarget({TERM: 'xterm-256color', VTE_VERSION: '7600'})).toEqual({form: '777', multiplexer: 'none'});
		expect(notifyTarget({TERM: 'xterm-256color', TERM_PROGRAM: 'WezTerm', VTE_VERSION: '7600'})).toEqual({form: '9', multiplexer: 'none'});
		expect(notifyTarget({TERM: 'tmux-256color', TMUX: '/tmp/tmux-0/default,1,0'})).toEqual({form: '9', multiplexer: 'tmux'});
		expect(notifyTarget({TERM: 'screen', STY: '1.pts-0'})).toEqual({form: '9', multiplexer: 'screen'});

		expect(oscNotification('Import; job failed', '1: x', {form: '777', multiplexer: 'none'}))
			.toBe('\u001B]777;notify;Import, job failed;1: x\u0007');
		expect(oscNotification('T', 'b', {form: '9', multiplexer: 'tmux'})).toBe('\u001BPtmux;\u001B\u001B]9;T: b\u0007\u001B\\');
		expect(oscNotification('T', 'b', {form: '9', multiplexer: 'screen'})).toBe('\u001BP\u001B]9;T: b\u0007\u001B\\');
	});

	test('--no-journal without --notify or --on-event derives nothing', async () => {
		const feed = await openPollFeed({
			watchers: {journal: false, notify: false, onEvent: undefined},
			dir: '/nonexistent',
			cluster: scope.cluster,
			stallAfterMs: 300_000,
			env: {},
			now: Date.now,
			report(message) {
				throw new Error(message);
			},
			terminal: undefined,
			notifyTarget: {form: '9', multiplexer: 'none'},
		});
		feed.onPoll(scope, [job('1', 'Importing')], 1000);
		expect(feed.onPoll(scope, [job('1', 'Failed', 'x')], 2000)).toEqual([]);
	});
});

describe('--notify with several contexts', () => {
	const staging = {
		cluster: 'http://staging:19530', db: '', context: 'staging', collections: [],
	};
	const prod = {
		cluster: 'http://prod:19530', db: '', context: 'prod', collections: [],
	};
	const decoded = (writes: readonly string[]): string[] => writes.map(text => osc9.exec(text)?.[1] ?? text);

	test('each context\'s own "all finished", named in the title; the same id failing on one cluster names that one', async () => {
		const writes: string[] = [];
		const feed = await feedWriting(writes, {form: '9', multiplexer: 'none'});
		feed.onPoll(staging, [job('1', 'Importing')], 1000);
		feed.onPoll(prod, [job('1', 'Importing')], 1000);
		feed.onPoll(staging, [job('1', 'Completed')], 2000);
		expect(decoded(writes)).toEqual(['Import jobs finished (staging): all 1 watched job finished: 1 completed, 0 failed']);
		feed.onPoll(prod, [job('1', 'Failed', 'no space')], 2000);
		expect(decoded(writes).slice(1)).toEqual([
			'Import job failed (prod): 1 (books): no space',
			'Import jobs finished (prod): all 1 watched job finished: 0 completed, 1 failed',
		]);
	});

	test('--wait --job CONTEXT/ID: a context speaks of its own ids only, and not at all when none is its', async () => {
		const writes: string[] = [];
		const feed = await feedWriting(writes, {form: '9', multiplexer: 'none'}, ['prod/2']);
		feed.onPoll(staging, [job('2', 'Importing')], 1000);
		feed.onPoll(prod, [job('1', 'Importing'), job('2', 'Importing')], 1000);
		feed.onPoll(staging, [job('2', 'Failed', 'x')], 2000);
		feed.onPoll(prod, [job('1', 'Failed', 'y'), job('2', 'Completed')], 2000);
		expect(decoded(writes)).toEqual(['Import jobs finished (prod): all 1 watched job finished: 1 completed, 0 failed']);
	});
});
