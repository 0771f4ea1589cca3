import {describe, expect, test} from 'vitest';
import {knownStates} from '../../source/model/jobs/job.js';
import {makeTheme} from '../../source/render/theme.js';

describe('theme', () => {
	const colour = makeTheme({color: true, ascii: false});
	const plain = makeTheme({color: false, ascii: false});
	const ascii = makeTheme({color: false, ascii: true});

	test('every known state has its own glyph, in Unicode and in ASCII', () => {
		for (const theme of [colour, ascii]) {
			const glyphs = knownStates.map(state => theme.state(state).glyph);
			expect(new Set(glyphs).size).toBe(knownStates.length);
		}

		expect(ascii.state('Failed')).toEqual({color: undefined, glyph: 'X', label: 'Failed'});
		expect(colour.state('Failed')).toEqual({color: 'red', glyph: '✗', label: 'Failed'});
		expect(colour.state('Completed').color).toBe('green');
	});

	test('ASCII glyphs are ASCII', () => {
		for (const state of [...knownStates, 'Whatever']) {
			expect(ascii.state(state).glyph).toMatch(/^[\u0020-\u007E]+$/v);
		}

		expect(`${ascii.pointer}${ascii.ellipsis}${ascii.sortUp}${ascii.sortDown}${ascii.changedMark}`).toMatch(/^[\u0020-\u007E]+$/v);
	});

	test('an unknown state keeps its name and gets a question mark', () => {
		expect(colour.state('Paused')).toEqual({color: 'yellow', glyph: '?', label: 'Paused'});
	});

	test('colour off: no state and no token has a colour', () => {
		expect(knownStates.map(state => plain.state(state).color)).toEqual(knownStates.map(() => undefined));
		expect(plain.tone('error')).toBeUndefined();
		expect(colour.tone('error')).toBe('red');
		expect(colour.tone('stale')).toBe('yellow');
	});

	test('bars: eighths in Unicode, # and - in ASCII, always exactly the width', () => {
		expect(colour.bar(50, 10)).toEqual({filled: '█████', empty: '·····'});
		expect(colour.bar(55, 10)).toEqual({filled: '█████▌', empty: '····'});
		expect(ascii.bar(55, 10)).toEqual({filled: '#####', empty: '-----'});
		expect(ascii.bar(100, 4)).toEqual({filled: '####', empty: ''});
		expect(colour.bar(undefined, 3)).toEqual({filled: '', empty: '···'});
		expect(colour.bar(250, 3)).toEqual({filled: '███', empty: ''});
		for (let progress = 0; progress <= 100; progress += 7) {
			const {filled, empty} = colour.bar(progress, 13);
			expect([...filled].length + [...empty].length).toBe(13);
		}
	});
});
