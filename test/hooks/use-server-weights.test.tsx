import {Text} from 'ink';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, expect, test} from 'vitest';
import type {ImportClient, ServerVersion} from '../../source/api/types.js';
import {useServerWeights, type ContextVersions} from '../../source/hooks/use-server-weights.js';
import type {Action} from '../../source/model/store/actions.js';
import {createFakeClient} from '../helpers/fake-client.js';
import {eventually} from '../helpers/wait.js';

afterEach(() => {
	cleanup();
});

function Harness({contexts, dispatch}: {readonly contexts: ContextVersions; readonly dispatch: (action: Action) => void}) {
	useServerWeights(createFakeClient().client, dispatch, contexts);
	return <Text>weights</Text>;
}

test('each context\'s version is its own; one down at start is asked again once it answers a poll, a cloud one never', async () => {
	const asked: string[] = [];
	const answers: Record<string, ServerVersion[]> = {staging: ['2.5'], prod: ['unknown', '2.4.0'], cloud: []};
	let listener: (() => void) | undefined;
	let prodUp = false;
	const contexts: ContextVersions = {
		names: ['staging', 'prod', 'cloud'],
		async detectVersion(name) {
			asked.push(name);
			return answers[name]!.shift(); // The cloud client cannot tell: undefined.
		},
		subscribe(next) {
			listener = next;
			return () => {
				listener = undefined;
			};
		},
		statuses: () => [
			{name: 'staging', error: undefined, lastOkAt: 1},
			{name: 'prod', error: prodUp ? undefined : {kind: 'unreachable'}, lastOkAt: prodUp ? 2 : undefined},
			{name: 'cloud', error: undefined, lastOkAt: 1},
		],
	};
	const actions: Action[] = [];
	const weights = () => actions.map(action => action.type === 'set-weights' ? `${action.context}:${action.weights ?? '-'}` : '');
	render(<Harness
		contexts={contexts} dispatch={action => {
			actions.push(action);
		}}/>);
	await eventually(() => {
		expect(weights().toSorted()).toEqual(['cloud:-', 'prod:-', 'staging:v2.5']);
	});
	listener!(); // A context turned (prod still down): nobody asked again.
	expect(asked.toSorted()).toEqual(['cloud', 'prod', 'staging']);
	prodUp = true;
	listener!();
	await eventually(() => {
		expect(weights().at(-1)).toBe('prod:v2.4.0');
	});
	listener!();
	expect(asked.filter(name => name === 'prod')).toHaveLength(2);
	expect(asked.filter(name => name !== 'prod').toSorted()).toEqual(['cloud', 'staging']);
});

function SingleHarness({client, pollOkAt, dispatch}: {readonly client: ImportClient; readonly pollOkAt: number | undefined; readonly dispatch: (action: Action) => void}) {
	useServerWeights(client, dispatch, undefined, pollOkAt);
	return <Text>weights</Text>;
}

test('one server that could not tell at start (down) is asked again after its next good poll, then never again', async () => {
	const answers: ServerVersion[] = ['unknown', 'unknown', '2.4.13'];
	let asked = 0;
	const client: ImportClient = {
		...createFakeClient().client,
		async detectVersion() {
			asked++;
			return answers.shift() ?? '2.5';
		},
	};
	const weights: string[] = [];
	const dispatch = (action: Action): void => {
		if (action.type === 'set-weights') {
			weights.push(action.weights ?? '-');
		}
	};

	const {rerender} = render(<SingleHarness client={client} pollOkAt={undefined} dispatch={dispatch}/>);
	await eventually(() => {
		expect(weights).toEqual(['-']);
	});
	rerender(<SingleHarness client={client} pollOkAt={1000} dispatch={dispatch}/>); // Good poll: asked again, still down.
	await eventually(() => {
		expect(weights).toEqual(['-', '-']);
	});
	rerender(<SingleHarness client={client} pollOkAt={3000} dispatch={dispatch}/>);
	await eventually(() => {
		expect(weights).toEqual(['-', '-', 'v2.4.13']);
	});
	rerender(<SingleHarness client={client} pollOkAt={5000} dispatch={dispatch}/>); // Known now: no more probes.
	await new Promise(resolve => {
		setTimeout(resolve, 50);
	});
	expect(asked).toBe(3);
	expect(weights).toEqual(['-', '-', 'v2.4.13']);
});

test('a server whose version is known at once is never asked again on later polls', async () => {
	let asked = 0;
	const client: ImportClient = {
		...createFakeClient().client,
		async detectVersion() {
			asked++;
			return '2.5';
		},
	};
	const dispatch = (): void => undefined; // Stable, as the store's is.
	const {rerender} = render(<SingleHarness client={client} pollOkAt={undefined} dispatch={dispatch}/>);
	await eventually(() => {
		expect(asked).toBe(1);
	});
	rerender(<SingleHarness client={client} pollOkAt={1000} dispatch={dispatch}/>);
	rerender(<SingleHarness client={client} pollOkAt={3000} dispatch={dispatch}/>);
	await new Promise(resolve => {
		setTimeout(resolve, 50);
	});
	expect(asked).toBe(1);
});
