/**
 * An SMTP sink for the email benchmark, in its own process: accepts every message, keeps nothing,
 * counts. Tells its parent the port over IPC and answers { type: 'count' } with the count.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

let received = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  maxClients: 100,
  onData(stream, _session, callback) {
    stream.on('end', () => {
      received += 1;
      callback();
    });
    stream.resume();
  },
});
server.on('error', () => {});
server.listen(0, '127.0.0.1', () => {
  process.send?.({ type: 'port', port: (server.server.address() as AddressInfo).port });
});
process.on('message', (message: { type: string }) => {
  if (message.type === 'count') process.send?.({ type: 'count', count: received });
});
process.on('disconnect', () => process.exit(0));
