import {render, cleanup} from 'ink-testing-library';
import {afterEach, expect, test} from 'vitest';
import {App} from '../source/app.js';
import {parseSort} from '../source/config/values.js';
import {createFakeClient, job} from './helpers/fake-client.js';
import {testConfig} from './helpers/config.js';
import {eventually} from './helpers/wait.js';

afterEach(() => {
	cleanup();
});

/** The percents of the job rows (ids 101–103), top to bottom. */
const percents = (frame: string): number[] => frame.split('\n')
	.filter(line => /\b10[123]\b/v.test(line))
	.map(line => Number(/ (?<percent>\d{1,3})% /v.exec(line)?.groups?.['percent']));

/*
The arrow says the order and the flags mean what they say (issue 10: `PROGRESS▲` sat over a 100 → 0
list, `progress:desc` and `-progress` listed 0 % first).
*/
test.each([
	['progress', '▲', [0, 40, 100]],
	['progress:asc', '▲', [0, 40, 100]],
	['progress:desc', '▼', [100, 40, 0]],
	['-progress', '▼', [100, 40, 0]],
])('--sort=%s: PROGRESS%s over %j; S turns it around', async (flag, arrow, order) => {
	const sort = parseSort(flag);
	if (!sort.ok) {
		throw new Error(sort.message);
	}

	const fake = createFakeClient();
	const app = render(<App client={fake.client} config={testConfig({initialSort: sort.value})} serverLabel='s' onExit={() => undefined}/>);
	await eventually(() => {
		expect(fake.lists).toHaveLength(1);
	});
	// A Pending job at 0 %: a Failed one already failed at the first poll shows no percentage (issue 15).
	fake.answerList([job('101', 'Importing', 40), job('102', 'Pending', 0), job('103', 'Completed', 100)]);
	const frame = () => app.lastFrame() ?? '';
	await eventually(() => {
		expect(percents(frame())).toHaveLength(3);
	});
	expect(frame()).toContain(`PROGRESS${arrow}`);
	expect(percents(frame())).toEqual(order);
	app.stdin.write('S');
	await eventually(() => {
		expect(frame()).toContain(`PROGRESS${arrow === '▲' ? '▼' : '▲'}`);
	});
	expect(percents(frame())).toEqual(order.toReversed());
});
