import {Text} from 'ink';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, expect, test} from 'vitest';
import type {ServerVersion} from '../../source/api/types.js';
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
