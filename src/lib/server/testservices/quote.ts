// Quote arithmetic in whole won: line amounts, 10 % VAT on the supply (부가가치세, rounded down as
// Korean tax invoices do), the total the organisation approves and is charged.
export const VAT_RATE = 0.1;

export type Line = { quantity: number; unitPriceKrw: number };

export function quoteTotals(lines: Line[]) {
	const supplyKrw = lines.reduce((sum, l) => sum + l.quantity * l.unitPriceKrw, 0);
	const vatKrw = Math.floor(supplyKrw * VAT_RATE);
	return { supplyKrw, vatKrw, totalKrw: supplyKrw + vatKrw };
}

/** The report is due `days` calendar days after the samples arrive. */
export const dueDate = (receivedAt: Date, days: number) => new Date(receivedAt.getTime() + days * 86_400_000);
