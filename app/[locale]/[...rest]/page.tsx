import { notFound } from 'next/navigation';

// Unknown paths inside a locale get the localised not-found page of app/[locale]/not-found.tsx.
export default function CatchAll() {
  notFound();
}
