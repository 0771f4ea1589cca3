import {describe, expect, test} from 'vitest';
import {pickedScope, pickerEntries} from '../../source/model/select/picker.js';
import {planCommand} from '../../source/model/keys/plan-command.js';
import type {AppState} from '../../source/model/store/state.js';
import {
	job, poll, run, start,
} from './make.js';

const press = (state: AppState, command: Parameters<typeof planCommand>[0]): AppState =>
	run(state, ...planCommand(command, '', state, {now: 0, pageSize: 10}).actions);

const base = start({contexts: ['staging', 'prod']});

describe('the context picker (`:`)', () => {
	test('one server has none: the state holds no context list', () => {
		expect(start().contexts).toBeUndefined();
		expect(start({contexts: ['only']}).contexts).toBeUndefined();
	});

	test('"all contexts" first, then each; choosing one shows it alone, "all contexts" every one again', () => {
		let state = press(base, 'contexts');
		expect(state.mode).toBe('contexts');
		expect(pickerEntries(state, 'contexts').map(entry => entry.label)).toEqual(['all contexts', 'staging', 'prod']);
		expect(state.contexts?.highlighted).toBe(0);
		state = press(press(state, 'move-down'), 'move-down');
		expect(pickedScope(state)).toEqual({dbName: undefined, collectionName: undefined, context: 'prod'});
		state = press(state, 'pick');
		expect(state.mode).toBe('list');
		expect(state.scope).toEqual({dbName: undefined, collectionName: undefined, context: 'prod'});
		// Opened again, the highlight is on the context shown.
		state = press(state, 'contexts');
		expect(state.contexts?.highlighted).toBe(2);
		state = press(press(state, 'first'), 'pick');
		expect(state.scope.context).toBeUndefined();
	});

	test('a poll answer for another context\'s scope is late and ignored', () => {
		const prod = run(base, {type: 'set-scope', scope: {dbName: undefined, collectionName: undefined, context: 'prod'}});
		const late = poll(prod, 1000, [job('staging/1', {context: 'staging'})], {dbName: undefined, collectionName: undefined});
		expect(late.jobs.size).toBe(0);
		const good = poll(prod, 1000, [job('prod/1', {context: 'prod'})]);
		expect([...good.jobs.keys()]).toEqual(['prod/1']);
	});
});

describe('c and d with several contexts', () => {
	test('all contexts shown: the lists are `context/name`, and choosing one shows that context at that collection', () => {
		let state = run(base, {
			type: 'collections-loaded', dbName: undefined, result: {ok: true, value: ['staging/books', 'prod/books', 'prod/movies']},
		});
		state = press(state, 'collections');
		expect(pickerEntries(state, 'collections').map(entry => entry.label)).toEqual(['all collections', 'staging/books', 'prod/books', 'prod/movies']);
		state = press(press(state, 'move-down'), 'move-down');
		state = press(state, 'pick');
		expect(state.scope).toEqual({dbName: undefined, collectionName: 'books', context: 'prod'});
		// The list of all contexts belongs to no context: it is asked again for prod alone.
		expect(state.collections.items).toBeUndefined();
	});

	test('one context shown: its own names, and the choice keeps the context', () => {
		let state = run(base, {type: 'set-scope', scope: {dbName: undefined, collectionName: undefined, context: 'staging'}});
		// A list for all contexts that arrives late is not this one.
		state = run(state, {type: 'collections-loaded', dbName: undefined, result: {ok: true, value: ['prod/books']}});
		expect(state.collections.items).toBeUndefined();
		state = run(state, {
			type: 'collections-loaded', dbName: undefined, context: 'staging', result: {ok: true, value: ['books', 'movies']},
		});
		state = press(press(press(state, 'collections'), 'last'), 'pick');
		expect(state.scope).toEqual({dbName: undefined, collectionName: 'movies', context: 'staging'});
		// `[` and `]` stay within the context.
		state = press(state, 'next-collection');
		expect(state.scope).toEqual({dbName: undefined, collectionName: undefined, context: 'staging'});
	});

	test('databases: `context/db` for all contexts, the context\'s own for one', () => {
		let state = run(base, {type: 'databases-loaded', result: {ok: true, value: ['staging/default', 'prod/default', 'prod/sales']}});
		state = press(press(press(state, 'databases'), 'last'), 'pick');
		expect(state.scope).toEqual({dbName: 'sales', collectionName: undefined, context: 'prod'});
		expect(state.databases?.items).toBeUndefined();
		state = run(state, {type: 'databases-loaded', context: 'prod', result: {ok: true, value: ['default', 'sales']}});
		state = press(press(press(state, 'databases'), 'first'), 'pick');
		expect(state.scope).toEqual({dbName: 'default', collectionName: undefined, context: 'prod'});
	});
});

test('--bell counts a failure on any shown context: the same id failing on one cluster is that row only', () => {
	const ids = (context: string, state: string) => job(`${context}/1`, {context, state});
	let state = poll(base, 1000, [ids('staging', 'Importing'), ids('prod', 'Importing')]);
	state = poll(state, 2000, [ids('staging', 'Importing'), ids('prod', 'Failed')]);
	expect(state.failuresSeen).toBe(1);
	expect(state.jobs.get('staging/1')?.state).toBe('Importing');
	expect(state.jobs.get('prod/1')?.state).toBe('Failed');
});
