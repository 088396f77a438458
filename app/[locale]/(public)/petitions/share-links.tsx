'use client';

import { useState } from 'react';
import styles from './petitions.module.css';

/** `petitions.page`'s texts, `shareText` with the petition's title in it. */
export type ShareTexts = Record<'share' | 'shareText' | 'copyLink' | 'copied', string>;

export function ShareLinks({ url, texts }: { url: string; texts: ShareTexts }) {
  const [copied, setCopied] = useState(false);
  const text = texts.shareText;
  const u = encodeURIComponent(url);
  const links = [
    { name: 'WhatsApp', href: `https://wa.me/?text=${encodeURIComponent(`${text} ${url}`)}` },
    { name: 'Telegram', href: `https://t.me/share/url?url=${u}&text=${encodeURIComponent(text)}` },
    { name: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { name: 'X', href: `https://x.com/intent/tweet?url=${u}&text=${encodeURIComponent(text)}` },
  ];

  async function copy() {
    await navigator.clipboard?.writeText(url).catch(() => undefined);
    setCopied(true);
  }

  return (
    <section aria-labelledby="share-heading">
      <h2 id="share-heading">{texts.share}</h2>
      <ul className={styles.share}>
        <li>
          <button type="button" className="button-secondary" onClick={copy}>
            {texts.copyLink}
          </button>
        </li>
        {links.map((link) => (
          <li key={link.name}>
            <a href={link.href} target="_blank" rel="noopener noreferrer" className="button button-secondary">
              {link.name}
            </a>
          </li>
        ))}
      </ul>
      <p role="status">{copied ? texts.copied : ''}</p>
    </section>
  );
}
