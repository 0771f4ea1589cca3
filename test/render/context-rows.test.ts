import {expect, test} from 'vitest';
import type {HubStatus} from '../../source/api/contexts-hub.js';
import {contextRows} from '../../source/render/context-rows.js';

const status = (name: string, fields: Partial<HubStatus>): HubStatus => ({
	name, uri: `http://${name}`, error: undefined, failures: 0, lastOkAt: 1000, nextAt: undefined, counts: undefined, scope: {dbName: undefined, collectionName: undefined}, ...fields,
});

test('the context picker\'s lines: all contexts added up first, then each with its state, counts and progress, aligned', () => {
	const rows = contextRows([
		status('staging', {
			counts: {
				total: 19, running: 14, completed: 3, failed: 2, progress: 65,
			},
		}),
		status('prod-eu', {
			counts: {
				total: 6, running: 2, completed: 4, failed: 0, progress: 90,
			},
			error: {kind: 'unreachable', detail: 'x'},
			lastOkAt: 1000,
		}),
		status('down', {error: {kind: 'unreachable', detail: 'x'}, lastOkAt: undefined}),
	], 13_000);
	expect(rows).toEqual([
		// 72 %: the contexts' means weighted by their jobs that are not Failed ((17 × 65 + 6 × 90) / 23).
		'all contexts               25 jobs  16 running  7 completed  2 failed   72%',
		'staging       ok           19 jobs  14 running  3 completed  2 failed   65%',
		'prod-eu       stale 12s     6 jobs   2 running  4 completed  0 failed   90%',
		'down          unreachable  no list yet',
	]);
});
