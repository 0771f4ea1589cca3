import type {Reporter, TestModule} from 'vitest/node';

/** Ends the run with one plain line, `N passed, N failed`, that any CI log reader understands. */
export default class SummaryReporter implements Reporter {
	onTestRunEnd(testModules: readonly TestModule[]) {
		let passed = 0;
		let failed = 0;
		let skipped = 0;
		for (const module of testModules) {
			for (const test of module.children.allTests()) {
				const {state} = test.result();
				if (state === 'passed') {
					passed++;
				} else if (state === 'failed') {
					failed++;
				} else {
					skipped++;
				}
			}
		}

		process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
	}
}
