import {describe, expect, test} from 'vitest';
import {
	availabilityOf, blockedKeys, blockedReason, type ActionTarget,
} from '../../../source/model/keys/job-action-rules.js';

const job = (state: string, gone?: 'expired' | 'lost'): ActionTarget => ({state, gone});

describe('what the connection allows comes first', () => {
	test.each(['commit', 'abort'] as const)('%s: read-only and unsupported say so, whatever the job', action => {
		expect(blockedReason(action, job('Uncommitted'), 'read-only')).toBe('read-only: commit and abort are off (--read-only)');
		expect(blockedReason(action, job('Uncommitted'), 'unsupported')).toBe('this server cannot commit or abort imports (Milvus 3.0+ only)');
	});
});

describe('then the selected job', () => {
	test.each([
		['Uncommitted', undefined],
		['Committing', 'this job is already Committing'],
		['Importing', 'only an Uncommitted job can be committed; this one is Importing'],
		['Pending', 'only an Uncommitted job can be committed; this one is Pending'],
		['Completed', 'only an Uncommitted job can be committed; this one is Completed'],
		['Failed', 'only an Uncommitted job can be committed; this one is Failed'],
	])('commit a %s job → %s', (state, reason) => {
		expect(blockedReason('commit', job(state), 'available')).toBe(reason);
	});

	test.each([
		['Uncommitted', undefined],
		['Pending', undefined],
		['Importing', undefined], // The list cannot show auto_commit: Milvus decides, and its refusal is shown.
		['None', undefined],
		['Committing', 'too late to abort: the job is Committing (its rows are becoming visible)'],
		['Completed', 'this job is already Completed: nothing to abort'],
		['Failed', 'this job is already Failed: nothing to abort'],
	])('abort a %s job → %s', (state, reason) => {
		expect(blockedReason('abort', job(state), 'available')).toBe(reason);
	});

	test('no selection, or a job no longer listed', () => {
		expect(blockedReason('commit', undefined, 'available')).toBe('no job selected to commit');
		expect(blockedReason('abort', job('Uncommitted', 'lost'), 'available')).toBe('this job is no longer listed (lost): nothing to abort');
	});
});

describe('the footer and the connection', () => {
	test('the keys dimmed for a job are those that would be refused; none when the keys are off anyway', () => {
		expect([...blockedKeys(job('Uncommitted'), 'available')]).toEqual([]);
		expect([...blockedKeys(job('Importing'), 'available')]).toEqual(['commit']);
		expect([...blockedKeys(job('Completed'), 'available')]).toEqual(['commit', 'abort']);
		expect([...blockedKeys(undefined, 'available')]).toEqual(['commit', 'abort']);
		expect([...blockedKeys(job('Completed'), 'read-only')]).toEqual([]);
	});

	test('what the connection said wins; else a 404 seen makes them unsupported', () => {
		expect(availabilityOf(undefined, false)).toBe('available');
		expect(availabilityOf(undefined, true)).toBe('unsupported');
		expect(availabilityOf('read-only', true)).toBe('read-only');
		expect(availabilityOf('unsupported', false)).toBe('unsupported');
	});
});
