import {expect, test} from 'vitest';
import {runDemoServer} from '../../source/demo/index.js';

type Signal = 'SIGINT' | 'SIGTERM';

/** Stands in for `process` as the source of signals. */
const fakeSignals = () => {
	const listeners = new Map<Signal, () => void>();
	return {
		once(signal: Signal, listener: () => void) {
			listeners.set(signal, listener);
		},
		off(signal: Signal) {
			listeners.delete(signal);
		},
		emit(signal: Signal) {
			listeners.get(signal)?.();
		},
		count: () => listeners.size,
	};
};

const postList = async (url: string): Promise<number> => {
	const response = await fetch(`${url}/v2/vectordb/jobs/import/list`, {method: 'POST', body: '{}'});
	return response.status;
};

const waitFor = async (check: () => boolean): Promise<void> => {
	for (let i = 0; i < 100 && !check(); i++) {
		// eslint-disable-next-line no-await-in-loop
		await new Promise(resolve => {
			setTimeout(resolve, 20);
		});
	}
};

test('logs one line with URL, flavour and auth mode, never the password; stops on SIGTERM', async () => {
	const lines: string[] = [];
	const signals = fakeSignals();
	const server = await runDemoServer({
		log(line) {
			lines.push(line);
		},
		signals,
		flavor: '2.5',
		auth: {user: 'root', password: 'SuperSecret'},
		seed: 'none',
	});
	expect(lines).toEqual([`Milvus 2.5 demo server listening on ${server.url} (auth on (user "root")); Ctrl-C to stop`]);
	expect(lines.join('\n')).not.toContain('SuperSecret');
	expect(await postList(server.url)).toBe(401);

	signals.emit('SIGTERM');
	await waitFor(() => lines.length > 1);
	expect(lines.at(-1)).toBe('demo server stopped');
	await expect(postList(server.url)).rejects.toThrow();
	expect(signals.count()).toBe(0);
});

test('auth off is said so; close() works before any signal and unhooks the handlers', async () => {
	const lines: string[] = [];
	const signals = fakeSignals();
	const server = await runDemoServer({
		log(line) {
			lines.push(line);
		},
		signals,
		seed: 'none',
	});
	expect(lines[0]).toContain('Milvus 2.6 demo server listening on http://127.0.0.1:');
	expect(lines[0]).toContain('(auth off)');
	await server.close();
	await server.close();
	expect(signals.count()).toBe(0);
});
