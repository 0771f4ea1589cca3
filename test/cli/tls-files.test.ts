import {readFile, writeFile} from 'node:fs/promises';
import {
	afterAll, beforeAll, describe, expect, test,
} from 'vitest';
import type {CredentialIo} from '../../source/cli/credentials.js';
import {loadTls, type TlsOutcome} from '../../source/cli/tls-files.js';
import {directTransport, type TransportSettings} from '../../source/config/transport.js';
import {makeTestPki, type TestPki} from '../helpers/certs.js';

let pki: TestPki;
beforeAll(async () => {
	pki = await makeTestPki();
});
afterAll(async () => {
	await pki.remove();
});

/** Real files; a terminal that answers from a script and records each question. */
const io = (answers: ReadonlyArray<string | undefined> | undefined) => {
	const questions: string[] = [];
	const queue = [...(answers ?? [])];
	const value: CredentialIo = {
		readFile: async path => readFile(path, 'utf8'),
		ask: answers === undefined
			? undefined
			: async question => {
				questions.push(question);
				return queue.shift();
			},
	};
	return {io: value, questions};
};

const load = async (settings: Partial<TransportSettings>, answers?: ReadonlyArray<string | undefined>): Promise<{readonly outcome: TlsOutcome; readonly questions: readonly string[]}> => {
	const terminal = io(answers);
	const outcome = await loadTls({...directTransport, ...settings}, terminal.io);
	return {outcome, questions: terminal.questions};
};

const outcomeOf = async (settings: Partial<TransportSettings>, answers?: ReadonlyArray<string | undefined>): Promise<TlsOutcome> => {
	const {outcome} = await load(settings, answers);
	return outcome;
};

const message = (outcome: TlsOutcome): string => {
	if (outcome.kind !== 'usage-error') {
		throw new Error(`expected a usage error, got ${outcome.kind}`);
	}

	expect(outcome.message).not.toMatch(/BEGIN|PRIVATE/v); // Never the content.
	return outcome.message;
};

describe('reading the TLS files', () => {
	test('CA, client certificate and plain key become the material, with the server name and proxy', async () => {
		const {outcome, questions} = await load({
			caCert: pki.caCert, clientCert: pki.clientCert, clientKey: pki.clientKey, tlsServerName: 'milvus.test', proxy: 'http://p:1',
		});
		expect(questions).toEqual([]);
		expect(outcome).toEqual({
			kind: 'material',
			material: {
				ca: await pki.read(pki.caCert),
				cert: await pki.read(pki.clientCert),
				key: await pki.read(pki.clientKey),
				passphrase: undefined,
				serverName: 'milvus.test',
				insecure: false,
				proxy: 'http://p:1',
			},
		});
	});

	test('a missing file, a file that is not PEM, a key that is not the certificate\'s', async () => {
		expect(message(await outcomeOf({caCert: `${pki.dir}/nope.pem`}))).toBe(`cannot read --ca-cert ${pki.dir}/nope.pem (ENOENT)`);
		expect(message(await outcomeOf({caCert: pki.clientKey}))).toBe(`--ca-cert ${pki.clientKey} holds no PEM certificate`);
		expect(message(await outcomeOf({clientCert: pki.clientCert, clientKey: pki.clientCert}))).toBe(`--client-key ${pki.clientCert} holds no PEM private key`);
		expect(message(await outcomeOf({clientCert: pki.clientCert, clientKey: pki.strangerKey}))).toBe('--client-key is not the key of --client-cert');
	});

	test('a broken PEM block is refused by name, not quoted', async () => {
		const broken = `${pki.dir}/broken.pem`;
		await writeFile(broken, '-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n');
		expect(message(await outcomeOf({caCert: broken}))).toMatch(new RegExp(`^--ca-cert ${broken}: certificate 1 of 1 cannot be read \\([A-Z_\\d]+\\)$`, 'v'));
		expect(message(await outcomeOf({clientCert: broken, clientKey: pki.clientKey}))).toMatch(/^the TLS files cannot be used \([A-Z_\d]+\): check --ca-cert, --client-cert and --client-key$/v);
	});
});

describe('an encrypted client key asks for its passphrase', () => {
	const settings = (): Partial<TransportSettings> => ({clientCert: pki.clientCert, clientKey: pki.encryptedClientKey});

	test('right the first time', async () => {
		const {outcome, questions} = await load(settings(), [pki.passphrase]);
		expect(questions).toEqual([`Passphrase for ${pki.encryptedClientKey}: `]);
		expect(outcome.kind === 'material' && outcome.material.passphrase).toBe(pki.passphrase);
	});

	test('wrong, then right: asked again', async () => {
		const {outcome, questions} = await load(settings(), ['nope', pki.passphrase]);
		expect(questions).toEqual([`Passphrase for ${pki.encryptedClientKey}: `, `Wrong passphrase; again for ${pki.encryptedClientKey}: `]);
		expect(outcome.kind).toBe('material');
	});

	test('three wrong answers: a usage error that does not echo them', async () => {
		const {outcome, questions} = await load(settings(), ['a-guess', 'b-guess', 'c-guess']);
		expect(questions).toHaveLength(3);
		const text = message(outcome);
		expect(text).toBe(`wrong passphrase for --client-key ${pki.encryptedClientKey}`);
	});

	test('Ctrl-C at the prompt is an interruption', async () => {
		expect((await outcomeOf(settings(), [undefined]))).toEqual({kind: 'interrupted'});
	});

	test('no terminal: says how to go on', async () => {
		expect(message(await outcomeOf(settings()))).toContain('is encrypted and there is no terminal to ask its passphrase on');
	});
});
