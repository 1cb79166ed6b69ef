// The API's JSON replies remember their text: the server that dispatches /v1 itself (scripts/api-dispatch.ts) writes
// that string to the socket instead of reading it back out of the Response's body stream. Under Next the Response is
// read as any other. Kept on globalThis: the dispatcher and the route modules Next's build bundled are two copies of
// this module.
const slot = globalThis as unknown as { __caisseJsonTexts?: WeakMap<Response, string> };
const texts = (slot.__caisseJsonTexts ??= new WeakMap<Response, string>());

export function jsonResponse(status: number, text: string, headers: Record<string, string>): Response {
  const response = new Response(text, { status, headers });
  texts.set(response, text);
  return response;
}

/** The JSON text a reply was made from, when jsonResponse made it. */
export const jsonTextOf = (response: Response): string | undefined => texts.get(response);
