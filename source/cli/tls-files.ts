import {createPrivateKey, X509Certificate} from 'node:crypto';
import {createSecureContext, type SecureContextOptions} from 'node:tls';
import type {TransportSettings} from '../config/transport.js';
import type {TlsMaterial} from '../api/transport.js';
import type {CredentialIo} from './credentials.js';

export type TlsOutcome
	= | {readonly kind: 'material'; readonly material: TlsMaterial}
		| {readonly kind: 'usage-error'; readonly message: string}
		| {readonly kind: 'interrupted'};

/** PEM blocks we expect in each file; the content is never shown, only the path. */
const certificateBlock = /-----BEGIN (?:TRUSTED )?CERTIFICATE-----/v;
const keyBlock = /-----BEGIN (?:[A-Z\d]+ )?PRIVATE KEY-----/v;
/** PKCS#8 `ENCRYPTED PRIVATE KEY`, or the traditional OpenSSL header of an encrypted PKCS#1/SEC1 key. */
const encryptedKey = /-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type:\s*4,ENCRYPTED/v;

const errorCode = (error: unknown): string =>
	typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : 'unreadable';

type Read = {readonly ok: true; readonly text: string} | {readonly ok: false; readonly message: string};

const kinds = {
	certificate: certificateBlock,
	'private key': keyBlock,
} as const;

/** A PEM file named by a flag: its text, or why not (no content quoted). */
export const readPem = async (io: Pick<CredentialIo, 'readFile'>, flag: string, path: string, what: keyof typeof kinds): Promise<Read> => {
	const block = kinds[what];
	let text: string;
	try {
		text = await io.readFile(path);
	} catch (error: unknown) {
		return {ok: false, message: `cannot read --${flag} ${path} (${errorCode(error)})`};
	}

	return block.test(text) ? {ok: true, text} : {ok: false, message: `--${flag} ${path} holds no PEM ${what}`};
};

const passphraseWorks = (key: string, passphrase: string): boolean => {
	try {
		createPrivateKey({key, passphrase});
		return true;
	} catch {
		return false;
	}
};

/** Up to three tries, like ssh; undefined on Ctrl-C. */
const askPassphrase = async (key: string, path: string, ask: NonNullable<CredentialIo['ask']>): Promise<string | 'wrong' | undefined> => {
	for (let attempt = 0; attempt < 3; attempt++) {
		// eslint-disable-next-line no-await-in-loop -- one question at a time
		const passphrase = await ask(attempt === 0 ? `Passphrase for ${path}: ` : `Wrong passphrase; again for ${path}: `);
		if (passphrase === undefined) {
			return undefined;
		}

		if (passphraseWorks(key, passphrase)) {
			return passphrase;
		}
	}

	return 'wrong';
};

/** Node ignores a CA it cannot parse (then nothing is trusted and the handshake fails later, vaguely): parse each one now. */
const unreadableCertificate = (pem: string): string | undefined => {
	const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/gv) ?? [];
	for (const [index, block] of blocks.entries()) {
		try {
			new X509Certificate(block); // eslint-disable-line no-new -- parsing is the check
		} catch (error: unknown) {
			return `certificate ${index + 1} of ${blocks.length} cannot be read (${errorCode(error)})`;
		}
	}

	return blocks.length === 0 ? 'no complete certificate' : undefined;
};

/** Node's check of the whole set (a key that does not match its certificate, a broken PEM): a one-line reason, never the content. */
const secureContextProblem = (options: SecureContextOptions): string | undefined => {
	try {
		createSecureContext(options);
		return undefined;
	} catch (error: unknown) {
		const code = errorCode(error);
		return code === 'ERR_OSSL_X509_KEY_VALUES_MISMATCH'
			? '--client-key is not the key of --client-cert'
			: `the TLS files cannot be used (${code}): check --ca-cert, --client-cert and --client-key`;
	}
};

type Client = {readonly cert: string; readonly key: string; readonly passphrase: string | undefined};

const readClient = async (settings: TransportSettings, io: CredentialIo): Promise<Client | undefined | Exclude<TlsOutcome, {kind: 'material'}>> => {
	if (settings.clientCert === undefined || settings.clientKey === undefined) {
		return undefined;
	}

	const cert = await readPem(io, 'client-cert', settings.clientCert, 'certificate');
	const key = await readPem(io, 'client-key', settings.clientKey, 'private key');
	if (!cert.ok || !key.ok) {
		return {kind: 'usage-error', message: cert.ok ? (key.ok ? '' : key.message) : cert.message};
	}

	if (!encryptedKey.test(key.text)) {
		return {cert: cert.text, key: key.text, passphrase: undefined};
	}

	if (io.ask === undefined) {
		const hint = 'decrypt it with: openssl pkey -in KEY -out KEY.plain';
		return {kind: 'usage-error', message: `--client-key ${settings.clientKey} is encrypted and there is no terminal to ask its passphrase on (${hint})`};
	}

	const passphrase = await askPassphrase(key.text, settings.clientKey, io.ask);
	if (passphrase === 'wrong') {
		return {kind: 'usage-error', message: `wrong passphrase for --client-key ${settings.clientKey}`};
	}

	return passphrase === undefined ? {kind: 'interrupted'} : {cert: cert.text, key: key.text, passphrase};
};

/**
The I/O half of the transport settings: read the PEM files, ask for an encrypted key's passphrase on
the terminal, and let Node check that they fit together, before any request is made.
*/
export const loadTls = async (settings: TransportSettings, io: CredentialIo): Promise<TlsOutcome> => {
	let ca: string | undefined;
	if (settings.caCert !== undefined) {
		const read = await readPem(io, 'ca-cert', settings.caCert, 'certificate');
		if (!read.ok) {
			return {kind: 'usage-error', message: read.message};
		}

		const problem = unreadableCertificate(read.text);
		if (problem !== undefined) {
			return {kind: 'usage-error', message: `--ca-cert ${settings.caCert}: ${problem}`};
		}

		ca = read.text;
	}

	const client = await readClient(settings, io);
	if (client !== undefined && 'kind' in client) {
		return client;
	}

	const problem = secureContextProblem({
		ca, cert: client?.cert, key: client?.key, passphrase: client?.passphrase,
	});
	if (problem !== undefined) {
		return {kind: 'usage-error', message: problem};
	}

	const material: TlsMaterial = {
		ca, cert: client?.cert, key: client?.key, passphrase: client?.passphrase, serverName: settings.tlsServerName, insecure: settings.insecure, proxy: settings.proxy,
	};
	return {kind: 'material', material};
};
