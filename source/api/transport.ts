import {Agent, ProxyAgent, type Dispatcher} from 'undici';
import {createFetch, defaultFetch, type Fetch} from './fetch.js';
import {probeTls, type ProbeResult} from './tls-probe.js';
import {connectTls, plainTransport, type TlsMaterial} from './tls-options.js';

export {
	connectTls, plainTransport, type ConnectTls, type TlsMaterial,
} from './tls-options.js';

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
