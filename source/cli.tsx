#!/usr/bin/env node
// The entry. V8's helper threads are turned off before anything else is loaded (cli/young-generation.ts
// says why): the program itself (cli/main.ts) is imported only then, so no collection of its loading runs
// on a helper thread. A static import would be evaluated before this file's first line.
import {tierUpLater} from './cli/tier-up.js';
import {collectOnMainThread} from './cli/young-generation.js';

collectOnMainThread();
tierUpLater(); // Node 20: fewer early optimizing compiles (cli/tier-up.ts)
const {runCli} = await import('./cli/main.js');
await runCli(import.meta.url);
