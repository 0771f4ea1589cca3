import {EventEmitter} from 'node:events';
import {describe, expect, test} from 'vitest';
import {runTui} from '../source/tui.js';
import {createFakeClient, job} from './helpers/fake-client.js';
import {testConfig} from './helpers/config.js';
import {eventually} from './helpers/wait.js';

/** A terminal-like pair of streams: what Ink needs of a TTY, recording everything written. */
const terminal = () => {
	const written: string[] = [];
	const rawModes: boolean[] = [];
	const stdout = Object.assign(new EventEmitter(), {
		isTTY: true,
		columns: 100,
		rows: 30,
		write(chunk: string) {
			written.push(chunk);
			return true;
		},
	});
	let pending: string | undefined;
	const stdin = Object.assign(new EventEmitter(), {
		isTTY: true,
		setRawMode(mode: boolean) {
			rawModes.push(mode);
		},
		setEncoding() {/* Text only */},
		resume() {/* Nothing to resume */},
		pause() {/* Nothing to pause */},
		ref() {/* Not a real handle */},
		unref() {/* Not a real handle */},
		read() {
			const data = pending;
			pending = undefined;
			return data ?? null; // eslint-disable-line @typescript-eslint/no-restricted-types, unicorn/no-null
		},
		type(data: string) {
			pending = data;
			stdin.emit('readable');
		},
	});
	return {
		stdout: stdout as unknown as NodeJS.WriteStream & EventEmitter,
		stdin: stdin as unknown as NodeJS.ReadStream & {type(data: string): void},
		written,
		rawModes,
	};
};

describe('runTui', () => {
	test('uses the alternate screen and leaves the terminal clean on q, exit code 0', async () => {
		const fake = createFakeClient();
		const term = terminal();
		const done = runTui({client: fake.client, config: testConfig(), serverLabel: 'http://127.0.0.1:19530', stdout: term.stdout, stdin: term.stdin});
		expect(term.written[0]).toBe('\u001B[?1049h');
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
		const done = runTui({client: fake.client, config: testConfig(), serverLabel: 's', stdout: term.stdout, stdin: term.stdin});
		await eventually(() => {
			expect(fake.lists).toHaveLength(1);
		});
		process.emit('SIGTERM', 'SIGTERM');
		expect(await done).toBe(143);
		expect(term.written.join('').endsWith('\u001B[?1049l')).toBe(true);
		expect(process.listenerCount('SIGTERM')).toBe(listeners);
	});
});
