import {BlockList, isIP} from 'node:net';

/**
NO_PROXY as curl reads it: comma-separated entries; `*` alone means every host; a name matches
itself and its subdomains (a leading `.` or `*.` is optional); an IP matches itself, and
`10.0.0.0/8`-style ranges match their addresses. Go and undici also allow `:port`, so we do too.
*/
export const noProxyMatches = (noProxy: string, target: URL): boolean => {
	const host = target.hostname.replace(/^\[(.*)\]$/v, '$1').replace(/\.$/v, '').toLowerCase();
	const port = target.port === '' ? (target.protocol === 'https:' ? '443' : '80') : target.port;
	return noProxy.split(/[,\s]+/v).some(raw => {
		const entry = raw.trim().toLowerCase();
		if (entry === '') {
			return false;
		}

		if (entry === '*') {
			return true;
		}

		const {name, entryPort} = splitPort(entry);
		if (entryPort !== undefined && entryPort !== port) {
			return false;
		}

		const range = /^(.+)\/(\d{1,3})$/v.exec(name);
		if (range !== null) {
			return inRange(host, range[1]!, Number(range[2]));
		}

		const bare = name.replace(/^\*?\./v, '').replace(/\.$/v, '');
		return bare !== '' && (host === bare || (isIP(host) === 0 && host.endsWith(`.${bare}`)));
	});
};

/** `host:port`, `[v6]:port`, or a bare IPv6 address (its colons are not a port). */
const splitPort = (entry: string): {readonly name: string; readonly entryPort: string | undefined} => {
	const bracketed = /^\[(.+)\](?::(\d+))?$/v.exec(entry);
	if (bracketed !== null) {
		return {name: bracketed[1]!, entryPort: bracketed[2]};
	}

	const withPort = /^([^:]+):(\d+)$/v.exec(entry);
	return withPort === null ? {name: entry, entryPort: undefined} : {name: withPort[1]!, entryPort: withPort[2]};
};

const inRange = (host: string, network: string, prefix: number): boolean => {
	const family = isIP(network);
	if (family === 0 || isIP(host) !== family || prefix > (family === 4 ? 32 : 128)) {
		return false;
	}

	const type = family === 4 ? 'ipv4' : 'ipv6';
	const list = new BlockList();
	list.addSubnet(network, prefix, type);
	return list.check(host, type);
};
