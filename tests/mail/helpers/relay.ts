import net from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { freePort } from '../../../scripts/lib/free-port';

/**
 * A real SMTP relay on a fixed loopback port that a test can turn into any outage:
 * - `accept`: takes every message (kept in `messages`);
 * - `refuse`: the port is closed, connections are refused, open ones are cut;
 * - `silent`: connections are accepted and never answered (a hung relay);
 * - `tempfail` / `reject`: answers 451 / 550 to RCPT TO, or to the message end ("data").
 */
export type RelayMode = 'accept' | 'refuse' | 'silent' | 'tempfail' | 'reject';

export type ReplyRule = (address: string, stage: 'rcpt' | 'data') => number | { code: number; text: string } | null;

export type RelayedMessage = { to: string; messageId: string; raw: string; receivedAt: number };

export type RelayOptions = {
  /** Where 451/550 are answered: the recipient (default) or the message end. */
  failAt?: 'rcpt' | 'data';
  /**
   * Runs when a whole message has arrived, before the server answers it (the answer is 250 unless
   * the mode says otherwise). A test can kill the sender here, after acceptance, before its UPDATE.
   */
  onMessage?: (message: RelayedMessage, session: SMTPServerSession) => void | Promise<void>;
  /** Runs at each RCPT TO before it is answered; a test can kill the sender before acceptance. */
  onRecipient?: (address: string) => void | Promise<void>;
};

function headerOf(raw: string, name: string): string {
  const head = (raw.split(/\r?\n\r?\n/)[0] ?? '').replace(/\r?\n[ \t]+/g, ' ');
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim() ?? '';
}

export async function startRelay(options: RelayOptions = {}) {
  const port = await freePort();
  const messages: RelayedMessage[] = [];
  const sockets = new Set<net.Socket>();
  let mode: RelayMode = 'accept';
  let rcptAttempts = 0;

  let failAt = options.failAt ?? 'rcpt';
  let replyFor: ReplyRule | undefined;
  /** The refusal to give at this stage, if any: a per-recipient rule first, then the mode. */
  const refusal = (address: string, stage: 'rcpt' | 'data') => {
    const reply =
      replyFor?.(address, stage) ??
      ((mode === 'tempfail' || mode === 'reject') && failAt === stage ? (mode === 'tempfail' ? 451 : 550) : null);
    if (!reply) return null;
    const code = typeof reply === 'number' ? reply : reply.code;
    const text = typeof reply === 'object' ? reply.text : code < 500 ? 'Temporary local problem, try again later' : 'Mailbox unavailable';
    return Object.assign(new Error(text), { responseCode: code });
  };

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    async onRcptTo(address, _session, callback) {
      rcptAttempts += 1;
      await options.onRecipient?.(address.address);
      callback(refusal(address.address, 'rcpt'));
    },
    onData(stream: SMTPServerDataStream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const message = {
          to: session.envelope.rcptTo[0]?.address ?? '',
          messageId: headerOf(raw, 'Message-ID'),
          raw,
          receivedAt: Date.now(),
        };
        const refused = refusal(message.to, 'data');
        if (refused) return callback(refused);
        await options.onMessage?.(message, session);
        messages.push(message);
        callback();
      });
    },
  });
  // Killed senders and cut connections are part of the tests.
  smtp.on('error', () => {});
  smtp.server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const silent = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });

  const listening = (server: net.Server) => server.listening;
  const listen = (server: net.Server) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.removeListener('error', reject);
        resolve();
      });
    });
  const close = (server: net.Server) => new Promise<void>((resolve) => (listening(server) ? server.close(() => resolve()) : resolve()));
  const cutConnections = () => {
    for (const socket of sockets) socket.destroy();
    sockets.clear();
  };

  async function setMode(next: RelayMode): Promise<void> {
    if (next === mode) return;
    const wasListeningOn = mode === 'refuse' ? null : mode === 'silent' ? silent : smtp.server;
    const listensOn = next === 'refuse' ? null : next === 'silent' ? silent : smtp.server;
    mode = next;
    if (wasListeningOn !== listensOn) {
      if (wasListeningOn) {
        const closed = close(wasListeningOn);
        cutConnections();
        await closed;
      }
      if (listensOn) await listen(listensOn);
    }
  }

  await listen(smtp.server);
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    get mode() {
      return mode;
    },
    get rcptAttempts() {
      return rcptAttempts;
    },
    setMode,
    /** Where the tempfail / reject modes answer: the recipient, or the end of the message. */
    setFailAt(stage: 'rcpt' | 'data') {
      failAt = stage;
    },
    /** A reply code per recipient and stage (null: as the mode says), e.g. 451 for some addresses only. */
    setReplyRule(rule: ReplyRule | undefined) {
      replyFor = rule;
    },
    /** Messages that arrived per Message-ID (a duplicate has 2 or more). */
    deliveriesById(): Map<string, number> {
      const counts = new Map<string, number>();
      for (const message of messages) counts.set(message.messageId, (counts.get(message.messageId) ?? 0) + 1);
      return counts;
    },
    async stop(): Promise<void> {
      await setMode('refuse');
    },
  };
}

export type Relay = Awaited<ReturnType<typeof startRelay>>;

export async function waitFor<T>(read: () => T | Promise<T>, what: string, timeoutMs = 20_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
