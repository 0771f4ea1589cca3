import {createSecureContext} from 'node:tls';
import type {DemoServerRequest} from '../config/config.js';
import type {DemoTls} from '../demo/tls-front.js';
import type {CredentialIo} from './credentials.js';
import {readPem} from './tls-files.js';

type Paths = NonNullable<DemoServerRequest['tls']>;

/** `demo-server --tls-cert --tls-key [--client-ca]`: the PEM texts, checked by Node, or a one-line reason (never the content). */
export const readDemoTls = async (paths: Paths, io: Pick<CredentialIo, 'readFile'>): Promise<DemoTls | string> => {
	const cert = await readPem(io, 'tls-cert', paths.cert, 'certificate');
	const key = await readPem(io, 'tls-key', paths.key, 'private key');
	const clientCa = paths.clientCa === undefined ? undefined : await readPem(io, 'client-ca', paths.clientCa, 'certificate');
	if (!cert.ok) {
		return cert.message;
	}

	if (!key.ok) {
		return key.message;
	}

	if (clientCa !== undefined && !clientCa.ok) {
		return clientCa.message;
	}

	const tls: DemoTls = {cert: cert.text, key: key.text, ...(clientCa === undefined ? {} : {clientCa: clientCa.text})};
	try {
		createSecureContext({...tls, ca: tls.clientCa});
	} catch (error: unknown) {
		const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unreadable';
		return code === 'ERR_OSSL_X509_KEY_VALUES_MISMATCH' ? '--tls-key is not the key of --tls-cert' : `the TLS files cannot be used (${code}): check --tls-cert, --tls-key and --client-ca`;
	}

	return tls;
};
