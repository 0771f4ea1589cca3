import {describe, expect, test} from 'vitest';
import {parseConfig} from '../../source/config/config.js';

const env = {LANG: 'C.UTF-8'};

describe('journal, history and notification flags', () => {
	test('history filters', () => {
		expect(parseConfig(['history', '--since', '24h', '--state', 'failed,Expired', '--collection', 'books', '--context', 'prod', '--json'], env)).toEqual({
			kind: 'history', since: {kind: 'ago', ms: 86_400_000}, states: ['failed', 'expired'], collections: ['books'], contexts: ['prod'], json: true,
		});
		expect(parseConfig(['history', '--since', '2026-12-01'], env)).toMatchObject({since: {kind: 'at', at: Date.UTC(2026, 11, 1)}});
		expect(parseConfig(['history'], env)).toEqual({
			kind: 'history', since: undefined, states: [], collections: [], contexts: [], json: false,
		});
	});

	test.each([
		[['history', '--since', 'yesterday'], '--since must be a period like 30m, 24h or 7d'],
		[['history', '--state', 'done'], 'unknown state "done" for --state (one of pending, importing'],
		[['history', '--uri', 'x'], 'unknown option --uri'],
		[['--on-event', ' '], '--on-event needs a command'],
		[['demo-server', '--retention', 'soon'], '--retention must be a positive number of seconds'],
	])('%j is a usage error', (argv, message) => {
		expect(parseConfig(argv, env)).toMatchObject({kind: 'usage-error', message: expect.stringContaining(message) as unknown});
	});

	test('the journal is on by default; --no-journal, --notify and --on-event', () => {
		expect(parseConfig([], env)).toMatchObject({watchers: {journal: true, notify: false, onEvent: undefined}});
		expect(parseConfig(['--no-journal', '--notify', '--on-event', 'notify-send "$IMPORT_JOB_ID"'], env))
			.toMatchObject({watchers: {journal: false, notify: true, onEvent: 'notify-send "$IMPORT_JOB_ID"'}});
	});

	test('demo-server --retention in seconds', () => {
		expect(parseConfig(['demo-server', '--retention', '5'], env)).toMatchObject({kind: 'demo-server', retentionMs: 5000});
		expect(parseConfig(['demo-server'], env)).toMatchObject({kind: 'demo-server', retentionMs: undefined});
	});
});
