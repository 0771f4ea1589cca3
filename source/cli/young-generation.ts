import {getHeapStatistics, setFlagsFromString} from 'node:v8';
import {runInNewContext} from 'node:vm';

/**
The modes that poll for hours (the live screen, `--json --watch`, `--wait`) keep V8's young generation
at the size it starts with. V8 otherwise grows it up to 2 × 16 MiB as soon as allocation is brisk
(a 10k-job poll parses ~1 MiB of JSON into ~4 MiB of objects) and keeps it for the process' life,
mostly empty. The growth factor is read each time V8 considers growing, so setting it now takes
effect although the heap is already made. It comes late, though: V8 has grown the young generation
to 8 MB by then, and only its memory reducer shrinks it back, after ~50 s. So the bin also passes
`--max-semi-space-size=1` at launch (scripts/bundle.js); this setting is what `node dist/cli.js` gets. Measured with bench/rss.ts, 10k jobs at a
2 s interval: RSS 113 → 88 MB median after the first minute, CPU 2.1 → 2.9 % of a core (more,
smaller scavenges). The cost is CPU, the saving is memory that a tool left running would hold.
*/
/**
The old generation likewise: each poll of 10k jobs whose reasons are long parquet paths (~3 MB of JSON)
leaves ~10 MB of objects that outlive the small young generation, die at the next poll, and wait in
the old generation for a full GC. V8 lets that generation grow by up to 4× what survived the last full
GC before it collects again: RSS swung between 115 and 200 MB. Growing by 10 % keeps it at ~115 MB
(bench/watch.ts, bench/rss.ts); V8 reads the factor at every full GC, so setting it now takes effect.
*/
const oldGenerationGrowthPercent = 10;

/**
That factor has a floor: V8 lets the old generation grow by at least 8 MB before its next full
collection, 2 MB when it optimizes for size. At 10k jobs ~27–31 MB survive each full collection, so the
8 MB step, not the 10 %, set the top of every swing (old space committed up to 38.5 MB). `--optimize-for-size`
is read for that step at every full collection, so setting it now takes effect (its launch-time
implications, a 1 MB semi-space among them, the bin passes itself). A same-time pair of 240-s runs of the
CLI at 10k jobs with the bin's launch flags (V8's heap spaces read from inside every 10 s): old space committed at most 34.5 against
38.5 MB, VmHWM 116 against 121 MB, for 4.95 against 4.25 % CPU (README › Design › Memory).
*/
const optimizeForSize = '--optimize-for-size';

/**
And V8's helper threads: it scavenges, compacts, sweeps and marks on several of them, and optimizes
code on another. Each thread that allocates gets its own glibc malloc arena (64 MiB reserved, a few
MiB of it touched and never given back): /proc/<pid>/smaps of the CLI at 10k jobs showed four of them,
2.4–3.5 MB resident each. The collector's work is done on the main thread instead (marking aside, see
`markingFlags`), at no CPU cost
measurable at 10k jobs: the work is the same, only not spread. Concurrent marking is checked each time
V8 starts a marking cycle, the others at each collection, so setting them now takes effect. Which
threads made arenas was found with gdb (a breakpoint on glibc's `_int_new_arena`, a 10k-job run): the
parallel scavenger while the program was still loading (hence the entry, cli.tsx, sets these before it
loads anything), and the array-buffer sweeper, which frees dead ArrayBuffers (each poll's response
chunks) on a helper thread, glibc making that thread an arena on its first free. Not reached from
here: the optimizing compiler. Node 20's V8 reads `--concurrent-recompilation` only when the isolate
starts (set later, gdb still showed OptimizingCompileDispatcher::CompileTask on the helper threads,
making arenas: four holding 10–11 MB in two 10k-job starts of four). The bin passes it to Node
at launch (scripts/bundle.js); it stays in this list for `node dist/cli.js` on the V8s of Node 22–26,
where setting it late was not checked. Figures in the README (Design › Memory). Not
`--single-threaded-gc` nor `--no-parallel-marking`: set after start, they stop V8 with a failed check
(concurrent marking is already set up).
*/
const mainThreadGcFlags = [
	'--no-concurrent-recompilation',
	'--no-parallel-scavenge',
	'--no-parallel-compaction',
	'--no-parallel-pointer-update',
	'--no-concurrent-sweeping',
	'--no-concurrent-array-buffer-sweeping',
];

/**
Marking is the exception: it stays on a helper thread when glibc has one arena for every thread
(`MALLOC_ARENA_MAX=1`, which the bin sets unless the user set another value: scripts/bundle.js), so
a marking thread makes no arena of its own. Marking on the main thread made each full collection's
marking last longer, and on Node 26's V8 the young generation grows by whatever a poll allocates
while marking is under way (`youngCollectionsDuringMarking`): two 155-s pairs at 10k jobs on Node 26,
VmHWM 120.1 → 114.5 and 120.3 → 117.8 MB, highest RSS after the first minute 117.0 → 113.5 and
119.5 → 115.2 MB, CPU 5.43 → 5.78 and 5.71 → 5.57 %; Node 24 no different beyond the spread.
*/
export const markingFlags = (env: NodeJS.ProcessEnv = process.env): string[] =>
	env['MALLOC_ARENA_MAX'] === '1' ? [] : ['--no-concurrent-marking'];

/**
The heap in use above which the old generation's two settings above are made: a list of thousands of
jobs (10k jobs with long reasons: 29–38 MB from the first poll on, read every 2 s of a scratch run). A
13-job screen uses 12–14 MB, and there the settings only cost CPU: a full collection every few seconds
of growth, each on the main thread (two 13-job CLIs side by side for 300 s, with and without
`--optimize-for-size`: 1.08 and 0.96 % of a core; README › Performance). V8 reads both at its next full
collection, so setting them when the heap gets there is in time. The look every 2 s (one heap-statistics
call) stops once they are set; at a dozen jobs it goes on, as cheap as a timer that finds nothing.
*/
export const largeHeapBytes = 24 * 1024 * 1024;

export type TightenOptions = {
	readonly heapUsed?: () => number;
	readonly setFlags?: (flags: string) => void;
	/** How often the heap is looked at until it is large. */
	readonly everyMs?: number;
};

/** Sets the old generation's settings once the heap in use reaches `largeHeapBytes`; returns a stop for the watch. */
export const tightenOldGenerationWhenLarge = ({heapUsed = () => getHeapStatistics().used_heap_size, setFlags = setFlagsFromString, everyMs = 2000}: TightenOptions = {}): (() => void) => {
	const tighten = (): boolean => {
		if (heapUsed() < largeHeapBytes) {
			return false;
		}

		try {
			setFlags(`--heap-growing-percent=${oldGenerationGrowthPercent}`);
			setFlags(optimizeForSize);
		} catch {
			// A runtime without the flags: memory is only larger.
		}

		return true;
	};

	if (tighten()) {
		return () => undefined;
	}

	const timer = setInterval(() => {
		if (tighten()) {
			clearInterval(timer);
		}
	}, everyMs);
	timer.unref();
	return () => {
		clearInterval(timer);
	};
};

export const keepYoungGenerationSmall = (): void => {
	try {
		setFlagsFromString('--semi-space-growth-factor=1');
	} catch {
		// A runtime without the flag: memory is only larger.
	}

	tightenOldGenerationWhenLarge();
};

/**
Young collections while a full collection is marking, on the V8 that stops them (Node 24's V8 13 turns
`--separate-gc-phases` on; Node 20 and 22 have it off). With it on, a young generation that fills during
marking is given new pages instead of being collected (V8: "to avoid prematurely finalizing the
incremental GC"), and a 10k-job poll's few MB of short-lived objects made it 6–8 MB for a moment (heap
spaces sampled every 50 ms from inside): RSS peaks 8 MB above the median. V8 reads the flag at each
such allocation, so setting it now takes effect. Not on V8 14 (Node 26): there the flag is read-only,
setting it prints an error, and V8 gives the pages during marking whatever it says; there only fewer
bytes a poll keep those peaks down (api/list-records.ts, model/jobs/history.ts).
*/
export const youngCollectionsDuringMarking = (v8Version = process.versions.v8): string[] =>
	Number.parseInt(v8Version, 10) < 14 ? ['--no-separate-gc-phases'] : [];

/**
The collector's flags, set first thing in every mode (cli.tsx): the helper-thread ones, marking's
(`markingFlags`) and young collections during marking (`youngCollectionsDuringMarking`). Set once the
server had answered the version probe, a helper thread had sometimes already collected or compiled, and
its arena stayed (four of them, ~13 MB, in one 10-minute run of three; none in the others).
*/
export const setCollectorFlags = (): void => {
	try {
		for (const flag of [...mainThreadGcFlags, ...markingFlags(), ...youngCollectionsDuringMarking()]) {
			setFlagsFromString(flag);
		}
	} catch {
		// A runtime without the flags: memory is only larger.
	}
};

/**
One full collection, now: for the end of a burst V8 would not collect before the next one lands on it.
Reading a full journal at start (~130,000 events, 54 MB) leaves its parsed lines in the old generation
(23 → 54 MB), and the history rows then join the model (+26 MB in 0.1 s) before V8's first full
collection. Collected between the two (cli/feed.ts), a live screen started on such a journal peaked at
141 MB instead of 180 MB on Node 20, 173 MB instead of 182 MB on Node 26. V8 hands its collector to
JavaScript only under `--expose-gc`, which can be set now: a new context then has `gc`. A runtime
that refuses: no collection, memory only higher.
*/
const isCallable = (value: unknown): value is () => void => typeof value === 'function';
export const collectNow = (): void => {
	try {
		setFlagsFromString('--expose-gc');
		const gc: unknown = runInNewContext('gc');
		if (isCallable(gc)) {
			gc();
		}
	} catch {
		// Only memory is at stake.
	}
};
