import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import type {JournalRecord} from '../../source/journal/record.js';

export const tempDir = (): string => mkdtempSync(path.join(tmpdir(), 'mit-journal-'));

export const record = (overrides: Partial<JournalRecord> = {}): JournalRecord => ({
	at: 1_765_000_000_000,
	cluster: 'http://localhost:19530',
	db: '',
	context: '',
	jobId: '454891732197474512',
	collection: 'books',
	event: 'appeared',
	state: 'Pending',
	progress: 0,
	reason: '',
	...overrides,
});
