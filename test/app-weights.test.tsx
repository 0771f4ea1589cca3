import {render, cleanup} from 'ink-testing-library';
import {afterEach, expect, test} from 'vitest';
import {App} from '../source/app.js';
import type {ImportClient, ServerVersion} from '../source/api/types.js';
import {createFakeClient, job} from './helpers/fake-client.js';
import {testConfig} from './helpers/config.js';
import {eventually} from './helpers/wait.js';

afterEach(() => {
	cleanup();
});

/*
Stage words follow the server's version (issue 10: on 2.4.0, where rows run 40–100, a job at 94 % read
"committing" and one at 87 % "building index"). Where the version cannot be known, no word at all.
*/
const start = async (version: ServerVersion | undefined, progress: number) => {
	const fake = createFakeClient();
	let probed: Promise<ServerVersion> | undefined;
	const client: ImportClient = version === undefined
		? fake.client
		: {
			...fake.client, async detectVersion() {
				probed = Promise.resolve(version);
				return probed;
			},
		};
	const app = render(<App client={client} config={testConfig()} serverLabel='s' onExit={() => undefined}/>);
	await eventually(() => {
		expect(fake.lists).toHaveLength(1);
	});
	fake.answerList([job('101', 'Importing', progress)]);
	const line = () => (app.lastFrame() ?? '').split('\n').find(text => text.includes('101')) ?? '';
	await eventually(() => {
		expect(line()).toContain(`${progress}%`);
	});
	await probed;
	return line;
};

test.each<[ServerVersion | undefined, number, string | undefined]>([
	['2.5', 94, 'committing'],
	['2.5', 87, 'building index'],
	['2.4.13', 75, 'building index'],
	['2.4.0', 94, 'importing rows'],
	['2.4.0', 87, 'importing rows'],
	['unknown', 94, undefined],
	[undefined, 94, undefined], // A client that cannot tell (Zilliz Cloud).
])('server %s, a job at %i %%: %s', async (version, progress, word) => {
	const line = await start(version, progress);
	if (word === undefined) {
		expect(line()).not.toMatch(/committing|building index|importing rows|sorting|queued|pre-import/v);
	} else {
		await eventually(() => {
			expect(line()).toContain(word);
		});
	}
});
