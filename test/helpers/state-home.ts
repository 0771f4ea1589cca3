import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';

/** A fresh XDG_STATE_HOME per started CLI: no test writes the developer's journal, and no test reads another's. */
export const freshStateHome = (): string => mkdtempSync(path.join(tmpdir(), 'mit-state-'));
