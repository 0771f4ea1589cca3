import {describe, expect, test} from 'vitest';
import {chooseRunner} from '../../source/cli/dispatch.js';
import {resolvePending, type CredentialIo} from '../../source/cli/credentials.js';

describe('chooseRunner', () => {
	const tty = {stdoutIsTty: true, stdinIsTty: true};
	const pipe = {stdoutIsTty: false, stdinIsTty: true};
	const noInput = {stdoutIsTty: true, stdinIsTty: false};
	test.each([
		[{kind: 'live'}, tty, {kind: 'tui', wait: undefined}],
		[{kind: 'live'}, pipe, {kind: 'plain'}],
		[{kind: 'live'}, noInput, {kind: 'plain'}],
		[{kind: 'once'}, tty, {kind: 'plain'}],
		[{kind: 'json', watch: false}, tty, {kind: 'json'}],
		[{kind: 'json', watch: true}, pipe, {kind: 'json-watch'}],
		[{kind: 'wait', jobIds: ['1']}, tty, {kind: 'tui', wait: {jobIds: ['1']}}],
		[{kind: 'wait', jobIds: ['1']}, pipe, {kind: 'wait-lines', jobIds: ['1']}],
	] as const)('%j on %j → %j', (mode, terminal, runner) => {
		expect(chooseRunner(mode, terminal)).toEqual(runner);
	});
});

describe('resolvePending', () => {
	const io = (files: Record<string, string>, answer?: string): CredentialIo => ({
		async readFile(path) {
			const content = files[path];
			if (content === undefined) {
				throw Object.assign(new Error(`ENOENT: no such file, open '${path}'`), {code: 'ENOENT'});
			}

			return content;
		},
		ask: answer === undefined ? undefined : async () => answer,
	});

	test('token file: first line, trimmed', async () => {
		expect(await resolvePending({kind: 'token-file', path: '/t'}, io({'/t': '  root:Milvus \nignored\n'}))).toEqual({kind: 'token', token: 'root:Milvus'});
	});

	test('token file: missing or empty is a usage error that names the file, not the content', async () => {
		expect(await resolvePending({kind: 'token-file', path: '/nope'}, io({}))).toEqual({kind: 'usage-error', message: 'cannot read --token-file /nope (ENOENT)'});
		expect(await resolvePending({kind: 'token-file', path: '/empty'}, io({'/empty': '\n'}))).toEqual({kind: 'usage-error', message: '--token-file /empty is empty'});
	});

	test('password: asked when there is a terminal, refused when there is none', async () => {
		expect(await resolvePending({kind: 'password-prompt', user: 'root'}, io({}, 'pw:with:colons'))).toEqual({kind: 'token', token: 'root:pw:with:colons'});
		const refused = await resolvePending({kind: 'password-prompt', user: 'root'}, io({}));
		expect(refused).toMatchObject({kind: 'usage-error', message: expect.stringContaining('MILVUS_PASSWORD') as unknown});
	});
});
