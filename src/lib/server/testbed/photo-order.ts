// Where each photo goes when one moves a step: pure, so the rule is tested without a database.

/** The ids in their new order; unchanged when the photo is unknown or already at that end. */
export function movePhotoInOrder(ids: string[], photoId: string, direction: 'up' | 'down'): string[] {
	const from = ids.indexOf(photoId);
	const to = direction === 'up' ? from - 1 : from + 1;
	if (from < 0 || to < 0 || to >= ids.length) return ids;
	const next = [...ids];
	[next[from], next[to]] = [next[to], next[from]];
	return next;
}
