import {setFlagsFromString} from 'node:v8';

/**
How much a function must run before Node 20's V8 (11.3) compiles it with its optimizing compiler,
TurboFan: four times V8's 67,584. On Node 20 V8 goes straight from bytecode (and its baseline
compiler) to TurboFan, and the bin runs TurboFan on the main thread (--no-concurrent-recompilation,
scripts/bundle.js). On the live screen, every poll runs React, Ink and the screen diff a little, and
at V8's budget ~40 functions reached TurboFan in the first 40 s, 155 ms of compiling in all (`--trace-opt`:
React's work loop and Ink's host updates 8–15 ms each) — of a budget of 300 ms for 1 % of a core over
30 s. With four times the budget fewer functions are compiled early and fewer at all; a function hot
enough to matter (a 10k-job poll's loops) is still optimized within a poll or two. Measured with the
13-job watch bench (README › Performance): seconds 4–34 at 1.00–1.07 against 1.37 % (two CLIs of each
side by side; 8 × V8's: the same), seconds 300–360 0.90–0.93 against 0.95–0.98 %.
Node 22+ (V8 12+, Maglev between the two) has no such flag, and V8 prints an error on stderr for a flag
it does not know: it is set on V8 11 only.
*/
export const interruptBudget = 4 * 67_584;

/** Sets the budget on V8 11 (Node 20); true when it did. Called first thing, before the program loads (cli.tsx). */
export const tierUpLater = (v8Version: string = process.versions.v8, setFlags: (flags: string) => void = setFlagsFromString): boolean => {
	if (!v8Version.startsWith('11.')) {
		return false;
	}

	try {
		setFlags(`--interrupt-budget=${interruptBudget}`);
		return true;
	} catch {
		return false; // Code is only compiled sooner.
	}
};
