import {readFileSync} from 'node:fs';

/** A recorded response body from test/fixtures/milvus/, as text (the client sees text first). */
export const fixture = (name: string): string => readFileSync(new URL(`../fixtures/milvus/${name}`, import.meta.url), 'utf8');
