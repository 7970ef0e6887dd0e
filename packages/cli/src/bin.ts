#!/usr/bin/env node
/** The `creditbank` executable: runs `main` on the process's arguments and I/O. */
import { main, nodeIO } from './index.js';

// `creditbank evaluate x.json | head` closes the pipe early: no stack trace for that
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') return;
  process.stderr.write(`creditbank: internal error: ${error.message}\n`);
  process.exitCode = 2;
});
process.exitCode = main(process.argv.slice(2), nodeIO);
