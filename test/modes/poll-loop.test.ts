import {expect, test} from 'vitest';
import type {ApiError, ImportClient, Result} from '../../source/api/types.js';
import type {Job} from '../../source/model/jobs/job.js';
import type {ModeContext} from '../../source/modes/context.js';
import {pollLoop} from '../../source/modes/poll-loop.js';
import {testConfig} from '../helpers/config.js';

/** pollLoop over a scripted list of answers; records every wait between polls. */
const runScripted = async (answers: ReadonlyArray<Result<readonly Job[]>>, intervalMs = 1000) => {
	const sleeps: number[] = [];
	let call = 0;
	const client: ImportClient = {
		listImportJobs: async () => answers[Math.min(call++, answers.length - 1)]!,
		describeImportJob: async () => ({ok: false, error: {kind: 'aborted'}}),
		listCollections: async () => ({ok: true, value: []}),
		listDatabases: async () => ({ok: true, value: []}),
	};
	const errors: string[] = [];
	const context: ModeContext = {
		client,
		config: testConfig({intervalMs}),
		retries: 100,
		out: () => undefined,
		err(text) {
			errors.push(text);
		},
		now: () => 0,
		async sleep(ms) {
			sleeps.push(ms);
		},
		signal: new AbortController().signal,
	};
	const code = await pollLoop(context, () => (call > answers.length - 1 ? 0 : undefined));
	return {code, sleeps, errors};
};

const fail = (error: ApiError): Result<readonly Job[]> => ({ok: false, error});
const good: Result<readonly Job[]> = {ok: true, value: []};
const refused = fail({kind: 'unreachable', detail: 'http://127.0.0.1:1: connection refused'});
const timeout = fail({kind: 'timeout', afterMs: 10_000});

test('refused connections: polled again at the interval every time, so the server is seen within one interval of its return', async () => {
	const {sleeps} = await runScripted([refused, refused, refused, refused, refused, refused, good]);
	expect(sleeps).toEqual([1000, 1000, 1000, 1000, 1000, 1000]);
});

test('a struggling server (timeouts): the wait doubles, capped at 30 s; one good answer resets it', async () => {
	const {sleeps} = await runScripted([timeout, timeout, timeout, timeout, timeout, timeout, good, timeout, good]);
	expect(sleeps).toEqual([2000, 4000, 8000, 16_000, 30_000, 30_000, 1000, 2000]);
});

test('Retry-After of a 503 is honoured', async () => {
	const {sleeps} = await runScripted([fail({
		kind: 'not-json', status: 503, title: 'busy', retryAfterMs: 9000,
	}), good]);
	expect(sleeps).toEqual([9000]);
});
