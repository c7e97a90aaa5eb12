// A file the browser saves: private, never cached, never sniffed into another type.
export function download(body: string | Buffer, type: string, filename: string): Response {
	return new Response(typeof body === 'string' ? body : new Uint8Array(body), {
		headers: {
			'content-type': type,
			'content-disposition': `attachment; filename="${filename}"`,
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
}

/** A CSV file (UTF-8) the browser saves. */
export const csvDownload = (csv: string, filename: string) => download(csv, 'text/csv; charset=utf-8', filename);
