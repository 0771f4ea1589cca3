import {expect, test} from 'vitest';
import {interruptBudget, tierUpLater} from '../../source/cli/tier-up.js';
import {flagRecorder} from '../helpers/flag-recorder.js';

test('on V8 11 (Node 20) the optimizing compiler waits for four times V8\'s budget', () => {
	const {flags, set} = flagRecorder();
	expect(tierUpLater('11.3.244.8-node.38', set)).toBe(true);
	expect(flags).toEqual([`--interrupt-budget=${4 * 67_584}`]);
	expect(interruptBudget).toBe(270_336);
});

test.each(['12.4.254.21-node.57', '13.6.233.17-node.37', '14.2.0.0-node.1', '10.2.154.26-node.26'])('V8 %s has no such flag (it would print an error): nothing is set', version => {
	const {flags, set} = flagRecorder();
	expect(tierUpLater(version, set)).toBe(false);
	expect(flags).toEqual([]);
});

test('a V8 that refuses the flag: no throw, reported as not set', () => {
	expect(tierUpLater('11.3.244.8-node.38', () => {
		throw new Error('unknown flag');
	})).toBe(false);
});
