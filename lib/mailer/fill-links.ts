/**
 * A message rendered once with placeholder URLs, made one recipient's: each placeholder is replaced
 * by that recipient's URL. Placeholders must be URL-safe so rendering leaves them intact.
 */
export function fillLinks<M extends { html: string; text: string }>(
  message: M,
  links: ReadonlyArray<readonly [placeholder: string, url: string]>,
): M {
  let { html, text } = message;
  for (const [placeholder, url] of links) {
    // In HTML attributes `&` is written `&amp;`; the links carry query strings.
    html = html.replaceAll(placeholder, url.replaceAll('&', '&amp;'));
    text = text.replaceAll(placeholder, url);
  }
  return { ...message, html, text };
}
