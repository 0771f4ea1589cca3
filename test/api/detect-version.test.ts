import {afterEach, expect, test} from 'vitest';
import {createMilvusClient} from '../../source/api/client.js';
import {startDemoServer, type DemoServer} from '../../source/demo/index.js';
import type {Flavor} from '../../source/demo/flavor.js';
import {closedPortUrl} from '../helpers/http-server.js';

let server: DemoServer | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
});

/** Each demo flavour is told apart by the routes it has: the progress weights follow (model/rates.ts). */
test.each<[Flavor, string]>([
	['2.4.0', '2.4.0'],
	['2.4', '2.4.13'],
	['2.5', '2.5'],
	['2.6', '2.5'],
	['3.0', '2.5'],
])('demo %s → %s', async (flavor, version) => {
	server = await startDemoServer({port: 0, flavor, tickMs: 0});
	const client = createMilvusClient({uri: server.url, timeoutMs: 2000});
	expect(await client.detectVersion!()).toBe(version);
});

test('a server that cannot be asked: unknown', async () => {
	const client = createMilvusClient({uri: await closedPortUrl(), timeoutMs: 1000});
	expect(await client.detectVersion!()).toBe('unknown');
});
