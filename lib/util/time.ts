/** Unix seconds, as the API shows every timestamp. */
export const unix = (d: Date) => Math.floor(d.getTime() / 1000);
export const unixOrNull = (d: Date | null | undefined) => (d ? unix(d) : null);
