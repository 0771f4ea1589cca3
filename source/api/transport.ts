import {rootCertificates} from 'node:tls';
import {Agent, ProxyAgent, type Dispatcher} from 'undici';
import {createFetch, defaultFetch, type Fetch} from './fetch.js';
import {probeTls, type ProbeResult} from './tls-probe.js';

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

/** The proxy as messages show it: scheme, host and port, never its credentials. */
export const proxyLabel = (proxy: string): string => {
	try {
		return new URL(proxy).origin;
	} catch {
		return 'the proxy';
	}
};

/**
One dispatcher per client for all its requests (one connection pool). Through a proxy, https://
servers are reached by a CONNECT tunnel, and http:// ones by plain forwarding (as curl does: proxies
often allow CONNECT only to port 443). An https:// proxy is checked with the system's CAs and --ca-cert.
*/
export const createDispatcher = (material: TlsMaterial): Dispatcher => {
	const tls = connectTls(material);
	if (material.proxy === undefined) {
		return new Agent({connect: tls});
	}

	return new ProxyAgent({
		uri: material.proxy,
		requestTls: tls,
		...(tls.ca === undefined ? {} : {proxyTls: {ca: tls.ca}}),
		proxyTunnel: false,
	});
};

/** What a client sends its requests with, and what its error messages need to know about the way. */
export type Transport = {
	readonly fetch: Fetch;
	readonly sentClientCert: boolean;
	/** The proxy's label, when one is used. */
	readonly proxy: string | undefined;
	/** Explains a connection the server ended; not through a proxy (the handshake would not be the server's). */
	readonly probe: ((url: string) => Promise<ProbeResult>) | undefined;
};

export const createTransport = (material: TlsMaterial | undefined, injected: Fetch | undefined): Transport => {
	const plain = material === undefined || (material.ca === undefined && material.cert === undefined && material.serverName === undefined && !material.insecure && material.proxy === undefined);
	return {
		fetch: injected ?? (plain ? defaultFetch : createFetch(createDispatcher(material))),
		sentClientCert: material?.cert !== undefined,
		proxy: material?.proxy === undefined ? undefined : proxyLabel(material.proxy),
		probe: material?.proxy === undefined && injected === undefined
			? async url => probeTls(new URL(url), connectTls(material ?? plainTransport), 5000)
			: undefined,
	};
};
