import { describe, expect, it } from 'vitest';
import { markdownToMailHtml } from '@/lib/campaigns/markdown';
import { renderPetitionMarkdown } from '@/lib/petitions/markdown';

describe('organizer Markdown', () => {
  it('shows raw HTML as text, so a pasted script never runs', () => {
    const html = renderPetitionMarkdown('Hello <script>alert(1)</script> <img src=x onerror=alert(1)>');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;');
  });

  it('keeps http(s) and mailto links and drops javascript: ones', () => {
    const html = renderPetitionMarkdown('[law](https://adilet.zan.kz/x) [mail](mailto:a@b.kz) [bad](javascript:alert(1))');
    expect(html).toContain('<a href="https://adilet.zan.kz/x" rel="noopener noreferrer">law</a>');
    expect(html).toContain('<a href="mailto:a@b.kz" rel="noopener noreferrer">mail</a>');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('bad');
  });

  it('turns images into links: no remote image may tell its host who read the page or mail', () => {
    expect(renderPetitionMarkdown('![poster](https://example.org/p.png)')).toBe(
      '<p><a href="https://example.org/p.png" rel="noopener noreferrer">poster</a></p>\n',
    );
    expect(markdownToMailHtml('![pixel](https://tracker.example/p.gif)')).not.toContain('<img');
  });

  it('gives mail inline styles and line breaks, and pages neither', () => {
    const mail = markdownToMailHtml('## News\nline one\nline two [more](https://dauys.kz)');
    expect(mail).toContain('<h2 style="margin:24px 0 12px;font-size:20px;line-height:1.3">News</h2>');
    expect(mail).toContain('line one<br>line two');
    expect(mail).toContain('style="color:#9a3412;text-decoration:underline"');
    expect(renderPetitionMarkdown('line one\nline two')).toBe('<p>line one\nline two</p>\n');
  });
});
