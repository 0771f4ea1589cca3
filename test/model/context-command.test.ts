import {describe, expect, test} from 'vitest';
import {parseContextCommand} from '../../source/model/keys/context-command.js';
import {resolveKey, type KeyFlags} from '../../source/model/keys/keymap.js';
import {planCommand} from '../../source/model/keys/plan-command.js';
import type {AppState} from '../../source/model/store/state.js';
import {run, start} from './make.js';

const names = ['staging', 'prod', 'prod-eu', 'cloud'];

test.each([
	['', {kind: 'highlighted'}],
	['   ', {kind: 'highlighted'}],
	['ctx', {kind: 'stay'}],
	[':ctx', {kind: 'stay'}],
	['ctx prod', {kind: 'pick', context: 'prod'}],
	[':ctx  prod ', {kind: 'pick', context: 'prod'}],
	['context staging', {kind: 'pick', context: 'staging'}],
	['prod', {kind: 'pick', context: 'prod'}],
	['prod-eu', {kind: 'pick', context: 'prod-eu'}],
	['all', {kind: 'pick', context: undefined}],
	['ctx all', {kind: 'pick', context: undefined}],
	['stag', {kind: 'pick', context: 'staging'}],
	['cl', {kind: 'pick', context: 'cloud'}],
])('%j → %j', (text, expected) => {
	expect(parseContextCommand(text, names)).toEqual(expected);
});

test('a prefix two contexts share, an unknown name and extra words say what is wrong', () => {
	expect(parseContextCommand('pro', names)).toEqual({kind: 'unknown', message: '"pro" could be prod, prod-eu: type more of it'});
	expect(parseContextCommand('ctx nope', names)).toEqual({kind: 'unknown', message: 'no context "nope" (all, staging, prod, prod-eu, cloud)'});
	expect(parseContextCommand('ctx prod staging', names)).toEqual({kind: 'unknown', message: 'one context name after ctx, not 2'});
	expect(parseContextCommand('prod staging', names)).toEqual({kind: 'unknown', message: 'not a command: prod staging (ctx NAME, NAME or all)'});
});

test('names are matched as typed: no context is picked by a different case', () => {
	expect(parseContextCommand('PROD', names).kind).toBe('unknown');
});

describe('the keys of the command line (keymap → plan → reducer)', () => {
	/** Each key as the app routes it: resolved by the mode and whether the command line holds text, then planned. */
	const type = (state: AppState, keys: ReadonlyArray<string | KeyFlags>): AppState => {
		let next = state;
		for (const key of keys) {
			const [input, flags] = typeof key === 'string' ? [key, {}] : ['', key];
			const command = resolveKey(next.mode, input, flags, {databases: false, contexts: true, typing: next.screen.command !== ''});
			if (command !== undefined) {
				next = run(next, ...planCommand(command, input, next, {now: 0, pageSize: 10}).actions);
			}
		}

		return next;
	};

	const open = type(start({contexts: ['staging', 'prod']}), [':']);
	const enter = {return: true};

	test('ctx⏎ keeps the picker open; ctx prod⏎, prod⏎ and all⏎ pick', () => {
		const kept = type(open, [...'ctx', enter]);
		expect([kept.mode, kept.screen.command]).toEqual(['contexts', '']);
		expect(type(kept, [...'ctx prod', enter]).scope.context).toBe('prod');
		const prod = type(open, [...'prod', enter]);
		expect([prod.mode, prod.scope.context, prod.screen.command]).toEqual(['list', 'prod', '']);
		const all = type(type(prod, [':']), [...'all', enter]);
		expect([all.mode, all.scope.context]).toEqual(['list', undefined]);
	});

	test('once something is typed, j k g G q type too; Backspace edits; Esc closes and forgets it', () => {
		const typed = type(open, [...'sjkgGq']);
		expect([typed.mode, typed.screen.command]).toEqual(['contexts', 'sjkgGq']);
		const edited = type(typed, [{backspace: true}, {backspace: true}, {backspace: true}, {backspace: true}, {backspace: true}, ...'taging']);
		expect(edited.screen.command).toBe('staging');
		expect(type(edited, [enter]).scope.context).toBe('staging');
		const closed = type(typed, [{escape: true}]);
		expect([closed.mode, closed.screen.command, closed.scope.context]).toEqual(['list', '', undefined]);
		expect(type(closed, [':']).screen.command).toBe('');
	});

	test('the known limit: as a first key j moves and q quits (they are the picker\'s keys)', () => {
		const moved = type(open, ['j']);
		expect([moved.screen.command, moved.contexts?.highlighted]).toEqual(['', 1]);
		expect(resolveKey('contexts', 'q', {}, {databases: false, contexts: true, typing: false})).toBe('quit');
		expect(resolveKey('contexts', 'q', {}, {databases: false, contexts: true, typing: true})).toBe('command-type');
	});

	test('an unknown name stays open with a notice, the text kept to edit', () => {
		const wrong = type(open, [...'nope', enter]);
		expect([wrong.mode, wrong.screen.command, wrong.screen.notice]).toEqual(['contexts', 'nope', 'no context "nope" (all, staging, prod)']);
	});
});
