import {execFile} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {
	mkdtemp, readFile, rm, writeFile,
} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';

const run = async (command: string, args: readonly string[], cwd: string): Promise<void> => new Promise((resolve, reject) => {
	execFile(command, args, {cwd}, (error: Error | null) => { // eslint-disable-line @typescript-eslint/no-restricted-types -- execFile's callback type
		if (error === null) {
			resolve();
		} else {
			reject(error);
		}
	});
});

/**
A throw-away PKI made with the `openssl` command at test time (nothing secret is in the repository):
a test CA, a server certificate for localhost/127.0.0.1, one only for `milvus.test` (the
--tls-server-name case), an expired one, a self-signed one, a client certificate with a plain and an encrypted key, and
a second CA with its own client, which the server must refuse. EC P-256 keys: quick to make.
*/
export type TestPki = {
	readonly dir: string;
	/** Paths. */
	readonly caCert: string;
	readonly serverCert: string;
	readonly serverKey: string;
	readonly namedServerCert: string;
	readonly namedServerKey: string;
	readonly expiredServerCert: string;
	readonly expiredServerKey: string;
	readonly selfSignedCert: string;
	readonly selfSignedKey: string;
	readonly clientCert: string;
	readonly clientKey: string;
	readonly encryptedClientKey: string;
	readonly passphrase: string;
	readonly otherCaCert: string;
	readonly strangerCert: string;
	readonly strangerKey: string;
	/** PEM text of a file in `dir`. */
	read(file: string): Promise<string>;
	remove(): Promise<void>;
};

const curve = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

export const makeTestPki = async (): Promise<TestPki> => {
	const dir = await mkdtemp(path.join(tmpdir(), 'mit-pki-'));
	const at = (name: string): string => path.join(dir, name);
	const openssl = async (...args: string[]): Promise<void> => {
		await run('openssl', args, dir);
	};

	const makeCa = async (name: string): Promise<void> => {
		const constraints = ['-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'];
		await openssl('req', '-x509', ...curve, '-keyout', `${name}.key`, '-out', `${name}.pem`, '-subj', `/CN=${name} test CA`, '-days', '2', ...constraints);
	};

	/** A leaf signed by `ca`; `days` -1 makes it expired (notAfter before now). */
	const makeLeaf = async (name: string, ca: string, extensions: string, days = '2'): Promise<void> => {
		await writeFile(at(`${name}.ext`), extensions);
		await openssl('req', ...curve, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`);
		const serial = `0x${randomBytes(8).toString('hex')}`;
		await openssl('x509', '-req', '-in', `${name}.csr`, '-CA', `${ca}.pem`, '-CAkey', `${ca}.key`, '-set_serial', serial, '-days', days, '-extfile', `${name}.ext`, '-out', `${name}.pem`);
	};

	const serverExtensions = (names: string): string => `subjectAltName=${names}\nextendedKeyUsage=serverAuth\n`;
	const clientExtensions = 'extendedKeyUsage=clientAuth\n';
	const passphrase = 'test-passphrase-7q';
	await Promise.all([
		makeCa('ca'),
		makeCa('other-ca'),
		openssl('req', '-x509', ...curve, '-keyout', 'self-signed.key', '-out', 'self-signed.pem', '-subj', '/CN=self-signed', '-days', '2', '-addext', 'subjectAltName=DNS:localhost'),
	]);
	await Promise.all([
		makeLeaf('server', 'ca', serverExtensions('DNS:localhost,IP:127.0.0.1')),
		makeLeaf('named', 'ca', serverExtensions('DNS:milvus.test')),
		makeLeaf('expired', 'ca', serverExtensions('DNS:localhost,IP:127.0.0.1'), '-1'),
		makeLeaf('client', 'ca', clientExtensions),
		makeLeaf('stranger', 'other-ca', clientExtensions),
	]);
	await openssl('pkey', '-in', 'client.key', '-aes-256-cbc', '-passout', `pass:${passphrase}`, '-out', 'client-encrypted.key');
	return {
		dir,
		caCert: at('ca.pem'),
		serverCert: at('server.pem'),
		serverKey: at('server.key'),
		namedServerCert: at('named.pem'),
		namedServerKey: at('named.key'),
		expiredServerCert: at('expired.pem'),
		expiredServerKey: at('expired.key'),
		selfSignedCert: at('self-signed.pem'),
		selfSignedKey: at('self-signed.key'),
		clientCert: at('client.pem'),
		clientKey: at('client.key'),
		encryptedClientKey: at('client-encrypted.key'),
		passphrase,
		otherCaCert: at('other-ca.pem'),
		strangerCert: at('stranger.pem'),
		strangerKey: at('stranger.key'),
		async read(file) {
			return readFile(path.isAbsolute(file) ? file : at(file), 'utf8');
		},
		async remove() {
			await rm(dir, {recursive: true, force: true});
		},
	};
};
