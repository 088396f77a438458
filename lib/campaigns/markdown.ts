import { Marked, type Tokens } from 'marked';

const LINK_STYLE = 'color:#9a3412;text-decoration:underline';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function safeHref(href: string): string | null {
  const trimmed = href.trim();
  return /^(https?:|mailto:)/i.test(trimmed) ? trimmed : null;
}

/*
 * Organizers write Markdown; mail gets HTML with inline styles. Raw HTML in the Markdown is shown
 * as text, and images become plain links: a remote image in a mail tells its host when and where
 * the mail was opened, which is the tracking Dauys promises not to do.
 */
const marked = new Marked({ gfm: true, breaks: true, async: false });
marked.use({
  renderer: {
    html({ text }: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(text);
    },
    image({ href, text }: Tokens.Image) {
      const url = safeHref(href);
      return url ? `<a href="${escapeHtml(url)}" style="${LINK_STYLE}">${escapeHtml(text || url)}</a>` : escapeHtml(text);
    },
    link({ href, tokens }: Tokens.Link) {
      const label = this.parser.parseInline(tokens);
      const url = safeHref(href);
      return url ? `<a href="${escapeHtml(url)}" style="${LINK_STYLE}">${label}</a>` : label;
    },
    paragraph({ tokens }: Tokens.Paragraph) {
      return `<p style="margin:0 0 16px;font-size:16px;line-height:24px">${this.parser.parseInline(tokens)}</p>\n`;
    },
    heading({ tokens, depth }: Tokens.Heading) {
      const size = depth <= 1 ? 24 : depth === 2 ? 20 : 17;
      return `<h${depth} style="margin:24px 0 12px;font-size:${size}px;line-height:1.3">${this.parser.parseInline(tokens)}</h${depth}>\n`;
    },
  },
});

export function markdownToMailHtml(markdown: string): string {
  return marked.parse(markdown, { async: false });
}
