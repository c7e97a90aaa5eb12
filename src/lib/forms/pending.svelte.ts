// Progress feedback for enhanced forms: `pending` is true while the submission is in flight.
import type { SubmitFunction } from '@sveltejs/kit';

export function createPending() {
	let pending = $state(false);
	const submit: SubmitFunction = () => {
		pending = true;
		return async ({ update }) => {
			try {
				await update();
			} finally {
				pending = false;
			}
		};
	};
	return {
		get pending() {
			return pending;
		},
		submit
	};
}
