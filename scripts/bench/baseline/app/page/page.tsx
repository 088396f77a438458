export const dynamic = 'force-dynamic';

const PARAGRAPH =
  'Every signature is a voice for a law that protects people from violence at home. Read the petition, sign it and share it with the people you know. ';

/** A dynamic page of plain paragraphs; `?filler=N` adds about N characters of text (bench:sign sizes it like the petition page). */
export default async function Page({ searchParams }: { searchParams: Promise<{ filler?: string }> }) {
  const filler = Math.max(0, Math.min(2_000_000, Number((await searchParams).filler) || 0));
  const count = Math.ceil(filler / PARAGRAPH.length);
  return (
    <main>
      <h1>Baseline page</h1>
      {Array.from({ length: count }, (_, index) => (
        <p key={index}>
          {index + 1}. {PARAGRAPH}
        </p>
      ))}
    </main>
  );
}
