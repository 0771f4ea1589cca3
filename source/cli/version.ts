import {readFileSync} from 'node:fs';

/** The package's version, for --version: read from package.json next to the entry's folder (dist/), 0.0.0 if unreadable. */
export const readVersion = (entryUrl: string): string => {
	try {
		const text = readFileSync(new URL('../package.json', entryUrl), 'utf8');
		const parsed: unknown = JSON.parse(text);
		const version: unknown = typeof parsed === 'object' && parsed !== null && 'version' in parsed ? parsed.version : undefined;
		return typeof version === 'string' ? version : '0.0.0';
	} catch {
		return '0.0.0';
	}
};

