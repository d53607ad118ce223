import assert from 'node:assert/strict';
import { get } from 'node:http';
import { after, before, test } from 'node:test';
import { startServer } from '../support/server.mjs';

/** The most initial JavaScript a first visit may download, compressed as the server sends it. */
const MAX_INITIAL_SCRIPT_BYTES = 300 * 1024;

let server;
before(async () => (server = await startServer()));
after(() => server?.stop());

/** The answer to GET {@code url} from a client that takes gzip: its status, headers and raw bytes. */
function download(url) {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'Accept-Encoding': 'gzip' } }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ headers: response.headers, bytes: Buffer.concat(chunks).length }),
      );
    }).on('error', reject);
  });
}

test('the initial JavaScript of the web client is at most 300 KB as sent', async () => {
  const page = await (await fetch(`${server.url}/`)).text();
  const scripts = [
    ...page.matchAll(/<script src="([^"]+\.js)"|rel="modulepreload" href="([^"]+)"/g),
  ].map((found) => found[1] ?? found[2]);
  assert.ok(scripts.length > 0, 'the page loads scripts');

  let total = 0;
  for (const script of scripts) {
    const { headers, bytes } = await download(`${server.url}/${script}`);
    assert.equal(headers['content-encoding'], 'gzip', `${script} is sent compressed`);
    total += bytes;
  }

  assert.ok(total <= MAX_INITIAL_SCRIPT_BYTES, `${total} bytes of initial JavaScript`);
});
