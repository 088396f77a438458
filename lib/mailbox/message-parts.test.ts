import { describe, expect, it } from 'vitest';
import { headerLines, linkify, previewDocument } from '@/lib/mailbox/message-parts';

describe('linkify', () => {
  it('turns http(s) URLs into links and leaves everything else as text', () => {
    expect(linkify('Open https://dauys.test/kk/unsubscribe?token=a.b, then javascript:alert(1) <b>x</b>.')).toEqual([
      { kind: 'text', text: 'Open ' },
      { kind: 'link', href: 'https://dauys.test/kk/unsubscribe?token=a.b', text: 'https://dauys.test/kk/unsubscribe?token=a.b' },
      { kind: 'text', text: ', then javascript:alert(1) <b>x</b>.' },
    ]);
  });
});

describe('headerLines', () => {
  it('unfolds the header block and stops at the body', () => {
    const raw = 'Subject: a\r\nList-Unsubscribe: <https://x>,\r\n <mailto:y>\r\n\r\nBody: not a header';
    expect(headerLines(raw)).toEqual(['Subject: a', 'List-Unsubscribe: <https://x>, <mailto:y>']);
  });
});

describe('previewDocument', () => {
  it('puts a no-script, no-remote policy into the head', () => {
    const doc = previewDocument('<html><head><title>t</title></head><body><script>x</script></body></html>');
    expect(doc).toMatch(/^<html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
  });
});
