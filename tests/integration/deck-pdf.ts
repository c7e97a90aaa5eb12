// A real, tiny PDF of n pages (each a filled square at a different place), built by hand with a correct
// xref table so pdftoppm renders it without repairs.
export function multiPagePdf(pages: number): Uint8Array<ArrayBuffer> {
	const objects: string[] = [];
	const kids = Array.from({ length: pages }, (_, i) => `${3 + i * 2} 0 R`).join(' ');
	objects.push('<< /Type /Catalog /Pages 2 0 R >>');
	objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`);
	for (let i = 0; i < pages; i++) {
		const stream = `0 0 1 rg ${20 + i * 30} 40 60 60 re f`;
		objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents ${4 + i * 2} 0 R >>`);
		objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
	}
	let body = '%PDF-1.4\n';
	const offsets: number[] = [];
	objects.forEach((object, i) => {
		offsets.push(body.length);
		body += `${i + 1} 0 obj\n${object}\nendobj\n`;
	});
	const xref = body.length;
	body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
	body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return new Uint8Array(new TextEncoder().encode(body));
}
