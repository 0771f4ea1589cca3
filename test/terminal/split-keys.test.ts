import {describe, expect, test} from 'vitest';
import {splitKeys} from '../../source/terminal/split-keys.js';
import {resolveKey} from '../../source/model/keys/keymap.js';

describe('splitKeys', () => {
	test('a burst of text becomes one key per character, in order', () => {
		expect(splitKeys('/movies', {})).toEqual([...'/movies'].map(input => ({input, key: {}})));
	});

	test('single keys, arrows and Ctrl keys pass through as they came', () => {
		expect(splitKeys('q', {})).toEqual([{input: 'q', key: {}}]);
		expect(splitKeys('', {upArrow: true})).toEqual([{input: '', key: {upArrow: true}}]);
		expect(splitKeys('c', {ctrl: true})).toEqual([{input: 'c', key: {ctrl: true}}]);
		expect(splitKeys('ab', {meta: true})).toEqual([{input: 'ab', key: {meta: true}}]);
	});

	test('control characters inside a burst are the keys they are alone', () => {
		expect(splitKeys('a\r\u007F\t\u0003', {})).toEqual([
			{input: 'a', key: {}},
			{input: '', key: {return: true}},
			{input: '', key: {backspace: true}},
			{input: '', key: {tab: true}},
			{input: 'c', key: {ctrl: true}},
		]);
	});

	test('graphemes stay whole: an emoji or an accented letter is one key', () => {
		expect(splitKeys('👍🏽e\u0301', {}).map(event => event.input)).toEqual(['👍🏽', 'e\u0301']);
		expect(splitKeys('👍🏽', {})).toEqual([{input: '👍🏽', key: {}}]);
	});

	test('routed one by one, `/movies` opens the filter and types into it', () => {
		let mode: 'list' | 'filter' = 'list';
		const commands = splitKeys('/mq', {}).map(({input, key}) => {
			const command = resolveKey(mode, input, key);
			if (command === 'filter') {
				mode = 'filter';
			}

			return command;
		});
		expect(commands).toEqual(['filter', 'filter-type', 'filter-type']);
	});
});
