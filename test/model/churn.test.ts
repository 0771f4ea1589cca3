import {expect, test} from 'vitest';
import {rebuildIfChurned} from '../../source/model/jobs/churn.js';

const filled = (count: number): Map<string, number> => new Map(Array.from({length: count}, (_, index) => [`job-${index}`, index]));

test('a map with few deletions since the last rebuild is left as it is', () => {
	const map = filled(1000);
	for (let index = 0; index < 249; index++) {
		map.delete(`job-${index}`);
	}

	expect(rebuildIfChurned(map, 0)).toBe(false);
	expect(rebuildIfChurned(map, 187)).toBe(false); // 187 × 4 < 751 entries
	expect(map.size).toBe(751);
});

test('after a quarter of its entries were deleted, the same map holds the same entries in the same order', () => {
	const map = filled(1000);
	// Churn as a busy cluster's: old jobs leave, new ones come, some keys come back (they go to the end).
	for (let index = 0; index < 300; index++) {
		map.delete(`job-${index * 3}`);
		map.set(`new-${index}`, 1000 + index);
	}

	map.set('job-3', 3);
	const before = [...map];
	const same = map;
	expect(rebuildIfChurned(map, 300)).toBe(true);
	expect(map).toBe(same);
	expect([...map]).toEqual(before);
	expect(rebuildIfChurned(filled(0), 1)).toBe(true); // Emptied: nothing to refill
});
