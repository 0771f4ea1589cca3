import {spawnSync} from 'node:child_process';
import {
	afterEach, expect, test, vi,
} from 'vitest';
import {
	collectNow, largeHeapBytes, markingFlags, tightenOldGenerationWhenLarge, youngCollectionsDuringMarking,
} from '../../source/cli/young-generation.js';
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

test('young collections during marking: the flag is asked for on V8 11–13 only, and the running Node takes it exactly when asked', () => {
	expect(youngCollectionsDuringMarking('11.3.244.8-node.30')).toEqual(['--no-separate-gc-phases']);
	expect(youngCollectionsDuringMarking('13.6.233.17-node.63')).toEqual(['--no-separate-gc-phases']);
	expect(youngCollectionsDuringMarking('14.6.202.34-node.40')).toEqual([]);
	// On this Node: the flag is taken silently where it is asked for, refused where it is not (V8 14: read-only).
	const run = spawnSync(process.execPath, ['--no-separate-gc-phases', '-e', 'process.stdout.write("ran")'], {encoding: 'utf8'});
	const wanted = youngCollectionsDuringMarking().length > 0;
	expect({ran: run.stdout === 'ran' && run.status === 0, stderr: run.stderr === ''}).toEqual({ran: wanted, stderr: wanted});
});

test('marking stays on a helper thread only where glibc keeps one arena for all threads (the bin sets MALLOC_ARENA_MAX=1)', () => {
	expect(markingFlags({MALLOC_ARENA_MAX: '1'})).toEqual([]);
	expect(markingFlags({})).toEqual(['--no-concurrent-marking']);
	expect(markingFlags({MALLOC_ARENA_MAX: '4'})).toEqual(['--no-concurrent-marking']);
});
