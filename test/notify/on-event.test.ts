import {existsSync, readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {sanitize} from '../../source/api/sanitize.js';
import {createEventRunner} from '../../source/notify/on-event.js';
import {record, tempDir} from '../journal/helpers.js';

// What a hostile server could put in a reason: a clipboard write, a title change, command substitution, quotes.
const hostile = 'x\u001B]52;c;aGk=\u0007 $(touch pwned) `touch pwned2` "; touch pwned3; echo \' \u001B[2J end';

describe('--on-event', () => {
	test('runs only the given command; the (sanitized) reason arrives unchanged in IMPORT_JOB_REASON', async () => {
		const dir = tempDir();
		const errors: string[] = [];
		const runner = createEventRunner({
			command: 'printf %s "$IMPORT_JOB_REASON" > reason.txt; printf %s "$IMPORT_JOB_EVENT $IMPORT_JOB_STATE $IMPORT_JOB_ID $IMPORT_JOB_COLLECTION [$MILVUS_TOKEN]" > rest.txt',
			env: {PATH: process.env['PATH'], HOME: dir, MILVUS_TOKEN: 'root:s3cret'},
			onError(message) {
				errors.push(message);
			},
			cwd: dir,
		});
		// The journal's records carry sanitized text (api/ sanitizes every server string): so does this one.
		runner.push([record({event: 'failed', state: 'Failed', reason: sanitize(hostile)})]);
		await runner.drain();
		expect(errors).toEqual([]);
		expect(readFileSync(path.join(dir, 'reason.txt'), 'utf8')).toBe(sanitize(hostile));
		expect(readFileSync(path.join(dir, 'reason.txt'), 'utf8')).toContain('$(touch pwned)');
		expect(readFileSync(path.join(dir, 'rest.txt'), 'utf8')).toBe('failed Failed 454891732197474512 books []');
		expect(readdirSync(dir).toSorted()).toEqual(['reason.txt', 'rest.txt']);
		expect(existsSync(path.join(process.cwd(), 'pwned'))).toBe(false);
	});

	test('even an unsanitized reason cannot smuggle a control character into the variable', async () => {
		const dir = tempDir();
		const runner = createEventRunner({
			command: 'printf %s "$IMPORT_JOB_REASON" > reason.txt', env: {PATH: process.env['PATH']}, onError(message) {
				throw new Error(message);
			},
			cwd: dir,
		});
		runner.push([record({event: 'failed', reason: hostile})]);
		await runner.drain();
		const text = readFileSync(path.join(dir, 'reason.txt'), 'utf8');
		expect(text).not.toMatch(/[\u0000-\u001F\u007F-\u009F]/v);
		expect(text).toBe(sanitize(hostile));
	});

	test('one at a time, in order; failures and timeouts reported once; the runner goes on', async () => {
		const dir = tempDir();
		const errors: string[] = [];
		const runner = createEventRunner({
			command: 'echo "$IMPORT_JOB_ID start" >> log.txt; [ "$IMPORT_JOB_ID" = 2 ] && sleep 5; echo "$IMPORT_JOB_ID end" >> log.txt; [ "$IMPORT_JOB_ID" != 1 ]',
			env: {PATH: process.env['PATH']},
			timeoutMs: 300,
			onError(message) {
				errors.push(message);
			},
			cwd: dir,
		});
		// Two polls' events: the second arrives while the first poll's commands still run.
		runner.push([record({jobId: '1'}), record({jobId: '2'})]);
		await new Promise(resolve => {
			setTimeout(resolve, 10);
		});
		runner.push([record({jobId: '3'})]);
		await runner.drain();
		expect(readFileSync(path.join(dir, 'log.txt'), 'utf8')).toBe('1 start\n1 end\n2 start\n3 start\n3 end\n');
		expect(errors).toEqual(['--on-event: the command failed for job 1 (appeared): exit status 1 (further failures are not reported)']);
	});

	test('a command that cannot start is reported, and the queue is bounded', async () => {
		const errors: string[] = [];
		const runner = createEventRunner({
			command: 'exit 127', env: {}, maxQueue: 2, onError(message) {
				errors.push(message);
			},
		});
		runner.push([record(), record(), record(), record()]);
		await runner.drain();
		expect(errors).toEqual(['--on-event: more than 2 events waiting; dropping events (further failures are not reported)']);
	});
});
