// English needs "1 organisation", not "1 organisations"; Korean reads the same either way.
export function countText(count: number, one: () => string, many: (args: { count: string }) => string): string {
	return count === 1 ? one() : many({ count: String(count) });
}
