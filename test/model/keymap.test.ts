import {describe, expect, test} from 'vitest';
import type {Mode} from '../../source/model/store/actions.js';
import {footerHints, helpSections, keyLabel} from '../../source/model/keys/key-help.js';
import {
	bindings, keyId, resolveKey, type KeyFlags,
} from '../../source/model/keys/keymap.js';

const all = {databases: true, contexts: true};

describe('resolveKey routes by mode', () => {
	test.each<[Mode, string, KeyFlags, string | undefined]>([
		['list', 'q', {}, 'quit'],
		['filter', 'q', {}, 'filter-type'],
		['filter', 'j', {}, 'filter-type'],
		['filter', '/', {}, 'filter-type'],
		['filter', '', {escape: true}, 'filter-cancel'],
		['filter', '', {return: true}, 'filter-accept'],
		['filter', '', {backspace: true}, 'filter-backspace'],
		['filter', '', {delete: true}, 'filter-backspace'],
		['filter', 'c', {ctrl: true}, 'quit'],
		['filter', '', {upArrow: true}, 'move-up'],
		['list', 'c', {ctrl: true}, 'quit'],
		['list', 'c', {}, 'collections'],
		['list', 'j', {}, 'move-down'],
		['list', '', {downArrow: true}, 'move-down'],
		['list', '', {pageDown: true}, 'page-down'],
		['list', 'G', {}, 'last'],
		['list', '', {home: true}, 'first'],
		['list', '/', {}, 'filter'],
		['list', '', {escape: true}, 'clear-filter'],
		['list', '', {return: true}, 'detail'],
		['list', 'f', {}, 'only-failed'],
		['list', '4', {}, 'toggle-failed'],
		['list', 'S', {}, 'sort-reverse'],
		['list', '+', {}, 'interval-up'],
		['list', 'x', {}, undefined],
		['list', 'abc', {}, undefined],
		['detail', '', {escape: true}, 'back'],
		['detail', 'y', {}, 'copy-id'],
		['detail', 'f', {}, undefined],
		['help', '?', {}, 'help'],
		['events', 'e', {}, 'events'],
		['collections', '', {return: true}, 'pick'],
		['collections', 'k', {}, 'move-up'],
		['databases', '', {escape: true}, 'back'],
	])('%s: %j %j → %s', (mode, input, key, command) => {
		expect(resolveKey(mode, input, key, all)).toBe(command);
	});

	test('a paste in the filter box is text; control characters are not', () => {
		expect(resolveKey('filter', 'books_2024', {}, all)).toBe('filter-type');
		expect(resolveKey('filter', '\u0007', {}, all)).toBeUndefined();
	});

	test('d is offered only where the server can list databases', () => {
		expect(resolveKey('list', 'd', {}, {databases: true})).toBe('databases');
		expect(resolveKey('list', 'd', {}, {databases: false})).toBeUndefined();
		expect(footerHints('list', {databases: false}).map(hint => hint.text)).not.toContain('database');
		expect(footerHints('list', {databases: true}).map(hint => hint.text)).toContain('database');
	});
});

describe('the table', () => {
	test('no key means two things in one mode', () => {
		const modes: Mode[] = ['list', 'filter', 'detail', 'help', 'events', 'collections', 'databases'];
		for (const mode of modes) {
			const seen = new Map<string, string>();
			for (const binding of bindings.filter(b => b.modes.includes(mode))) {
				for (const key of binding.keys) {
					expect(seen.get(key), `${mode}: ${key}`).toBeUndefined();
					seen.set(key, binding.command);
				}
			}
		}
	});

	test('every mode can be left', () => {
		for (const mode of ['detail', 'help', 'events', 'collections', 'databases'] as const) {
			expect(resolveKey(mode, '', {escape: true}, all)).toBe('back');
		}

		expect(resolveKey('filter', '', {escape: true}, all)).toBe('filter-cancel');
	});

	test('keyId names special keys and passes characters through', () => {
		expect(keyId('', {pageUp: true})).toBe('pageup');
		expect(keyId('c', {ctrl: true})).toBe('ctrl+c');
		expect(keyId('[', {})).toBe('[');
	});
});

describe('hints and help come from the table', () => {
	test('footer hints per mode', () => {
		expect(footerHints('filter', all)).toEqual([{keys: 'Enter', text: 'keep', command: 'filter-accept'}, {keys: 'Esc', text: 'clear', command: 'filter-cancel'}]);
		expect(footerHints('detail', all).map(hint => `${hint.keys} ${hint.text}`)).toEqual(['C commit', 'X abort', 'p pause', 'y copy id', '? help', 'Esc back', 'q/Ctrl-C quit']);
		expect(footerHints('confirm', all).map(hint => `${hint.keys} ${hint.text}`)).toEqual(['y yes', 'other cancel']);
	});

	test('commit/abort hints: one "read-only" hint under --read-only, none once the server lacks the routes', () => {
		const shown = (jobActions: 'available' | 'read-only' | 'unsupported') => footerHints('list', {databases: true, jobActions}).map(hint => `${hint.keys} ${hint.text}`);
		expect(shown('available')).toEqual(expect.arrayContaining(['C commit', 'X abort']));
		expect(shown('read-only').filter(hint => /^[CX]\b/v.test(hint))).toEqual(['C/X read-only']);
		expect(shown('unsupported').filter(hint => /^[CX]\b/v.test(hint))).toEqual([]);
		// The help lists them unless the server cannot do them; the keys still answer with the reason.
		expect(helpSections({databases: true, contexts: true, jobActions: 'unsupported'}).flatMap(section => section.rows)).toHaveLength(bindings.length - 2);
		expect(resolveKey('list', 'C', {}, {databases: true, jobActions: 'read-only'})).toBe('commit');
	});

	test('the [y/N] prompt: y says yes, every other key no, Ctrl-C still quits', () => {
		expect(resolveKey('confirm', 'y', {})).toBe('confirm-yes');
		for (const [input, key] of [['n', {}], ['Y', {}], ['', {escape: true}], ['\r', {return: true}], ['q', {}], ['', {upArrow: true}], ['x', {ctrl: true}]] as const) {
			expect(resolveKey('confirm', input, key)).toBe('confirm-no');
		}

		expect(resolveKey('confirm', 'c', {ctrl: true})).toBe('quit');
	});

	test('help lists every binding exactly once', () => {
		const rows = helpSections(all).flatMap(section => section.rows);
		expect(rows).toHaveLength(bindings.length);
		expect(rows).toContainEqual({keys: 'q Ctrl-C', description: 'quit'});
		expect(helpSections({databases: false, contexts: true}).flatMap(section => section.rows)).toHaveLength(bindings.length - 1);
		// One server: no context picker.
		expect(helpSections({databases: true}).flatMap(section => section.rows)).toHaveLength(bindings.length - 1);
		expect(resolveKey('list', ':', {}, {databases: true})).toBeUndefined();
		expect(resolveKey('list', ':', {}, {databases: true, contexts: true})).toBe('contexts');
	});

	test('labels', () => {
		expect(['up', 'pagedown', 'escape', 'ctrl+c', 'x'].map(id => keyLabel(id))).toEqual(['↑', 'PgDn', 'Esc', 'Ctrl-C', 'x']);
	});
});
