#!/usr/bin/env node
// The entry. V8's collector flags are set before anything else is loaded (cli/young-generation.ts says
// why; its helper threads off, marking's aside where one malloc arena serves all threads): the program
// itself (cli/main.ts) is imported only then, so no collection of its loading runs on a helper thread
// that would make an arena. A static import would be evaluated before this file's first line.
import {tierUpLater} from './cli/tier-up.js';
import {setCollectorFlags} from './cli/young-generation.js';

setCollectorFlags();
tierUpLater(); // Node 20: fewer early optimizing compiles (cli/tier-up.ts)
const {runCli} = await import('./cli/main.js');
await runCli(import.meta.url);
