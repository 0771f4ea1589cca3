import {describe, expect, test} from 'vitest';
import {Header, type HeaderProps} from '../../source/components/header.js';
import {countsLayout} from '../../source/render/header-counts.js';
import {renderFrame} from '../helpers/render.js';

const every = [
	{state: 'Failed', count: 2},
	{state: 'Importing', count: 9},
	{state: 'Pending', count: 1},
	{state: 'Uncommitted', count: 4},
	{state: 'Committing', count: 5},
	{state: 'Completed', count: 3},
];

const header = (width: number): HeaderProps => ({
	width,
	serverLabel: 'http://milvus:19530',
	dbName: undefined,
	collectionName: undefined,
	intervalMs: 2000,
	lastOkAgeMs: 1000,
	isPaused: false,
	error: undefined,
	retryInMs: undefined,
	counts: every,
	overallProgress: 55,
	failuresSeen: 12,
	summary: 'showing 24 of 24 jobs · sort state',
});

describe('the header never cuts a per-state count', () => {
	// Ink's test renderer is 100 columns wide; 64 is the minimum.
	test.each([100, 80, 64])('%i columns: every count is whole; the bar, "failures seen" and then the labels give way first', width => {
		const line = renderFrame(<Header {...header(width)}/>).split('\n')[1]!;
		expect(line).not.toContain('…');
		for (const {count} of every) {
			expect(line).toMatch(new RegExp(`[✗◐○◇◆✓](?: [A-Za-z]+)? ${count}(?!\\d)`, 'v'));
		}

		expect(line).toMatch(/overall .*55%/v);
	});

	test('a 120-column terminal (119 for the layout): the labelled counts fit once the bar gives way to its percent', () => {
		const labelled = '✗ Failed 2  ◐ Importing 9  ○ Pending 1  ◇ Uncommitted 4  ◆ Committing 5  ✓ Completed 3';
		expect(countsLayout(labelled, '✗ 2  ◐ 9  ○ 1  ◇ 4  ◆ 5  ✓ 3', 'failures seen 12', 119)).toEqual({counts: labelled, barWidth: 4, showFailures: true});
		expect(countsLayout(labelled, '✗ 2', 'failures seen 12', 160)).toEqual({counts: labelled, barWidth: 16, showFailures: true});
	});
});
