import { startSmtpReceiver, type ReceivedMessage } from '@/lib/smtp-receiver';

/** A real SMTP server on loopback that takes every message and keeps its envelope (the return path). */
export async function startEnvelopeRelay() {
  const received: ReceivedMessage[] = [];
  const server = await startSmtpReceiver({
    port: 0,
    host: '127.0.0.1',
    name: 'test-relay',
    banner: 'test relay',
    sizeLimit: 1024 * 1024,
    store: async (message) => void received.push(message),
  });
  return {
    port: server.port,
    received,
    stop: () => server.stop(),
    /** The message relayed to `address`, once it has come. */
    async messageTo(address: string, timeoutMs = 20_000): Promise<ReceivedMessage> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const message = received.find((candidate) => candidate.to.includes(address));
        if (message) return message;
        if (Date.now() > deadline) throw new Error(`no mail went to ${address}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
  };
}
