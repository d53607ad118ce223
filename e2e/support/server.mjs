import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const JAR = new URL('../../server/target/chatql.jar', import.meta.url).pathname;

/** A free port on the loopback interface. */
function freePort() {
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
 * Starts the server jar built by the reactor on a free loopback port with a throwaway data
 * directory and the settings given as {@code --name=value} arguments, and waits until it answers.
 */
export async function startServer(settings = []) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'chatql-e2e-'));
  const process = spawn(
    'java',
    [
      '-jar',
      JAR,
      `--server.port=${port}`,
      '--server.address=127.0.0.1',
      `--chatql.data-dir=${dataDir}`,
      ...settings,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (process.exitCode !== null) {
      throw new Error(`the server exited with ${process.exitCode}`);
    }
    try {
      if ((await fetch(`${url}/actuator/health`)).ok) {
        return {
          url,
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
