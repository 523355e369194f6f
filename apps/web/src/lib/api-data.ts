/** An openapi-fetch answer's data, or a thrown error carrying the API's body for the page to show. */
export async function dataOf<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (data === undefined) throw Object.assign(new Error(`HTTP ${response.status}`), { body: error });
  return data;
}
