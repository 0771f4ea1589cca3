import {rootCertificates} from 'node:tls';

/**
What every request of a client travels with: the TLS material (PEM texts, already read and checked by
cli/tls-files.ts) and the proxy. Never printed: it holds the client key.
*/
export type TlsMaterial = {
	/** Extra CAs to trust (PEM, may hold several); the system's stay trusted. */
	readonly ca: string | undefined;
	readonly cert: string | undefined;
	readonly key: string | undefined;
	readonly passphrase: string | undefined;
	/** Checked against the certificate instead of the host in the URL, and sent as SNI. */
	readonly serverName: string | undefined;
	readonly insecure: boolean;
	/** Proxy URL (may carry the proxy's credentials), or undefined: direct. */
	readonly proxy: string | undefined;
};

export const plainTransport: TlsMaterial = {
	ca: undefined, cert: undefined, key: undefined, passphrase: undefined, serverName: undefined, insecure: false, proxy: undefined,
};

/** Node's TLS options for a connection to the server (not the proxy). */
export type ConnectTls = {
	readonly ca?: string[];
	readonly cert?: string;
	readonly key?: string;
	readonly passphrase?: string;
	readonly servername?: string;
	readonly rejectUnauthorized: boolean;
};

/**
`ca` replaces Node's trust store, so the bundled roots are kept next to the private CA: a
--ca-cert adds trust (as NODE_EXTRA_CA_CERTS does) and a public endpoint keeps working.
*/
export const connectTls = (material: TlsMaterial): ConnectTls => ({
	...(material.ca === undefined ? {} : {ca: [...rootCertificates, material.ca]}),
	...(material.cert === undefined ? {} : {cert: material.cert}),
	...(material.key === undefined ? {} : {key: material.key}),
	...(material.passphrase === undefined ? {} : {passphrase: material.passphrase}),
	...(material.serverName === undefined ? {} : {servername: material.serverName}),
	rejectUnauthorized: !material.insecure,
});
