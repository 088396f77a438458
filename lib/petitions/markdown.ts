import { Marked, type Tokens } from 'marked';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function safeHref(href: string): string | null {
  const trimmed = href.trim();
  return /^(https?:|mailto:)/i.test(trimmed) ? trimmed : null;
}

/*
 * Petition text is Markdown written by organizers. Raw HTML is shown as text, only http(s)/mailto
 * links survive, and images become links (a remote image would tell its host who read the page).
 */
const marked = new Marked({ gfm: true, breaks: false, async: false });
marked.use({
  renderer: {
    html({ text }: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(text);
    },
    image({ href, text }: Tokens.Image) {
      const url = safeHref(href);
      return url ? `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${escapeHtml(text || url)}</a>` : escapeHtml(text);
    },
    link({ href, tokens }: Tokens.Link) {
      const label = this.parser.parseInline(tokens);
      const url = safeHref(href);
      return url ? `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${label}</a>` : label;
    },
  },
});

export function renderPetitionMarkdown(markdown: string): string {
  return marked.parse(markdown, { async: false });
}
