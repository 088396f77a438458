'use client';

export { PageError as default } from '@/app/_components/page-error';
