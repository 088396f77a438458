import type { Formats } from 'use-intl/core';

/** Everything shown to people is in Kazakhstan's time (one zone, UTC+5, since March 2024). */
export const TIME_ZONE = 'Asia/Almaty';

export const formats = {
  dateTime: {
    short: { day: 'numeric', month: 'short', year: 'numeric' },
    long: { day: 'numeric', month: 'long', year: 'numeric', weekday: 'long' },
    time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
    dateTime: { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  },
  number: {
    integer: { maximumFractionDigits: 0 },
    percent: { style: 'percent', maximumFractionDigits: 0 },
  },
} satisfies Formats;
