import {render, cleanup} from 'ink-testing-library';
import {useEffect} from 'react';
import {Text} from 'ink';
import {
	afterEach, describe, expect, test,
} from 'vitest';
import type {Action, Scope} from '../../source/model/store/actions.js';
import {usePoll, type PollControl} from '../../source/hooks/use-poll.js';
import {createFakeClient, job} from '../helpers/fake-client.js';
import {eventually} from '../helpers/wait.js';

afterEach(() => {
	cleanup();
});

type HarnessProps = {
	readonly fake: ReturnType<typeof createFakeClient>;
	readonly scope: Scope;
	readonly isPaused?: boolean;
	readonly intervalMs: number;
	readonly actions: Action[];
	readonly onControl: (control: PollControl) => void;
};

const now = () => Date.now();

/** A stable dispatch per list, as useReducer's is. */
const dispatchers = new WeakMap<Action[], (action: Action) => void>();
const dispatchInto = (actions: Action[]) => {
	let dispatch = dispatchers.get(actions);
	if (dispatch === undefined) {
		dispatch = (action: Action) => {
			actions.push(action);
		};

		dispatchers.set(actions, dispatch);
	}

	return dispatch;
};

function Harness({fake, scope, isPaused = false, intervalMs, actions, onControl}: HarnessProps) {
	const poll = usePoll({
		client: fake.client, scope, paused: isPaused, intervalMs, dispatch: dispatchInto(actions), now,
	});
	useEffect(() => {
		onControl(poll);
	});
	return <Text>poll</Text>;
}

const keep = (box: {current?: PollControl}) => (control: PollControl) => {
	box.current = control;
};

const all: Scope = {dbName: undefined, collectionName: undefined};
const books: Scope = {dbName: undefined, collectionName: 'books'};

describe('usePoll', () => {
	test('never two requests at once: the next is scheduled after the answer', async () => {
		const fake = createFakeClient();
		const actions: Action[] = [];
		render(<Harness fake={fake} scope={all} intervalMs={10} actions={actions} onControl={keep({})}/>);
		await eventually(() => {
			expect(fake.lists).toHaveLength(1);
		});
		// A slow server: nothing more is asked while the first request is open.
		await new Promise(resolve => {
			setTimeout(resolve, 80);
		});
		expect(fake.listCalls).toBe(1);
		fake.answerList([job('1', 'Importing', 5)]);
		await eventually(() => {
			expect(fake.listCalls).toBe(2);
		});
		expect(actions[0]).toMatchObject({type: 'poll-ok', scope: all, jobs: [job('1', 'Importing', 5)]});
	});

	test('a failure is dispatched with its scope, and the wait backs off', async () => {
		const fake = createFakeClient();
		const actions: Action[] = [];
		const control: {current?: PollControl} = {};
		render(<Harness fake={fake} scope={books} intervalMs={50} actions={actions} onControl={keep(control)}/>);
		await eventually(() => {
			expect(fake.lists).toHaveLength(1);
		});
		expect(fake.lists[0]!.options.collectionName).toBe('books');
		const before = Date.now();
		fake.failList({kind: 'timeout', afterMs: 5000});
		await eventually(() => {
			expect(actions).toHaveLength(1);
		});
		expect(actions[0]).toMatchObject({type: 'poll-failed', scope: books, error: {kind: 'timeout'}});
		await eventually(() => {
			expect(control.current?.retryAt).toBeGreaterThanOrEqual(before + 100);
		});
		await eventually(() => {
			expect(fake.lists).toHaveLength(1);
		});
		expect(Date.now() - before).toBeGreaterThanOrEqual(95);
	});

	test('a refused connection is retried at the interval, not backed off: the server is back within one interval', async () => {
		const fake = createFakeClient();
		const actions: Action[] = [];
		const control: {current?: PollControl} = {};
		render(<Harness fake={fake} scope={all} intervalMs={60} actions={actions} onControl={keep(control)}/>);
		const refused = {kind: 'unreachable', detail: 'http://127.0.0.1:1: connection refused'} as const;
		for (let failure = 1; failure <= 4; failure++) {
			// eslint-disable-next-line no-await-in-loop
			await eventually(() => {
				expect(fake.lists).toHaveLength(1);
			});
			const failedAt = Date.now();
			fake.failList(refused);
			// eslint-disable-next-line no-await-in-loop
			await eventually(() => {
				expect(control.current?.retryAt).toBeDefined();
			});
			// Doubling would put the 4th retry 16 intervals (960 ms) out.
			expect(control.current!.retryAt! - failedAt).toBeLessThanOrEqual(60 + 30);
		}

		await eventually(() => {
			expect(fake.lists).toHaveLength(1);
		});
		fake.answerList([job('1', 'Importing', 5)]);
		await eventually(() => {
			expect(control.current?.retryAt).toBeUndefined();
		});
	});

	test('switching scope aborts the request in flight; its late answer is never dispatched', async () => {
		const fake = createFakeClient();
		const actions: Action[] = [];
		const app = render(<Harness fake={fake} scope={all} intervalMs={1000} actions={actions} onControl={keep({})}/>);
		await eventually(() => {
			expect(fake.lists).toHaveLength(1);
		});
		const first = fake.lists[0]!;
		app.rerender(<Harness fake={fake} scope={books} intervalMs={1000} actions={actions} onControl={keep({})}/>);
		await eventually(() => {
			expect(first.signal?.aborted).toBe(true);
		});
		await eventually(() => {
			expect(fake.lists.at(-1)?.options.collectionName).toBe('books');
		});
		first.resolve({ok: true, value: [job('9', 'Completed', 100)]});
		fake.answerList([job('2', 'Importing', 1, {collectionName: 'books'})]);
		await eventually(() => {
			expect(actions).toHaveLength(1);
		});
		expect(actions[0]).toMatchObject({type: 'poll-ok', scope: books});
	});

	test('pause aborts and stops polling; r while paused polls once', async () => {
		const fake = createFakeClient();
		const actions: Action[] = [];
		const control: {current?: PollControl} = {};
		const app = render(<Harness fake={fake} scope={all} intervalMs={10} actions={actions} onControl={keep(control)}/>);
		await eventually(() => {
			expect(fake.lists).toHaveLength(1);
		});
		const first = fake.lists[0]!;
		app.rerender(<Harness isPaused fake={fake} scope={all} intervalMs={10} actions={actions} onControl={keep(control)}/>);
		await eventually(() => {
			expect(first.signal?.aborted).toBe(true);
		});
		await new Promise(resolve => {
			setTimeout(resolve, 50);
		});
		expect(fake.listCalls).toBe(1);
		control.current!.refresh();
		await eventually(() => {
			expect(fake.lists).toHaveLength(1);
		});
		fake.answerList([]);
		await eventually(() => {
			expect(actions).toHaveLength(1);
		});
		await new Promise(resolve => {
			setTimeout(resolve, 50);
		});
		expect(fake.listCalls).toBe(2);
	});

	test('r polls at once when idle', async () => {
		const fake = createFakeClient();
		const actions: Action[] = [];
		const control: {current?: PollControl} = {};
		render(<Harness fake={fake} scope={all} intervalMs={60_000} actions={actions} onControl={keep(control)}/>);
		await eventually(() => {
			expect(fake.lists).toHaveLength(1);
		});
		fake.answerList([]);
		await eventually(() => {
			expect(actions).toHaveLength(1);
		});
		control.current!.refresh();
		await eventually(() => {
			expect(fake.lists).toHaveLength(1);
		});
		expect(fake.listCalls).toBe(2);
	});
});
