import {describe, expect, test} from 'vitest';
import type {Action} from '../../source/model/store/actions.js';
import type {JobDetail} from '../../source/model/jobs/job.js';
import {neighbourScope, pickedScope, pickerEntries} from '../../source/model/select/select.js';
import {reducer} from '../../source/model/store/reducer.js';
import {
	job, poll, run, start,
} from './make.js';

const collections = (names: string[], dbName?: string): Action => ({type: 'collections-loaded', dbName, result: {ok: true, value: names}});
const detail = (jobId: string, progress: number): JobDetail => ({
	...job(jobId, {progress}), importedRows: 10, totalRows: 20, fileSize: 1, createTime: '', completeTime: '', files: [],
});

describe('modes', () => {
	const loaded = poll(start(), 0, [job('1'), job('2')]);

	test('set-mode remembers where it came from', () => {
		const state = run(loaded, {type: 'set-mode', mode: 'events'}, {type: 'set-mode', mode: 'help'});
		expect(state).toMatchObject({mode: 'help', previousMode: 'events'});
	});

	test('detail opens on the selected job, keeps the last good answer, ignores answers for other jobs', () => {
		let state = run(loaded, {type: 'move', delta: 1}, {type: 'set-mode', mode: 'detail'});
		expect(state.detail).toEqual({
			jobId: '2', result: undefined, at: undefined, lastGood: undefined,
		});
		const good = {ok: true, value: detail('2', 55)} as const;
		state = reducer(state, {
			type: 'detail-loaded', at: 10, jobId: '2', result: good,
		});
		expect(reducer(state, {
			type: 'detail-loaded', at: 11, jobId: '1', result: good,
		})).toBe(state);
		const bad = {ok: false, error: {kind: 'timeout', afterMs: 1000}} as const;
		state = reducer(state, {
			type: 'detail-loaded', at: 12, jobId: '2', result: bad,
		});
		expect(state.detail).toEqual({
			jobId: '2', result: bad, at: 12, lastGood: good.value,
		});
		// Help on top of the detail view keeps it; going back to the list drops it.
		state = run(state, {type: 'set-mode', mode: 'help'}, {type: 'set-mode', mode: 'detail'});
		expect(state.detail?.lastGood).toBe(good.value);
		state = reducer(state, {type: 'set-mode', mode: 'list'});
		expect(state.detail).toBeUndefined();
	});

	test('detail needs a selected job', () => {
		const empty = start();
		expect(reducer(empty, {type: 'set-mode', mode: 'detail'})).toBe(empty);
	});
});

describe('collection picker', () => {
	const base = run(poll(start(), 0, [job('1')]), collections(['books', 'movies']));

	test('entries start with all collections; the highlight starts on the watched scope', () => {
		expect(pickerEntries(base, 'collections').map(entry => entry.label)).toEqual(['all collections', 'books', 'movies']);
		const watching = run(base, {type: 'set-scope', scope: {dbName: undefined, collectionName: 'movies'}}, {type: 'set-mode', mode: 'collections'});
		expect(watching.collections.highlighted).toBe(2);
	});

	test('picker-move is clamped; pickedScope is the highlighted entry', () => {
		let state = run(base, {type: 'set-mode', mode: 'collections'}, {type: 'picker-move', delta: 1});
		expect(pickedScope(state)).toEqual({dbName: undefined, collectionName: 'books'});
		state = reducer(state, {type: 'picker-move', delta: 10});
		expect(state.collections.highlighted).toBe(2);
		expect(reducer(state, {type: 'picker-move', delta: 1})).toBe(state);
		state = reducer(state, {type: 'picker-move', delta: -10});
		expect(pickedScope(state)).toEqual({dbName: undefined, collectionName: undefined});
		expect(pickedScope(reducer(state, {type: 'set-mode', mode: 'list'}))).toBeUndefined();
	});

	test('choosing a scope leaves the picker', () => {
		const state = run(base, {type: 'set-mode', mode: 'collections'}, {type: 'set-scope', scope: {dbName: undefined, collectionName: 'books'}});
		expect(state.mode).toBe('list');
	});

	test('[ and ] wrap through all collections', () => {
		expect(neighbourScope(base, 1).collectionName).toBe('books');
		expect(neighbourScope(base, -1).collectionName).toBe('movies');
		const onMovies = reducer(base, {type: 'set-scope', scope: {dbName: undefined, collectionName: 'movies'}});
		expect(neighbourScope(onMovies, 1).collectionName).toBeUndefined();
	});

	test('a list for another database is ignored; switching database drops the list', () => {
		expect(reducer(base, collections(['x'], 'other'))).toBe(base);
		const state = reducer(base, {type: 'set-scope', scope: {dbName: 'other', collectionName: undefined}});
		expect(state.collections.items).toBeUndefined();
	});

	test('a failed load keeps the old list and records the error', () => {
		const error = {kind: 'http', status: 500, message: 'boom'} as const;
		const state = reducer(base, {type: 'collections-loaded', dbName: undefined, result: {ok: false, error}});
		expect(state.collections).toMatchObject({items: ['books', 'movies'], error});
	});
});

describe('database picker', () => {
	test('2.4 answers 404: no database picker', () => {
		let state = reducer(start(), {type: 'databases-loaded', result: {ok: false, error: {kind: 'not-supported', endpoint: '/v2/vectordb/databases/list'}}});
		expect(state.databases).toBeUndefined();
		expect(reducer(state, {type: 'set-mode', mode: 'databases'})).toBe(state);
		state = reducer(state, {type: 'databases-loaded', result: {ok: false, error: {kind: 'not-supported', endpoint: 'x'}}});
		expect(state.databases).toBeUndefined();
	});

	test('picking a database watches all its collections', () => {
		let state = run(start(), {type: 'databases-loaded', result: {ok: true, value: ['default', 'db1']}}, {type: 'set-mode', mode: 'databases'}, {type: 'picker-move', delta: 1});
		expect(pickedScope(state)).toEqual({dbName: 'db1', collectionName: undefined});
		state = reducer(state, {type: 'set-scope', scope: pickedScope(state)!});
		expect(state).toMatchObject({mode: 'list', scope: {dbName: 'db1', collectionName: undefined}});
	});
});
