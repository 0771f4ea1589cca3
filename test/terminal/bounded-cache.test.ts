import fc from 'fast-check';
import {expect, test} from 'vitest';
import {boundedCache} from '../../source/terminal/bounded-cache.js';

test('never holds more than twice its limit, however many keys pass through', () => {
	fc.assert(fc.property(fc.integer({min: 1, max: 50}), fc.array(fc.string(), {maxLength: 500}), (limit, keys) => {
		const cache = boundedCache<number>(limit);
		for (const [index, key] of keys.entries()) {
			cache.set(key, index);
			expect(cache.size).toBeLessThanOrEqual(2 * limit);
		}
	}));
});

test('answers what was set, until it is forgotten; never a wrong value', () => {
	fc.assert(fc.property(fc.integer({min: 1, max: 20}), fc.array(fc.tuple(fc.boolean(), fc.integer({min: 0, max: 40})), {maxLength: 400}), (limit, steps) => {
		const cache = boundedCache<string>(limit);
		const truth = new Map<string, string>();
		for (const [index, [isSet, key]] of steps.entries()) {
			if (isSet) {
				cache.set(String(key), `v${index}`);
				truth.set(String(key), `v${index}`);
			} else {
				const value = cache.get(String(key));
				if (value !== undefined) {
					expect(value).toBe(truth.get(String(key)));
				}
			}
		}
	}));
});

test('what is used every frame stays; a key not used for a whole generation goes', () => {
	const cache = boundedCache<number>(10);
	cache.set('header', 1);
	for (let frame = 0; frame < 100; frame++) {
		expect(cache.get('header')).toBe(1); // Read each frame: kept however many other keys pass
		cache.set(`row ${frame}`, frame);
	}

	expect(cache.get('row 0')).toBeUndefined();
	expect(cache.get('row 99')).toBe(99);
	expect(cache.size).toBeLessThanOrEqual(20);
});
