/** A request's JSON body, or `undefined` when it is missing or malformed (zod then reports it as 400). */
export async function readJson(request: Request): Promise<unknown> {
	try {
		return await request.json();
	} catch {
		return undefined;
	}
}
