// Every check returns either the normalised value to store or a French message that tells the user what to type.
export type Check<T> = { ok: true; value: T } | { ok: false; message: string };

export const ok = <T>(value: T): Check<T> => ({ ok: true, value });

export const fail = <T = never>(message: string): Check<T> => ({ ok: false, message });
