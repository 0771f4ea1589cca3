/**
TLS failures, from Node's error codes (OpenSSL's verify codes and alert names), to what a person
should do about them. A certificate problem cannot heal by retrying, so these are fatal (exit 3 at
once). Only codes and the certificate's names are read from the error: never a key, never a header.
*/
import type {TlsFailure, TlsProblem} from '../model/jobs/result.js';
import {sanitize} from './sanitize.js';

export type {TlsFailure, TlsProblem} from '../model/jobs/result.js';

const untrusted = new Set([
	'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
	'UNABLE_TO_GET_ISSUER_CERT',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'CERT_UNTRUSTED',
	'CERT_REJECTED',
	'INVALID_CA',
	'CERT_SIGNATURE_FAILURE',
	'CERT_CHAIN_TOO_LONG',
]);

/** Alerts a server sends when it does not like our certificate (or, for the first two, any missing one on TLS 1.2). */
const refusalAlerts = new Set([
	'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE',
	'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE',
	'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA',
	'ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN',
	'ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED',
	'ERR_SSL_SSLV3_ALERT_CERTIFICATE_REVOKED',
	'ERR_SSL_SSLV3_ALERT_UNSUPPORTED_CERTIFICATE',
	'ERR_SSL_TLSV1_ALERT_ACCESS_DENIED',
	'ERR_SSL_TLSV1_ALERT_DECRYPT_ERROR',
]);

const notTls = new Set(['ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_PACKET_LENGTH_TOO_LONG', 'ERR_SSL_UNKNOWN_PROTOCOL', 'ERR_SSL_RECORD_LAYER_FAILURE']);

/** OpenSSL's reasons for "that was not TLS": a write fails with plain EPROTO and only the message says why. */
const notTlsReason = /wrong version number|packet length too long|unknown protocol|record layer failure/iv;

/** Other X.509 verify results Node reports by name: still a certificate problem, named as OpenSSL names it. */
const otherVerifyCodes = new Set([
	'INVALID_PURPOSE',
	'CERT_REVOKED',
	'PATH_LENGTH_EXCEEDED',
	'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
	'UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY',
	'ERROR_IN_CERT_NOT_BEFORE_FIELD',
	'ERROR_IN_CERT_NOT_AFTER_FIELD',
	'UNABLE_TO_GET_CRL',
	'CRL_HAS_EXPIRED',
	'CRL_NOT_YET_VALID',
	'CRL_SIGNATURE_FAILURE',
]);

const alertName = (code: string): string => code.replace(/^ERR_SSL_(?:SSLV3|TLSV1|TLSV13)_ALERT_/v, '').toLowerCase().replaceAll('_', ' ');

/** The names a certificate is for, from Node's ERR_TLS_CERT_ALTNAME_INVALID (`cert.subjectaltname`), made safe to print. */
export const certificateNames = (error: unknown, depth = 0): string => {
	if (typeof error !== 'object' || error === null || depth > 4) {
		return '';
	}

	const {code, cert, cause} = error as {code?: unknown; cert?: unknown; cause?: unknown};
	if (code === 'ERR_TLS_CERT_ALTNAME_INVALID' && typeof cert === 'object' && cert !== null) {
		const {subjectaltname: names, subject} = cert as {subjectaltname?: unknown; subject?: unknown};
		if (typeof names === 'string') {
			return sanitize(names, 160);
		}

		const commonName = typeof subject === 'object' && subject !== null ? (subject as {CN?: unknown}).CN : undefined;
		return typeof commonName === 'string' ? sanitize(`CN=${commonName}`, 160) : '';
	}

	return certificateNames(cause, depth + 1);
};

/** A Node error code → the TLS problem it means, or undefined when it is not about TLS. */
export const tlsProblemOf = (code: string, sentClientCert: boolean): TlsProblem | undefined => {
	if (untrusted.has(code)) {
		return 'untrusted';
	}

	switch (code) {
		case 'DEPTH_ZERO_SELF_SIGNED_CERT': {
			return 'self-signed';
		}

		case 'ERR_TLS_CERT_ALTNAME_INVALID':
		case 'HOSTNAME_MISMATCH': {
			return 'name-mismatch';
		}

		case 'CERT_HAS_EXPIRED': {
			return 'expired';
		}

		case 'CERT_NOT_YET_VALID': {
			return 'not-yet-valid';
		}

		case 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED': {
			return 'client-cert-required';
		}

		default: {
			break;
		}
	}

	if (refusalAlerts.has(code)) {
		return sentClientCert ? 'client-cert-refused' : 'client-cert-required';
	}

	if (notTls.has(code)) {
		return 'not-tls';
	}

	return code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') || otherVerifyCodes.has(code) ? 'handshake' : undefined;
};

const tlsFailure = (problem: TlsProblem, code: string, error: unknown): TlsFailure => {
	if (problem === 'name-mismatch') {
		return {kind: 'tls', problem, detail: certificateNames(error)};
	}

	return {kind: 'tls', problem, detail: problem === 'client-cert-refused' || problem === 'client-cert-required' ? alertName(code) : code};
};

/** The error (itself, its cause, or one of an AggregateError's) that carries a code, as fetch implementations nest them. */
const findCoded = (error: unknown, depth = 0): {readonly code: string; readonly message: string} | undefined => {
	if (typeof error !== 'object' || error === null || depth > 4) {
		return undefined;
	}

	const {code, cause, errors, message} = error as {code?: unknown; cause?: unknown; errors?: unknown; message?: unknown};
	if (typeof code === 'string' && /^[A-Z][A-Z\d_]{1,60}$/v.test(code)) {
		return {code, message: typeof message === 'string' ? message : ''};
	}

	const inner = Array.isArray(errors) ? errors.map(item => findCoded(item, depth + 1)).find(Boolean) : undefined;
	return inner ?? findCoded(cause, depth + 1);
};

/** A thrown fetch error → the TLS failure it is, or undefined when it is not about TLS. */
export const tlsFailureOf = (error: unknown, sentClientCert: boolean): TlsFailure | undefined => {
	const coded = findCoded(error);
	if (coded === undefined) {
		return undefined;
	}

	if (coded.code === 'EPROTO') {
		return notTlsReason.test(coded.message) ? {kind: 'tls', problem: 'not-tls', detail: coded.code} : {kind: 'tls', problem: 'handshake', detail: coded.code};
	}

	const problem = tlsProblemOf(coded.code, sentClientCert);
	return problem === undefined ? undefined : tlsFailure(problem, coded.code, error);
};

/** How HTTPS servers answer a plain-HTTP request: Go's net/http (our demo server says the same) and nginx (docs/milvus-rest.md#tls). */
export const plainHttpToTlsPort = (status: number, text: string): boolean =>
	status === 400 && /Client sent an HTTP request to an HTTPS server|plain HTTP request was sent to HTTPS port/v.test(text.slice(0, 4096));
