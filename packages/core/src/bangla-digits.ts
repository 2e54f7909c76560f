const BANGLA_ZERO = 0x09e6;

/** Replaces Bengali digits (০–৯) with ASCII 0–9; everything else is left as it is. */
export function toAsciiDigits(s: string): string {
  return s.replace(/[০-৯]/g, (d) => String(d.charCodeAt(0) - BANGLA_ZERO));
}

/** Replaces ASCII digits with Bengali digits (০–৯), for Bengali-script display. */
export function toBanglaDigits(s: string): string {
  return s.replace(/[0-9]/g, (d) => String.fromCharCode(BANGLA_ZERO + Number(d)));
}
