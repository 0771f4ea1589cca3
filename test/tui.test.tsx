import {EventEmitter} from 'node:events'; // Ink listens with .on/.off, as on real streams
import {describe, expect, test} from 'vitest';
import {runTui} from '../source/cli/tui.js';
import {createFakeClient, job} from './helpers/fake-client.js';
import {testConfig} from './helpers/config.js';
import {eventually} from './helpers/wait.js';

const noop = () => undefined;

/** A terminal-like pair of streams: what Ink needs of a TTY, recording everything written. */
const terminal = () => {
	const written: string[] = [];
	const rawModes: boolean[] = [];
	const stdout = Object.assign(new EventEmitter(), { // eslint-disable-line unicorn/prefer-event-target
		isTTY: true,
		columns: 100,
		rows: 30,
		write(chunk: string) {
			written.push(chunk);
			return true;
		},
	});
	let pending: string | undefined;
	const stdin = Object.assign(new EventEmitter(), { // eslint-disable-line unicorn/prefer-event-target
		isTTY: true,
		setRawMode(mode: boolean) {
			rawModes.push(mode);
		},
		setEncoding: noop,
		resume: noop,
		pause: noop,
		ref: noop,
		unref: noop,
		read() {
			const data = pending;
			pending = undefined;
			return data ?? null;
		},
		type(data: string) {
			pending = data;
			stdin.emit('readable');
		},
	});
	return {
		// Only what Ink uses of a TTY is implemented.
		stdout: stdout as unknown as NodeJS.WriteStream, // eslint-disable-line @typescript-eslint/no-unsafe-type-assertion
		stdin: stdin as unknown as NodeJS.ReadStream & {type(data: string): void}, // eslint-disable-line @typescript-eslint/no-unsafe-type-assertion
		written,
		rawModes,
	};
};

describe('runTui', () => {
	test('uses the alternate screen and leaves the terminal clean on q, exit code 0', async () => {
		const fake = createFakeClient();
		const term = terminal();
		const done = runTui({
			client: fake.client, config: testConfig(), serverLabel: 'http://127.0.0.1:19530', stdout: term.stdout, stdin: term.stdin,
		});
		expect(term.written[0]!.startsWith('\u001B[?1049h')).toBe(true);
		await eventually(() => {
			expect(fake.lists).toHaveLength(1);
		});
		fake.answerList([job('1', 'Importing', 10)]);
		await eventually(() => {
			expect(term.written.join('')).toContain('Importing');
		});
		term.stdin.type('q');
		expect(await done).toBe(0);
		const tail = term.written.join('').slice(-40);
		expect(tail).toContain('\u001B[?25h');
		expect(tail.endsWith('\u001B[?1049l')).toBe(true);
		expect(term.rawModes.at(-1)).toBe(false);
	});

	test('SIGTERM restores the terminal too, with 143', async () => {
		const fake = createFakeClient();
		const term = terminal();
		const listeners = process.listenerCount('SIGTERM');
		const done = runTui({
			client: fake.client, config: testConfig(), serverLabel: 's', stdout: term.stdout, stdin: term.stdin,
		});
		await eventually(() => {
			expect(fake.lists).toHaveLength(1);
		});
		process.emit('SIGTERM', 'SIGTERM');
		expect(await done).toBe(143);
		expect(term.written.join('').endsWith('\u001B[?1049l')).toBe(true);
		// Ours is gone (Ink's own exit hooks may come and go).
		expect(process.listenerCount('SIGTERM')).toBeLessThanOrEqual(listeners);
	});
});

describe('runTui --wait', () => {
	test('prints the verdict after the terminal is restored: which job failed and why, exit 1', async () => {
		const fake = createFakeClient();
		const term = terminal();
		const stderr = {
			write(chunk: string) {
				term.written.push(`stderr:${chunk}`);
				return true;
			},
		};
		const done = runTui({
			client: fake.client, config: testConfig(), serverLabel: 's', stdout: term.stdout, stdin: term.stdin, stderr, wait: {jobIds: ['7'], retries: 3},
		});
		await eventually(() => {
			expect(fake.lists).toHaveLength(1);
		});
		fake.answerList([job('7', 'Failed', 0, {reason: 'the dim (512) of field \'embedding\' is wrong'})]);
		expect(await done).toBe(1);
		const leave = term.written.findLastIndex(chunk => chunk.includes('\u001B[?1049l'));
		const verdict = term.written.findIndex(chunk => chunk.startsWith('stderr:'));
		expect(term.written[verdict]).toBe('stderr:milvus-import-top: job 7 (books) failed: the dim (512) of field \'embedding\' is wrong\n');
		expect(leave).toBeGreaterThan(-1);
		expect(verdict).toBeGreaterThan(leave);
	});
});
