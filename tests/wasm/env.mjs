// Where the wasm tests find things: the built site (ROI_SITE), the native CLI
// (ROI_CLI), the fixtures, and the engine itself, loaded once per process.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const site = process.env.ROI_SITE || path.join(root, 'build/site');
export const cli = process.env.ROI_CLI || path.join(root, 'build/release/roi');
export const fixtures = path.join(root, 'tests/fixtures');
export const roi = await import(path.join(site, 'engine/roi.js'));

/** A fresh temporary directory for files handed to the CLI. */
export const tempDir = (prefix) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));
