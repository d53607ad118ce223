import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SERVER = new URL('../../server/', import.meta.url).pathname;

/** The README's start command: the java options and jar that `server/target/chatql.args` holds. */
function startCommand() {
  return readFileSync(`${SERVER}target/chatql.args`, 'utf8')
    .split('\n')
    .map((line) => line.trim().replace(/^"(.*)"$/, '$1'))
    .filter((line) => line !== '');
}

/** A free port on the loopback interface. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts the server built by the reactor, with the README's start command, on a free loopback port
 * with a throwaway data directory and the settings given as {@code --name=value} arguments, and
 * waits until its health endpoint (on the management port when one is set) answers. What the server
 * writes to its standard output is kept, for {@code log()}.
 */
export async function startServer(settings = []) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'chatql-e2e-'));
  const process = spawn(
    'java',
    [
      ...startCommand(),
      `--server.port=${port}`,
      '--server.address=127.0.0.1',
      `--chatql.data-dir=${dataDir}`,
      ...settings,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  process.stdout.setEncoding('utf8').on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const managementPort = settings
    .map((setting) => /^--management\.server\.port=(\d+)$/.exec(setting)?.[1])
    .find((found) => found !== undefined);
  const health = `http://127.0.0.1:${managementPort ?? port}/actuator/health`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (process.exitCode !== null) {
      throw new Error(`the server exited with ${process.exitCode}`);
    }
    try {
      if ((await fetch(health)).ok) {
        return {
          url,
          health,
          log: () => output,
          async stop() {
            process.kill();
            await new Promise((resolve) => process.once('exit', resolve));
            rmSync(dataDir, { recursive: true, force: true });
          },
        };
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  process.kill();
  throw new Error('the server did not answer within 120 s');
}
