import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		testTimeout: 20_000,
		hookTimeout: 20_000,
		// PTY tests start real processes; two cores, so keep the pool small.
		maxWorkers: 2,
		env: {FORCE_COLOR: '0'},
		reporters: ['default', './test/helpers/summary-reporter.ts'],
	},
});
