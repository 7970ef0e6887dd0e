#!/usr/bin/env node
/** The `creditbank` executable: runs `main` on the process's arguments and I/O. */
import { main, nodeIO } from './index.js';

process.exitCode = main(process.argv.slice(2), nodeIO);
