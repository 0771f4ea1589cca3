import {
	afterEach, expect, test, vi,
} from 'vitest';
import {collectNow, largeHeapBytes, tightenOldGenerationWhenLarge} from '../../source/cli/young-generation.js';
import {flagRecorder} from '../helpers/flag-recorder.js';

afterEach(() => {
	vi.useRealTimers();
});

test('a small heap (a dozen jobs) keeps V8\'s own old-generation settings until it grows large; then they are set once', () => {
	vi.useFakeTimers();
	let used = 15 * 1024 * 1024;
	const {flags, set} = flagRecorder();
	const stop = tightenOldGenerationWhenLarge({heapUsed: () => used, setFlags: set, everyMs: 2000});
	vi.advanceTimersByTime(60_000);
	expect(flags).toEqual([]);
	used = largeHeapBytes;
	vi.advanceTimersByTime(1999);
	expect(flags).toEqual([]);
	vi.advanceTimersByTime(1);
	expect(flags).toEqual(['--heap-growing-percent=10', '--optimize-for-size']);
	vi.advanceTimersByTime(60_000);
	expect(flags).toHaveLength(2);
	stop();
});

test('a heap already large (a first poll of 10k jobs before the screen) gets them at once', () => {
	const {flags, set} = flagRecorder();
	tightenOldGenerationWhenLarge({heapUsed: () => 2 * largeHeapBytes, setFlags: set})();
	expect(flags).toEqual(['--heap-growing-percent=10', '--optimize-for-size']);
});

test('stopped before the heap grew: nothing is ever set', () => {
	vi.useFakeTimers();
	let used = 0;
	const {flags, set} = flagRecorder();
	tightenOldGenerationWhenLarge({heapUsed: () => used, setFlags: set, everyMs: 1000})();
	used = 3 * largeHeapBytes;
	vi.advanceTimersByTime(10_000);
	expect(flags).toEqual([]);
});

test('collectNow runs a full collection: an object nothing holds is gone after it', async () => {
	let held: Record<string, unknown> | undefined = {payload: 'x'.repeat(1000)};
	const reference = new WeakRef(held);
	held = undefined;
	// A WeakRef's target is kept until the end of the current job: let it end first.
	await new Promise(resolve => {
		setTimeout(resolve, 0);
	});
	collectNow();
	expect(reference.deref()).toBeUndefined();
	expect(held).toBeUndefined();
});
