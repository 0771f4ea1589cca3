import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		testTimeout: 20_000,
		hookTimeout: 20_000,
		// PTY tests start real processes; two cores, so keep the pool small.
		maxWorkers: 2,
		// CI=true makes Ink (is-in-ci) stop drawing frames and print only the last one at exit; the
		// in-process tests of runTui read frames, so they run as in a terminal. PTY tests strip CI too.
		env: {FORCE_COLOR: '0', CI: 'false', CONTINUOUS_INTEGRATION: 'false'},
		reporters: ['default', './test/helpers/summary-reporter.ts'],
	},
});
