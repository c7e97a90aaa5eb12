// QR codes drawn on the server as one SVG path, so the page shows them without JavaScript or images.
import qrcode from 'qrcode-generator';

export type QrCode = { size: number; path: string };

/** The modules of `text` (error correction M) with a quiet zone of `margin` modules, as path data. */
export function qrCode(text: string, margin = 4): QrCode {
	const qr = qrcode(0, 'M');
	qr.addData(text, 'Byte');
	qr.make();
	const count = qr.getModuleCount();
	const parts: string[] = [];
	for (let row = 0; row < count; row++) {
		for (let col = 0; col < count; col++)
			if (qr.isDark(row, col)) parts.push(`M${col + margin} ${row + margin}h1v1h-1z`);
	}
	return { size: count + 2 * margin, path: parts.join('') };
}
