import { Marked, type RendererObject, type Tokens } from 'marked';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function safeHref(href: string): string | null {
  const trimmed = href.trim();
  return /^(https?:|mailto:)/i.test(trimmed) ? trimmed : null;
}

type SafeMarkdownOptions = {
  /** Single newlines become <br> (mail), or join the paragraph (pages). */
  breaks: boolean;
  /** Attributes every link gets, already escaped: rel on pages, inline style in mail. */
  linkAttributes: string;
  /** Extra renderers, e.g. inline styles for mail clients. */
  renderer?: RendererObject;
};

/*
 * Organizers write Markdown. Raw HTML in it is shown as text, only http(s) and mailto links survive,
 * and images become plain links: a remote image tells its host who read the page or opened the mail.
 */
export function createSafeMarkdown({ breaks, linkAttributes, renderer }: SafeMarkdownOptions): (markdown: string) => string {
  const marked = new Marked({ gfm: true, breaks, async: false });
  marked.use({
    renderer: {
      html({ text }: Tokens.HTML | Tokens.Tag) {
        return escapeHtml(text);
      },
      image({ href, text }: Tokens.Image) {
        const url = safeHref(href);
        return url ? `<a href="${escapeHtml(url)}" ${linkAttributes}>${escapeHtml(text || url)}</a>` : escapeHtml(text);
      },
      link({ href, tokens }: Tokens.Link) {
        const label = this.parser.parseInline(tokens);
        const url = safeHref(href);
        return url ? `<a href="${escapeHtml(url)}" ${linkAttributes}>${label}</a>` : label;
      },
      ...renderer,
    },
  });
  return (markdown) => marked.parse(markdown, { async: false });
}
