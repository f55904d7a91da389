// The generated host configurations on the real servers, when this machine
// has them (Debian's nginx with libnginx-mod-http-brotli-static, apache2;
// scripts/setup.sh does not install them, so elsewhere these tests are
// skipped and tests/deploy/deploy.test.mjs checks the files' logic only):
// each serves a copy of build/dist with build/deploy/nginx.conf or
// build/dist/.htaccess, on a free port, as an unprivileged process of this
// test, and scripts/check-deploy.mjs must pass against it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);
const has = (cmd) => { try { execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }); return true; } catch { return false; } };
const brotliModule = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
const apacheModules = '/usr/lib/apache2/modules';

const freePort = () => new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});
async function check(base) {
  try { return { code: 0, out: (await run('node', [path.join(root, 'scripts/check-deploy.mjs'), base])).stdout }; } catch (e) { return { code: e.code, out: e.stdout + e.stderr }; }
}
async function waitFor(url) {
  for (let i = 0; i < 50; i++) {
    try { await fetch(url); return; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  throw new Error(`no answer from ${url}`);
}

/** check-deploy against the server proc just started on port; then the
 *  server stopped and its folder dir removed, whatever happened. */
async function checkThenStop(proc, port, dir) {
  const exited = new Promise((r) => proc.on('exit', r));
  try {
    await waitFor(`http://127.0.0.1:${port}/`);
    const { code, out } = await check(`http://127.0.0.1:${port}/`);
    assert.equal(code, 0, out);
  } finally {
    proc.kill();
    await exited;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('nginx with build/deploy/nginx.conf passes check-deploy', { skip: !(has('nginx') && fs.existsSync(brotliModule)) && 'nginx or its brotli_static module not installed' }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roi-nginx-'));
  const port = await freePort();
  fs.writeFileSync(path.join(dir, 'nginx.conf'), `load_module ${brotliModule};
daemon off; pid ${dir}/nginx.pid; error_log ${dir}/error.log;
events {}
http {
  include /etc/nginx/mime.types; default_type application/octet-stream; access_log off;
  client_body_temp_path ${dir}; proxy_temp_path ${dir}; fastcgi_temp_path ${dir}; uwsgi_temp_path ${dir}; scgi_temp_path ${dir};
  server { listen 127.0.0.1:${port}; root ${path.join(root, 'build/dist')}; include ${path.join(root, 'build/deploy/nginx.conf')}; }
}
`);
  await checkThenStop(execFile('nginx', ['-c', path.join(dir, 'nginx.conf'), '-p', dir]), port, dir);
});

test('Apache with build/dist/.htaccess passes check-deploy (mod_deflate on: no double compression)', { skip: !(has('apache2') && fs.existsSync(apacheModules)) && 'apache2 not installed' }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roi-apache-'));
  const port = await freePort();
  const mods = ['mpm_event', 'authz_core', 'mime', 'headers', 'rewrite', 'dir', 'deflate', 'filter', 'env'];
  const docroot = path.join(root, 'build/dist');
  fs.writeFileSync(path.join(dir, 'httpd.conf'), `ServerRoot ${dir}
PidFile ${dir}/httpd.pid
Listen 127.0.0.1:${port}
ServerName localhost
${mods.map((m) => `LoadModule ${m}_module ${apacheModules}/mod_${m}.so`).join('\n')}
TypesConfig /etc/mime.types
ErrorLog ${dir}/error.log
${process.getuid?.() === 0 ? 'User www-data\nGroup www-data' : ''}
DocumentRoot ${docroot}
AddOutputFilterByType DEFLATE text/html text/css text/javascript application/javascript application/json
<Directory ${docroot}>
  AllowOverride FileInfo Indexes
  Require all granted
</Directory>
`);
  await checkThenStop(execFile('apache2', ['-f', path.join(dir, 'httpd.conf'), '-DFOREGROUND']), port, dir);
});
