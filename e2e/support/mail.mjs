import { SMTPServer } from 'smtp-server';

/**
 * A mail server on a free loopback port that keeps every message it is given, for the server
 * under test to send its e-mails to.
 */
export async function startMailServer() {
  const delivered = [];
  const waiting = new Set();
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', () => {
        delivered.push({
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          text: Buffer.concat(chunks).toString('utf8'),
        });
        waiting.forEach((check) => check());
        callback();
      });
    },
  });
  await new Promise((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  return {
    port: smtp.server.address().port,

    /** The text of the first message sent to {@code address}, once it has arrived. */
    messageTo(address, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = delivered.find((message) => message.to.includes(address));
          if (found) {
            waiting.delete(check);
            clearTimeout(timer);
            resolve(found.text);
          }
        };
        const timer = setTimeout(() => {
          waiting.delete(check);
          reject(new Error(`no message to ${address} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiting.add(check);
        check();
      });
    },

    stop() {
      return new Promise((resolve) => smtp.close(resolve));
    },
  };
}
