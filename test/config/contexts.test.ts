import {chmod, mkdtemp, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, test} from 'vitest';
import {parseConfigFile, type ConfigFile} from '../../source/config/config-file.js';
import {chooseContexts, contextToken} from '../../source/config/contexts.js';
import {defaultConfigPath, expandHome, loadConfigFile} from '../../source/config/config-location.js';

const file = (text: string): ConfigFile => {
	const result = parseConfigFile(text, '/c.yaml');
	if (!result.ok) {
		throw new Error(result.message);
	}

	return result.value;
};

const three = file('contexts:\n  - name: a\n  - name: b\n  - name: c\n');

describe('chooseContexts', () => {
	test.each([
		[['all'], ['a', 'b', 'c']],
		[['c', 'a'], ['c', 'a']],
		[['b', 'b'], ['b']],
	])('--context %j → %j', (wanted, names) => {
		const choice = chooseContexts(three, wanted);
		expect(choice.ok && choice.value.map(context => context.name)).toEqual(names);
	});

	test('no --context: current, else the only one, else a usage error naming the choices', () => {
		const withCurrent = chooseContexts(file('contexts:\n  - name: a\n  - name: b\ncurrent: b\n'), []);
		expect(withCurrent.ok && withCurrent.value.map(context => context.name)).toEqual(['b']);
		const single = chooseContexts(file('contexts:\n  - name: only\n'), []);
		expect(single.ok && single.value.map(context => context.name)).toEqual(['only']);
		expect(chooseContexts(three, [])).toEqual({ok: false, message: '/c.yaml has 3 contexts and no "current:": pick with --context NAME or --context all (a, b, c)'});
	});

	test('an unknown name is refused with the known ones', () => {
		expect(chooseContexts(three, ['a', 'prod'])).toEqual({ok: false, message: 'unknown context "prod" (/c.yaml has a, b, c)'});
	});
});

describe('contextToken', () => {
	const spec = (text: string) => file(`contexts:\n  - name: s\n    ${text}\n`).contexts[0]!;
	test('tokenEnv reads the variable and names it, never the value', () => {
		const token = contextToken(spec('tokenEnv: STAGING_TOKEN'), {STAGING_TOKEN: ' root:Milvus '});
		expect(token).toEqual({kind: 'value', token: 'root:Milvus', source: 'STAGING_TOKEN (tokenEnv of context s)'});
		expect(contextToken(spec('tokenEnv: STAGING_TOKEN'), {})).toEqual({kind: 'error', message: 'context s: the environment variable STAGING_TOKEN (tokenEnv) is not set'});
	});

	test('tokenFile is read later; token is taken as is; none is none', () => {
		expect(contextToken(spec('tokenFile: ~/t'), {})).toEqual({kind: 'file', path: '~/t', source: 'tokenFile of context s'});
		expect(contextToken(spec('token: k'), {})).toMatchObject({kind: 'value', token: 'k'});
		expect(contextToken(spec('db: x'), {})).toEqual({kind: 'none'});
	});
});

describe('config file location', () => {
	test('XDG_CONFIG_HOME when absolute, else ~/.config', () => {
		expect(defaultConfigPath({XDG_CONFIG_HOME: '/x', HOME: '/h'})).toBe('/x/milvus-import-top/config.yaml');
		expect(defaultConfigPath({XDG_CONFIG_HOME: 'rel', HOME: '/h'})).toBe('/h/.config/milvus-import-top/config.yaml');
		expect(defaultConfigPath({HOME: '/h'})).toBe('/h/.config/milvus-import-top/config.yaml');
		expect(expandHome('~/k.token', {HOME: '/h'})).toBe('/h/k.token');
		expect(expandHome('/abs', {HOME: '/h'})).toBe('/abs');
	});

	test('an absent default file changes nothing; an absent --config is an error', async () => {
		const home = await mkdtemp(join(tmpdir(), 'mit-config-'));
		expect(await loadConfigFile(undefined, {HOME: home})).toEqual({ok: true, value: undefined, warnings: []});
		expect(await loadConfigFile(join(home, 'nope.yaml'), {HOME: home})).toEqual({ok: false, message: `cannot read the config file ${join(home, 'nope.yaml')}: ENOENT`});
	});

	test('a plain token in a file others can read warns, as ssh does; mode 600 does not', async () => {
		const directory = await mkdtemp(join(tmpdir(), 'mit-config-'));
		const path = join(directory, 'config.yaml');
		await writeFile(path, 'contexts:\n  - name: a\n    token: s3cr3t\n');
		await chmod(path, 0o644);
		const open = await loadConfigFile(path, {HOME: directory});
		expect(open.ok && open.warnings).toEqual([`warning: ${path} holds a token and can be read by others (mode 644): chmod 600 ${path}, or use tokenEnv / tokenFile`]);
		expect(JSON.stringify(open.ok && open.warnings)).not.toContain('s3cr3t');
		await chmod(path, 0o600);
		const closed = await loadConfigFile(path, {HOME: directory});
		expect(closed.ok && closed.warnings).toEqual([]);
	});
});
