import type {TlsFailure} from './tls-errors.js';

/** Each TLS failure as one line: what is wrong, then what to do (the flag that fixes it). */
export const describeTlsFailure = (failure: TlsFailure): string => {
	switch (failure.problem) {
		case 'untrusted': {
			return 'the server\'s certificate is not trusted: signed by an unknown CA — give the CA with --ca-cert';
		}

		case 'self-signed': {
			return 'the server\'s certificate is not trusted: it is self-signed — give it with --ca-cert';
		}

		case 'name-mismatch': {
			const names = failure.detail === '' ? '' : ` (it is for ${failure.detail})`;
			return `the server's certificate does not name the host in --uri${names} — use that name in --uri, or --tls-server-name NAME`;
		}

		case 'expired': {
			return 'the server\'s certificate has expired — renew it on the server (or check this machine\'s clock)';
		}

		case 'not-yet-valid': {
			return 'the server\'s certificate is not valid yet — check the clocks of this machine and the server';
		}

		case 'client-cert-required': {
			return failure.detail === 'closed'
				? 'the server closed the connection right after the TLS handshake: it likely requires a client certificate (mutual TLS) — give --client-cert and --client-key'
				: 'the server requires a client certificate (mutual TLS) — give --client-cert and --client-key';
		}

		case 'client-cert-refused': {
			const why = failure.detail === 'closed' ? 'it closed the connection right after the TLS handshake' : failure.detail;
			return `the server refused our client certificate (${why}) — is --client-cert signed by a CA the server trusts, and still valid?`;
		}

		case 'not-tls': {
			return 'the server does not speak TLS on this port — use http:// in --uri (or the server\'s TLS port)';
		}

		case 'tls-port': {
			return 'the server speaks TLS on this port — use https:// in --uri';
		}

		case 'handshake': {
			return `TLS handshake failed (${failure.detail})`;
		}
	}
};

