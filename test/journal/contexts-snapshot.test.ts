import {expect, test} from 'vitest';
import {contextsSnapshot} from '../../source/journal/contexts-snapshot.js';
import {recordKey} from '../../source/journal/observer.js';
import type {JournalRecord} from '../../source/journal/record.js';
import {historyRows} from '../../source/model/select/history-rows.js';
import {reducer} from '../../source/model/store/reducer.js';
import {start} from '../model/make.js';
import {record} from './helpers.js';

const staging = {name: 'staging', cluster: 'http://staging:19530', db: 'default'};
const prod = {name: 'prod', cluster: 'http://prod:19530', db: ''};

const index = (records: readonly JournalRecord[]): Map<string, JournalRecord> =>
	new Map(records.map(one => [recordKey(one.cluster, one.db, one.jobId), one]));

test('the same id on two clusters: two history rows keyed context/id, each context\'s own database as \'\'', () => {
	const a = record({
		cluster: staging.cluster, db: 'default', context: 'staging', event: 'completed', state: 'Completed', at: 1,
	});
	const b = record({
		cluster: prod.cluster, db: '', context: 'prod', event: 'failed', state: 'Failed', reason: 'x', at: 2,
	});
	const other = record({cluster: 'http://elsewhere:1', at: 3});
	const snapshot = contextsSnapshot(index([a, b, other]), [a, b, other], [staging, prod]);
	expect(snapshot.entries.map(entry => [entry.context, entry.db, entry.job.jobId, entry.job.state])).toEqual([
		['staging', '', `staging/${a.jobId}`, 'Completed'],
		['prod', '', `prod/${b.jobId}`, 'Failed'],
	]);
	// Earlier events in the journal's order, keyed as the rows are; another cluster's are not this run's.
	expect(snapshot.events.map(event => event.jobId)).toEqual([`staging/${a.jobId}`, `prod/${b.jobId}`]);

	// On the screen: all contexts show both; one context shows its own.
	let state = reducer(start({contexts: ['staging', 'prod']}), {
		type: 'journal-loaded', at: 10, entries: snapshot.entries, events: [],
	});
	state = reducer(state, {type: 'toggle-history'});
	expect(historyRows(state).map(job => job.jobId)).toEqual([`prod/${b.jobId}`, `staging/${a.jobId}`]);
	state = reducer(state, {type: 'set-scope', scope: {dbName: undefined, collectionName: undefined, context: 'prod'}});
	expect(historyRows(state).map(job => job.jobId)).toEqual([`prod/${b.jobId}`]);
});
