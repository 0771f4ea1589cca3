import {request as httpRequest} from 'node:http';
import {request as httpsRequest, type RequestOptions} from 'node:https';

export type TlsOutcome = {readonly ok: true; readonly status: number; readonly text: string} | {readonly ok: false; readonly error: Error & {code?: string}};

/** One POST with node:https's own TLS options, so a test sees the error Node raises for a handshake (fetch wraps the same one). */
export const tlsPost = async (url: string, options: RequestOptions = {}, path = '/v2/vectordb/jobs/import/list'): Promise<TlsOutcome> =>
	new Promise(resolve => {
		const send = url.startsWith('https:') ? httpsRequest : httpRequest;
		const request = send(new URL(path, url), {
			method: 'POST', headers: {'Content-Type': 'application/json'}, agent: false, ...options,
		}, response => {
			let text = '';
			response.setEncoding('utf8').on('data', (chunk: string) => {
				text += chunk;
			}).on('end', () => {
				resolve({ok: true, status: response.statusCode ?? 0, text});
			}).on('error', (error: Error) => {
				resolve({ok: false, error});
			});
		});
		request.on('error', (error: Error) => {
			resolve({ok: false, error});
		});
		request.end('{}');
	});
