// The benches' shared set-up: build/site served on 127.0.0.1 by
// scripts/serve.py and Debian's Chromium driven by playwright-core.
// openSite() -> { base, browser, close }: close() ends both.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function openSite() {
  const server = spawn('python3', [path.join(root, 'scripts/serve.py'), path.join(root, 'build/site'), '0']);
  const base = await new Promise((resolve, reject) => {
    server.stdout.on('data', (d) => { const m = /http:\/\/[\d.:]+\//.exec(String(d)); if (m) resolve(m[0]); });
    server.on('exit', () => reject(new Error('server exited')));
  });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
  return { base, browser, close: async () => { await browser.close(); server.kill(); } };
}
