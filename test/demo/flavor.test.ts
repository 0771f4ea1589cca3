import {describe, expect, test} from 'vitest';
import {
	flavors, parseFlavor, phasesOf, traitsOf,
} from '../../source/demo/flavor.js';

describe('parseFlavor', () => {
	test.each([
		['2.4.0', '2.4.0'],
		['2.4', '2.4'],
		['v2.5', '2.5'],
		[' 2.6 ', '2.6'],
		['3.0', '3.0'],
		['2.7', undefined],
		['', undefined],
		['2.4.13', undefined],
	])('%j → %s', (text, expected) => {
		expect(parseFlavor(text)).toBe(expected);
	});

	test('every listed flavour parses to itself', () => {
		expect(flavors.map(flavor => parseFlavor(flavor))).toEqual([...flavors]);
	});
});

describe('traits per version (§5)', () => {
	test('success code 200 only on 2.4.0', () => {
		expect(flavors.map(flavor => traitsOf(flavor).successCode)).toEqual([200, 0, 0, 0, 0, 0, 0]);
	});

	test('describe from 2.4.13, databases/list from 2.5, DB pre-check only on 2.4', () => {
		expect(flavors.map(flavor => traitsOf(flavor).hasDescribe)).toEqual([false, true, true, true, true, true, true]);
		expect(flavors.map(flavor => traitsOf(flavor).hasDatabasesList)).toEqual([false, false, true, true, true, true, true]);
		expect(flavors.map(flavor => traitsOf(flavor).dbPreCheck)).toEqual([true, true, false, false, false, false, false]);
	});

	test('createTime on 2.6 and 3.0; unknown job 2101 only on 3.0', () => {
		expect(flavors.map(flavor => traitsOf(flavor).hasCreateTime)).toEqual([false, false, false, true, true, true, false]); // Zilliz' getProgress has none
		expect(flavors.map(flavor => traitsOf(flavor).notFoundCode)).toEqual([2100, 2100, 2100, 2100, 2101, 2101, 2100]);
		expect(flavors.map(flavor => traitsOf(flavor).importV3)).toEqual([false, false, false, false, false, true, false]);
	});

	test('phases: index building from 2.4.13, sorting from 2.5, commit phases only on 3.0 without auto-commit', () => {
		expect(phasesOf('2.4.0', true)).toEqual(['Pending', 'PreImporting', 'Importing']);
		expect(phasesOf('2.4', true)).toEqual(['Pending', 'PreImporting', 'Importing', 'IndexBuilding']);
		expect(phasesOf('2.5', true)).toEqual(phasesOf('2.6', false));
		expect(phasesOf('3.0', true)).toEqual(phasesOf('2.6', true));
		expect(phasesOf('3.0', false).slice(-2)).toEqual(['Uncommitted', 'Committing']);
		// Import V3: pre-import counts rows, resharding writes them, then planning, the merge and the index; no sorting.
		expect(phasesOf('3.0-v3', true)).toEqual(['Pending', 'PreImporting', 'Resharding', 'Planning', 'Importing', 'IndexBuilding']);
	});
});
