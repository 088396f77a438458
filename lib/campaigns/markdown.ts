import type { Tokens } from 'marked';
import { createSafeMarkdown } from '@/lib/markdown/safe-markdown';

/** Campaign bodies as mail HTML: inline styles, because mail clients drop style sheets. */
export const markdownToMailHtml = createSafeMarkdown({
  breaks: true,
  linkAttributes: 'style="color:#9a3412;text-decoration:underline"',
  renderer: {
    paragraph({ tokens }: Tokens.Paragraph) {
      return `<p style="margin:0 0 16px;font-size:16px;line-height:24px">${this.parser.parseInline(tokens)}</p>\n`;
    },
    heading({ tokens, depth }: Tokens.Heading) {
      const size = depth <= 1 ? 24 : depth === 2 ? 20 : 17;
      return `<h${depth} style="margin:24px 0 12px;font-size:${size}px;line-height:1.3">${this.parser.parseInline(tokens)}</h${depth}>\n`;
    },
  },
});
