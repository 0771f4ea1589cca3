import {isIP} from 'node:net';
import type {Environment, TransportSettings} from './types.js';
import {
	bool, nonEmpty, text, type RawFlags,
} from './flags.js';
import {noProxyMatches} from './no-proxy.js';
import type {Parsed} from './values.js';

export type {TransportSettings} from './types.js';

export const directTransport: TransportSettings = {
	caCert: undefined, clientCert: undefined, clientKey: undefined, tlsServerName: undefined, insecure: false, proxy: undefined,
};

/** Flags that only make sense over TLS. */
export const tlsFlags = ['ca-cert', 'client-cert', 'client-key', 'tls-server-name', 'insecure'] as const;

const fail = <T>(message: string): Parsed<T> => ({ok: false, message});

/** A proxy address as curl takes it: `host:port` means http://; only http:// and https:// proxies. Never echoes credentials. */
export const parseProxyUrl = (raw: string, source: string): Parsed<string> => {
	const trimmed = raw.trim();
	let url: URL;
	try {
		url = new URL(/^[a-z][a-z\d+.\-]*:\/\//iv.test(trimmed) ? trimmed : `http://${trimmed}`);
	} catch {
		return fail(`cannot parse the proxy address in ${source} (expected e.g. http://proxy.example:3128)`);
	}

	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		return fail(`unsupported proxy scheme "${url.protocol}" in ${source} (use an http:// or https:// proxy)`);
	}

	if (url.hostname === '') {
		return fail(`the proxy address in ${source} has no host`);
	}

	return {ok: true, value: url.href.replace(/\/$/v, '')};
};

const upperCase = {
	https_proxy: 'HTTPS_PROXY', http_proxy: 'HTTP_PROXY', all_proxy: 'ALL_PROXY', no_proxy: 'NO_PROXY',
} as const;

/** Only set, non-empty variables count; the lower-case spelling wins, as in curl. */
const variable = (env: Environment, name: keyof typeof upperCase): readonly [string, string] | undefined => {
	const upper = upperCase[name];
	const lower = nonEmpty(env[name]);
	if (lower !== undefined) {
		return [name, lower];
	}

	const value = nonEmpty(env[upper]);
	return value === undefined ? undefined : [upper, value];
};

/** This machine: a proxy elsewhere would reach its own loopback, not ours (Go never proxies these either). */
const isLoopback = (url: URL): boolean => {
	const host = url.hostname.replace(/^\[(.*)\]$/v, '$1').toLowerCase();
	return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
};

/**
The proxy for requests to `target`, as curl decides it (but never for this machine's loopback): `--proxy` (or a context's proxy) first, else
HTTPS_PROXY for https:// and HTTP_PROXY for http://, else ALL_PROXY; NO_PROXY (hosts, domains,
`*`) sends matching servers direct in every case.
*/
export const chooseProxy = (target: string, explicit: string | undefined, env: Environment): Parsed<string | undefined> => {
	const url = new URL(target);
	const given = explicit === undefined ? undefined : parseProxyUrl(explicit, '--proxy');
	if (given?.ok === false) {
		return given; // A bad --proxy is a usage error even where it would not be used.
	}

	const noProxy = variable(env, 'no_proxy');
	if (isLoopback(url) || (noProxy !== undefined && noProxyMatches(noProxy[1], url))) {
		return {ok: true, value: undefined};
	}

	if (given !== undefined) {
		return given;
	}

	const chosen = variable(env, url.protocol === 'https:' ? 'https_proxy' : 'http_proxy') ?? variable(env, 'all_proxy');
	return chosen === undefined ? {ok: true, value: undefined} : parseProxyUrl(chosen[1], chosen[0]);
};

/** The TLS and proxy values as given (by flags, or by a context of the config file), before checking. */
export type TransportInput = {
	readonly caCert?: string;
	readonly clientCert?: string;
	readonly clientKey?: string;
	readonly tlsServerName?: string;
	readonly insecure?: boolean;
	readonly proxy?: string;
};

const flagOf = {
	caCert: 'ca-cert', clientCert: 'client-cert', clientKey: 'client-key', tlsServerName: 'tls-server-name', insecure: 'insecure', proxy: 'proxy',
} as const;

/**
Checks TLS and proxy values for a server at `target` (normalized, with its scheme) and picks the proxy.
Messages name the flags; a config file's keys have the same meaning. TLS values need an https://
server (a bare `host:port` with TLS flags already means https://: resolve.ts).
*/
export const resolveTransport = (input: TransportInput, env: Environment, target: string): Parsed<TransportSettings> => {
	const tlsKey = (['caCert', 'clientCert', 'clientKey', 'tlsServerName', 'insecure'] as const).find(key => input[key] !== undefined && input[key] !== false);
	if (tlsKey !== undefined && !target.startsWith('https:')) {
		return fail(`--${flagOf[tlsKey]} only works with an https:// server (the address is ${new URL(target).origin})`);
	}

	const {clientCert, clientKey} = input;
	if ((clientCert === undefined) !== (clientKey === undefined)) {
		return fail(clientCert === undefined ? '--client-key needs --client-cert' : '--client-cert needs --client-key');
	}

	const paths = {caCert: input.caCert, clientCert, clientKey};
	const empty = (['caCert', 'clientCert', 'clientKey'] as const).find(key => paths[key]?.trim() === '');
	if (empty !== undefined) {
		return fail(`--${flagOf[empty]} needs a path`);
	}

	const serverName = input.tlsServerName?.trim();
	// Not an IP: TLS sends names only (RFC 6066), and an IP in --uri is checked against the certificate as it is.
	if (serverName !== undefined && (!/^[a-z\d](?:[a-z\d\-.]{0,251}[a-z\d])?$/iv.test(serverName) || isIP(serverName) !== 0)) {
		return fail('--tls-server-name must be a host name, like milvus.example.com');
	}

	const proxy = chooseProxy(target, input.proxy, env);
	if (!proxy.ok) {
		return proxy;
	}

	return {
		ok: true,
		value: {
			...paths, tlsServerName: serverName, insecure: input.insecure === true, proxy: proxy.value,
		},
	};
};

/** TLS and proxy settings from the command line (resolveTransport checks them). */
export const readTransport = (flags: RawFlags, env: Environment, target: string): Parsed<TransportSettings> => resolveTransport({
	caCert: text(flags, 'ca-cert'),
	clientCert: text(flags, 'client-cert'),
	clientKey: text(flags, 'client-key'),
	tlsServerName: text(flags, 'tls-server-name'),
	insecure: bool(flags, 'insecure'),
	proxy: text(flags, 'proxy'),
}, env, target);
