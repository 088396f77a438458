import { createSafeMarkdown } from '@/lib/markdown/safe-markdown';

/** Petition text (and hand-over notes) on the public page. */
export const renderPetitionMarkdown = createSafeMarkdown({ breaks: false, linkAttributes: 'rel="noopener noreferrer"' });
